// Issue 35.2, the public pages on a phone: what Lighthouse's best practices held against them, in a real
// browser against the demo — no error in the console (a missing /favicon.ico was one on every page; the
// visitor's offer redrew itself after a hydration mismatch), no breach of the Content-Security-Policy
// (zod tried `new Function` on the pages with a form), and the JavaScript a page loads kept within a
// budget (every page carried the whole French catalog and next-auth's client). npm run bench:lighthouse
// gives the scores.
import { expect, test, type Page } from "@playwright/test";
import { VISITOR_CODE } from "./support";

const PUBLIC_PAGES = ["/", "/comment-ca-marche", "/faq", "/faq/facile", "/devenir-partenaire", "/activites", "/code", "/connexion", "/mot-de-passe-oublie"];

/** Console errors, uncaught errors and policy violations while `path` loads and settles. */
async function problemsOn(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === "error") problems.push(`console : ${message.text()}`);
  };
  const onError = (error: Error) => problems.push(`erreur : ${error.message}`);
  page.on("console", onConsole);
  page.on("pageerror", onError);
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const violations = await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
  page.off("console", onConsole);
  page.off("pageerror", onError);
  return [...problems, ...violations.map((violation) => `CSP : ${violation}`)];
}

test.beforeEach(async ({ page }) => {
  // Every breach of the policy, as the page meets it (the browser reports one even when the script catches it).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`));
  });
});

test("the public pages load without an error in the console or a breach of the policy", async ({ page }) => {
  test.setTimeout(120_000);
  for (const path of PUBLIC_PAGES) expect(await problemsOn(page, path), path).toEqual([]);
});

test("the visitor's offer loads without an error either, in easy-to-read words and in the classic version", async ({ page }) => {
  await page.goto("/code");
  await page.getByLabel("Le code de ta structure").fill(VISITOR_CODE);
  await page.getByRole("button", { name: "Voir les sorties" }).click();
  await page.waitForURL(/\/offre/);
  expect(await problemsOn(page, "/offre")).toEqual([]);
  await page.getByRole("button", { name: "Voir la version classique" }).click();
  await expect(page.getByRole("button", { name: "Voir la version facile à lire" })).toBeVisible();
  expect(await problemsOn(page, "/offre")).toEqual([]);
});

test("the site has its icon", async ({ request, page }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/^image\//);
  expect((await icon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // an ICO file
  await page.goto("/");
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /favicon\.ico/);
});

// Budgets in compressed bytes, with some room: before issue 35.2 the home page loaded 207 kB and the
// partnership request (a page with a form) 253 kB; 153 and 199 kB after. React and Next.js' router alone
// are about 130 kB.
const BUDGETS_KB = { "/": 170, "/devenir-partenaire": 215 };

test("a public page loads no more JavaScript than its budget", async ({ page }) => {
  const scripts: Promise<number>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script")
      scripts.push(
        response
          .request()
          .sizes()
          .then((sizes) => sizes.responseBodySize),
      );
  });
  for (const [path, budget] of Object.entries(BUDGETS_KB)) {
    scripts.length = 0;
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const total = (await Promise.all(scripts)).reduce((sum, bytes) => sum + bytes, 0);
    expect(total / 1024, path).toBeLessThanOrEqual(budget);
  }
});

// The stylesheet comes inside the page (experimental.inlineCss): once in its <style>, once in the page's
// flight data for React. Next.js 16.4 added a third copy, the root error boundary's, 30 kB of every page:
// the build drops it (scripts/lib/global-error-styles.mjs). A page also checked in the browser: styled.
test("a page carries its stylesheet twice, not three times", async ({ request, page }) => {
  for (const path of PUBLIC_PAGES) {
    const html = await (await request.get(path)).text();
    const style = /<style[^>]*>([^<]{60})/.exec(html)?.[1];
    expect(style, path).toBeTruthy();
    expect(html.split(style!).length - 1, path).toBe(2);
  }
  await page.goto("/");
  // Tailwind's preflight, from the stylesheet: no margin on the body.
  expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe("0px");
});
