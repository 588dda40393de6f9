// An automatic accessibility check (axe, WCAG 2.1 A and AA rules) of the main pages of each role. It
// catches what a machine can: missing labels, contrast, landmarks, ARIA misuse; not a substitute for
// trying the pages with a screen reader.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn, signInAsVisitor } from "./support";

async function expectNoViolations(page: Page, path: string) {
  await page.goto(path);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.map((v) => `${path}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
}

test("public pages and sign-in", async ({ page }) => {
  for (const path of ["/", "/comment-ca-marche", "/faq", "/devenir-partenaire", "/activites", "/connexion", "/code", "/mot-de-passe-oublie"])
    await expectNoViolations(page, path);
});

test("the partner's pages", async ({ page }) => {
  // Six pages scanned by axe: its own time on a busy machine (it ran out of 30 s once at load 20).
  test.setTimeout(60_000);
  await signIn(page, ACCOUNTS.partner);
  for (const path of ["/partenaire", "/offre", "/partenaire/reservations", "/partenaire/personnes", "/comptes", "/mon-compte"])
    await expectNoViolations(page, path);
});

test("the venue's pages", async ({ page }) => {
  await signIn(page, ACCOUNTS.venue);
  for (const path of ["/lieu", "/lieu/controle", "/lieu/profil"]) await expectNoViolations(page, path);
});

// The association's team works at a desk: its pages are checked here once, on the desktop (axe's rules are
// the same at both widths); their phone layout is checked by no-overflow.spec.ts. CI keeps to its 20 minutes.
const DESKTOP_ONLY = "the association's pages: once, on the desktop";

test("the association's pages", async ({ page, isMobile }) => {
  test.skip(isMobile, DESKTOP_ONLY);
  await signIn(page, ACCOUNTS.admin);
  for (const path of ["/admin", "/admin/courriels", "/admin/courriels?etat=echec", "/admin/donnees-personnelles", "/comptes", "/mon-compte"])
    await expectNoViolations(page, path);
});

test("the association's back office", async ({ page, isMobile }) => {
  test.skip(isMobile, DESKTOP_ONLY);
  test.slow();
  await signIn(page, ACCOUNTS.admin);
  const lists = [
    "/admin/structures",
    "/admin/structures?vue=tableau",
    "/admin/lieux",
    "/admin/activites",
    "/admin/adhesions",
    "/admin/adhesions?etat=adherente",
    "/admin/reservations",
    "/admin/reservations?etat=CANCELLED",
    "/admin/journal",
  ];
  for (const path of lists) await expectNoViolations(page, path);
  // One of each kind of file: the first structure, venue and booking their lists link to.
  for (const [list, pattern] of [
    ["/admin/structures?q=Bellecour", /^\/admin\/structures\/[0-9a-f-]{36}$/],
    ["/admin/lieux", /^\/admin\/lieux\/[0-9a-f-]{36}$/],
    ["/admin/activites", /^\/admin\/activites\/[0-9a-f-]{36}$/],
    ["/admin/reservations", /^\/admin\/reservations\/[0-9a-f-]{36}$/],
  ] as const) {
    await page.goto(list);
    const hrefs = await page.locator("main a").evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    const file = hrefs.find((href) => pattern.test(href));
    expect(file, `${list} links to a file`).toBeTruthy();
    await expectNoViolations(page, file!);
  }
});

test("the visitor's pages", async ({ page }) => {
  await signInAsVisitor(page);
  for (const path of ["/offre", "/offre/avis", "/mon-referent", "/activites"]) await expectNoViolations(page, path);
});
