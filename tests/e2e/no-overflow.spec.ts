// Nothing is wider than a phone (issue 14): at 390 px, the main pages of each role scroll only up and
// down. A wide table scrolls inside its own box; a long address or e-mail breaks.
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn, signInAsVisitor } from "./support";

const WIDTH = 390;
test.use({ viewport: { width: WIDTH, height: 844 } });

/** A page to visit: its path, or a list and the kind of link to follow from it (the first such link). */
type Visit = string | { from: string; to: RegExp[] };

const id = "[0-9a-f-]{36}";
const follow = (from: string, ...to: string[]): Visit => ({ from, to: to.map((path) => new RegExp(`^${path}$`)) });

/** Each page too wide: its path, its width, and the elements that stick out, to find the cause. */
async function overflows(page: Page, visits: Visit[]): Promise<string[]> {
  const found: string[] = [];
  for (const visit of visits) {
    let path = typeof visit === "string" ? visit : visit.from;
    if (typeof visit !== "string") {
      for (const pattern of visit.to) {
        await page.goto(path);
        const hrefs = await page.locator("main a").evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
        const next = hrefs.find((href) => pattern.test(href));
        expect(next, `${path} links to ${pattern}`).toBeTruthy();
        path = next!;
      }
    }
    const response = await page.goto(path);
    expect(response?.ok(), `${path} answers`).toBe(true);
    const widths = await page.evaluate(() => {
      const scroll = document.documentElement.scrollWidth;
      const inner = window.innerWidth;
      // On a phone (isMobile) the browser widens innerWidth to the content: the page's own width is
      // clientWidth, so both are checked.
      const client = document.documentElement.clientWidth;
      const limit = Math.min(inner, client);
      const culprits = [...document.querySelectorAll("body *")]
        .filter((element) => element.getBoundingClientRect().right > limit + 0.5 && !element.closest('[role="region"][tabindex="0"]'))
        .slice(0, 3)
        .map((element) => `<${element.tagName.toLowerCase()} class="${String(element.getAttribute("class") ?? "").slice(0, 60)}">`);
      return { scroll, inner, client, culprits };
    });
    if (widths.scroll > widths.inner || widths.scroll > widths.client || widths.scroll > WIDTH) {
      found.push(`${path}: ${widths.scroll} px wide for ${Math.min(widths.inner, widths.client)} px ${widths.culprits.join(" ")}`);
    }
  }
  return found;
}

test("public pages", async ({ page }) => {
  expect(await overflows(page, ["/", "/comment-ca-marche", "/faq", "/devenir-partenaire", "/activites", "/connexion", "/mot-de-passe-oublie"])).toEqual([]);
});

test("the partner's pages", async ({ page }) => {
  test.slow();
  await signIn(page, ACCOUNTS.partner);
  const pages: Visit[] = [
    "/partenaire",
    "/offre",
    "/offre?places=1&quand=mois",
    follow("/offre", `/offre/${id}`),
    "/partenaire/reservations",
    follow("/partenaire/reservations", `/partenaire/reservations/${id}`),
    "/partenaire/personnes",
    follow("/partenaire/personnes", `/partenaire/personnes/${id}`),
    "/partenaire/code-visiteur",
    "/comptes",
    "/mon-compte",
  ];
  expect(await overflows(page, pages)).toEqual([]);
});

test("the venue's pages", async ({ page }) => {
  test.slow();
  await signIn(page, ACCOUNTS.venue);
  const pages: Visit[] = [
    "/lieu",
    follow("/lieu", `/lieu/evenements/${id}`),
    follow("/lieu", `/lieu/evenements/${id}`, `/lieu/seances/${id}`),
    follow("/lieu", `/lieu/evenements/${id}`, `/lieu/evenements/${id}/bilan`),
    "/lieu/evenements/nouveau",
    "/lieu/controle",
    "/lieu/profil",
    "/comptes",
    "/mon-compte",
  ];
  expect(await overflows(page, pages)).toEqual([]);
});

test("the association's pages", async ({ page }) => {
  test.slow();
  await signIn(page, ACCOUNTS.admin);
  const pages: Visit[] = [
    "/admin",
    "/admin/structures",
    "/admin/structures?vue=tableau",
    follow("/admin/structures", `/admin/structures/${id}`),
    "/admin/lieux",
    follow("/admin/lieux", `/admin/lieux/${id}`),
    "/admin/activites",
    follow("/admin/activites", `/admin/activites/${id}`),
    "/admin/adhesions",
    "/admin/reservations",
    follow("/admin/reservations", `/admin/reservations/${id}`),
    "/admin/journal",
    "/admin/courriels",
    "/admin/donnees-personnelles",
    "/offre",
    "/comptes",
    "/mon-compte",
  ];
  expect(await overflows(page, pages)).toEqual([]);
});

test("the visitor's pages", async ({ page }) => {
  await signInAsVisitor(page);
  expect(await overflows(page, ["/offre", follow("/offre", `/offre/${id}`), "/mon-referent"])).toEqual([]);
});
