// Issue 13, item 13: every page has its own <title>, in the catalog's words. This guard lists every
// app/**/page.tsx and names each one that exports neither `metadata` nor `generateMetadata` (it would
// show the site's name alone, like every other such page: a list of tabs or a history where nothing can
// be told apart), each one whose title is a French literal rather than a catalog entry, and each
// "pageTitles" key a page asks for that the catalog lacks. The titles themselves, read through the
// pages' loaders as each actor, are checked in tests/integration/page-titles.test.ts.
import fs from "node:fs";
import path from "node:path";
import messages from "@/messages/fr";

const root = path.join(__dirname, "..", "..");
const app = path.join(root, "app");

function pages(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return pages(full);
    return entry.name === "page.tsx" ? [path.relative(root, full)] : [];
  });
}

const files = pages(app).sort();
const source = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

const EXPORTS_METADATA = /^export\s+(const\s+metadata\b|(async\s+)?function\s+generateMetadata\b)/m;
/** A title written in the page: `title: "…"`, `title: '…'`, `title: \`…\`` (in metadata or generateMetadata). */
const LITERAL_TITLE = /\btitle:\s*(\{\s*(absolute|default|template):\s*)?["'`]/;

it("finds the pages it is about (the check itself works)", () => {
  expect(files.length).toBeGreaterThan(30);
  expect(files).toEqual(
    expect.arrayContaining([
      path.join("app", "page.tsx"),
      path.join("app", "partenaire", "reservations", "[bookingId]", "page.tsx"),
      path.join("app", "lieu", "seances", "[sessionId]", "page.tsx"),
    ]),
  );
  expect(EXPORTS_METADATA.test("export const metadata: Metadata = { title: t }")).toBe(true);
  expect(EXPORTS_METADATA.test("export async function generateMetadata({ params }) {")).toBe(true);
  expect(EXPORTS_METADATA.test("// export const metadata")).toBe(false);
  expect(LITERAL_TITLE.test('export const metadata: Metadata = { title: "Réservation" };')).toBe(true);
  expect(LITERAL_TITLE.test("return { title: `Réservation ${number}` };")).toBe(true);
  expect(LITERAL_TITLE.test('return { title: { absolute: "Billetterie" } };')).toBe(true);
  expect(LITERAL_TITLE.test('return { title: (await getTranslations("pageTitles"))("people") };')).toBe(false);
});

it("gives every page a title of its own: metadata or generateMetadata", () => {
  expect(files.filter((file) => !EXPORTS_METADATA.test(source(file)))).toEqual([]);
});

it("takes every page's title from the catalog, never from a French literal", () => {
  expect(files.filter((file) => LITERAL_TITLE.test(source(file)))).toEqual([]);
});

it("asks the catalog only for page titles it has", () => {
  const known = new Set(Object.keys(messages.pageTitles));
  const asked = files.flatMap((file) => [...source(file).matchAll(/getTranslations\("pageTitles"\)\)\("(\w+)"\)/g)].map((match) => `${file}: ${match[1]!}`));
  expect(asked.length).toBeGreaterThan(15);
  expect(asked.filter((entry) => !known.has(entry.split(": ")[1]!))).toEqual([]);
});
