// Issue 34.2: the person's pages mirror in Arabic and Dari, so what they render says start and end, never
// left and right (Tailwind's logical classes: ms-/me-, ps-/pe-, start-/end-, text-start/end, border-s/e,
// rounded-s/e). The staff's pages stay French and left to right.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const PERSON_FILES = [
  "app/layout.tsx",
  "app/offre/page.tsx",
  "app/offre/[eventId]/page.tsx",
  "app/offre/avis/page.tsx",
  "app/mon-referent/page.tsx",
  "app/faq/facile/page.tsx",
  "components/site-header.tsx",
  "components/site-footer.tsx",
  "components/empty-page-notice.tsx",
  "components/linked-text.tsx",
  "components/offer/catalog-event-card.tsx",
  "components/offer/catalog-filters.tsx",
  "components/offer/catalog-filters-toggle.tsx",
  "components/offer/catalog-pagination.tsx",
  "components/offer/event-session.tsx",
  ...["components/easy", "components/i18n", "components/forms", "components/offer/offer-page/sections"].flatMap((dir) =>
    fs.readdirSync(path.join(root, dir)).map((file) => `${dir}/${file}`),
  ),
].filter((file) => /\.tsx?$/.test(file));

const PHYSICAL =
  /(?<![\w-])-?(?:[a-z]+:)*(?:m[lr]|p[lr]|left|right|text-(?:left|right)|border-[lr]|rounded-(?:[lr]|tl|tr|bl|br)|scroll-m[lr]|float-(?:left|right))(?:-[\w./[\]]+)?(?![\w-])/g;

describe("the person's pages' components", () => {
  it.each(PERSON_FILES)("%s uses logical classes only", (file) => {
    const text = fs.readFileSync(path.join(root, file), "utf8");
    const classes = [...text.matchAll(/className=(?:"([^"]*)"|\{`([^`]*)`\})/g)].flatMap((match) => (match[1] ?? match[2] ?? "").split(/\s+/));
    expect(classes.filter((name) => name.match(PHYSICAL)?.[0] === name)).toEqual([]);
  });
});
