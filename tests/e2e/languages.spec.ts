// Issue 34: a person reads their pages in their language. A visitor switches to Arabic with the header's
// switch (each language in its own name): the page is lang="ar" dir="rtl", the offer in both readings, an
// outing (the venue's text marked as French), a wish, feedback and the referent's page speak Arabic, and
// the choice stays from page to page; a partner on the same browser still reads French. On a phone, every
// person's page in each language passes axe and scrolls only up and down; the Arabic ones are
// photographed for a human to look at (test-results/…/ar-*.png). Runs on the desktop and on the phone.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { readPdf } from "../support/read-pdf";
import { ACCOUNTS, expectHeading, reseedDemo, signIn, signInAsVisitor } from "./support";

test.beforeAll(() => reseedDemo());

async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.map((v) => `${page.url()}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
}

/** The page is no wider than the screen (as no-overflow.spec.ts checks), with what sticks out if it is. */
async function fitsTheScreen(page: Page) {
  const widths = await page.evaluate(() => {
    const limit = Math.min(window.innerWidth, document.documentElement.clientWidth);
    // Right to left, what sticks out does so on the left.
    const culprits = [...document.querySelectorAll("body *")]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return (box.right > limit + 0.5 || box.left < -0.5) && !element.closest('[role="region"][tabindex="0"]') && !element.closest(".sr-only");
      })
      .slice(0, 3)
      .map((element) => `<${element.tagName.toLowerCase()} class="${String(element.getAttribute("class") ?? "").slice(0, 60)}">`);
    return { scroll: document.documentElement.scrollWidth, limit, culprits };
  });
  expect(widths.scroll <= widths.limit ? [] : [`${page.url()}: ${widths.scroll} px for ${widths.limit} px ${widths.culprits.join(" ")}`]).toEqual([]);
}

async function expectLanguage(page: Page, lang: string, dir: "ltr" | "rtl") {
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.locator("html")).toHaveAttribute("dir", dir);
}

async function photograph(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`ar-${name}.png`), fullPage: true });
}

/** The header's switch: its buttons are named in their own language, once on the page. */
const switchTo = (page: Page, name: string) => page.getByRole("button", { name, exact: true }).click();

test("a visitor switches to Arabic: the offer, an outing, a wish, feedback and the referent, right to left", async ({ page, isMobile }, testInfo) => {
  test.setTimeout(240_000);
  await signInAsVisitor(page);
  await expect(page).toHaveURL("/offre");
  await expectLanguage(page, "fr", "ltr");
  // The switch names each language in its own words and its own `lang`.
  const arabic = page.getByRole("button", { name: "العربية", exact: true });
  await expect(arabic).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("button", { name: "Français", exact: true })).toHaveAttribute("aria-pressed", "true");
  await switchTo(page, "العربية");

  // The easy-to-read offer.
  await expect(page).toHaveURL("/offre");
  await expectLanguage(page, "ar", "rtl");
  await expectHeading(page, "الفعاليات");
  await expect(page.getByText("الفعالية مجانية مع مركزك.")).toBeVisible();
  await expect(page.getByRole("button", { name: "العربية", exact: true })).toHaveAttribute("aria-pressed", "true");
  await axe(page);
  if (isMobile) await fitsTheScreen(page);
  await photograph(page, testInfo, "offre");

  // An outing: its dates in Arabic, the venue's text in French and said so, the wish in Arabic.
  await page
    .getByRole("link", { name: /^اعرض هذه الفعالية/ })
    .first()
    .click();
  await expectLanguage(page, "ar", "rtl");
  await expect(page.getByRole("heading", { name: "المواعيد" })).toBeVisible();
  await expect(page.getByText("نص المكان، باللغة الفرنسية")).toBeVisible();
  await expect(page.locator('main [lang="fr"]').first()).toBeVisible();
  await axe(page);
  if (isMobile) await fitsTheScreen(page);
  await photograph(page, testInfo, "sortie");
  const wish = page.getByRole("region", { name: "أريد أن أذهب" });
  await wish.getByLabel("اسمك الأول أو الحروف الأولى من اسمك").fill("أ. ب.");
  await wish.getByRole("button", { name: "أرسل رغبتي" }).click();
  await expect(page.getByText("تم الإرسال إلى مرافقك.")).toBeVisible();

  // The choice stays: the referent's page, the easy questions.
  await page.goto("/mon-referent");
  await expectLanguage(page, "ar", "rtl");
  await expectHeading(page, "مركزك");
  await expect(page.locator('main bdi[dir="ltr"]').first()).toBeVisible();
  await axe(page);
  if (isMobile) await fitsTheScreen(page);
  await photograph(page, testInfo, "mon-referent");
  await page.goto("/faq/facile");
  await expectLanguage(page, "ar", "rtl");
  await expectHeading(page, "الأسئلة، بكلام سهل");
  await axe(page);
  if (isMobile) await fitsTheScreen(page);
  await photograph(page, testInfo, "faq-facile");

  // Feedback: the form and its refusal in Arabic.
  await page.goto("/offre/avis");
  await expectLanguage(page, "ar", "rtl");
  await expectHeading(page, "أعطي رأيي");
  await page.getByLabel("رمز دعوتك").fill("222-222");
  await page.getByRole("radio", { name: "أحببتها كثيرًا" }).check();
  await page.getByRole("button", { name: "أرسل رأيي" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("هذا الرمز لا يعمل.");
  await axe(page);
  if (isMobile) await fitsTheScreen(page);
  await photograph(page, testInfo, "avis");

  // The classic catalogue, in Arabic too.
  await page.goto("/offre");
  await page.getByRole("button", { name: "اعرض النسخة العادية" }).click();
  await expectLanguage(page, "ar", "rtl");
  await expectHeading(page, "الفعاليات");
  await expect(page.getByText("المواعيد القادمة التي تعطي فيها الأماكن دعوات مجانية.")).toBeVisible();
  await axe(page);
  if (isMobile) await fitsTheScreen(page);
  await photograph(page, testInfo, "offre-classique");
  await page.getByRole("main").getByRole("article").first().getByRole("heading", { level: 3 }).getByRole("link").click();
  await expectLanguage(page, "ar", "rtl");
  await expect(page.getByRole("heading", { name: "المواعيد" })).toBeVisible();
  await axe(page);
  if (isMobile) await fitsTheScreen(page);
  await photograph(page, testInfo, "sortie-classique");
  await page.goto("/offre");
  await page.getByRole("button", { name: "اعرض النسخة السهلة" }).click();
  await expectHeading(page, "الفعاليات");

  // Back to French with the same switch.
  await switchTo(page, "Français");
  await expectLanguage(page, "fr", "ltr");
  await expectHeading(page, "Les sorties");
});

test("feedback with the invitation's code, in Arabic", async ({ page, isMobile }) => {
  test.skip(isMobile, "the code is used once: run on the desktop");
  test.setTimeout(120_000);
  // A structure's member on a browser where Arabic was chosen still reads French.
  await page.context().addCookies([{ name: "langue", value: "ar", url: `${test.info().project.use.baseURL}/` }]);
  await signIn(page, ACCOUNTS.partner);
  await page.goto("/offre");
  await expectLanguage(page, "fr", "ltr");
  await page.goto("/partenaire/reservations?onglet=passees");
  const outing = page.getByRole("listitem").filter({ hasText: "Théâtre des Lilas" }).first();
  const title = (await outing.getByRole("heading", { level: 2 }).innerText()).trim();
  const bookingHref = await outing.getByRole("link", { name: title }).getAttribute("href");
  const invitation = await page.request.get(`/api/bookings/${bookingHref!.split("/").pop()}/invitation`);
  const { pages } = await readPdf(await invitation.body());
  const code = /\b[2-9A-HJ-NP-Z]{3}-[2-9A-HJ-NP-Z]{3}\b/.exec(pages[0]!.replace(/\s+/g, " "))?.[0];
  expect(code).toBeDefined();
  await page.context().clearCookies();

  await signInAsVisitor(page);
  await switchTo(page, "العربية");
  await page.goto("/offre/avis");
  await page.getByLabel("رمز دعوتك").fill(code!);
  await page.getByRole("radio", { name: "أعجبتني" }).check();
  await page.getByLabel("كلماتك، إذا أردت").fill("سهرة جميلة.");
  await page.getByRole("button", { name: "أرسل رأيي" }).click();
  await expect(page.getByText(/^شكرًا\. رأيك في «/)).toBeVisible();
  await expect(page.getByText(title, { exact: false })).toBeVisible();
});

test("on a phone, every person's page in each language: axe and no sideways scrolling", async ({ page, isMobile }) => {
  test.skip(!isMobile, "the phone's check");
  test.setTimeout(420_000);
  await signInAsVisitor(page);
  await page
    .getByRole("link", { name: /^Voir cette sortie/ })
    .first()
    .click();
  const outing = new URL(page.url()).pathname;
  for (const [name, lang, dir] of [
    ["English", "en", "ltr"],
    ["العربية", "ar", "rtl"],
    ["دری", "fa-AF", "rtl"],
    ["Українська", "uk", "ltr"],
    ["Русский", "ru", "ltr"],
  ] as const) {
    await page.goto("/offre");
    await switchTo(page, name);
    for (const path of ["/offre", outing, "/offre/avis", "/mon-referent", "/faq/facile"]) {
      await page.goto(path);
      await expectLanguage(page, lang, dir);
      await axe(page);
      await fitsTheScreen(page);
    }
  }
});
