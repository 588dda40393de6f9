// Helpers of the end-to-end tests: the demo accounts, signing in, and reloading the demo data.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "culture-pour-tous";
export const ACCOUNTS = {
  admin: "admin@culture-pour-tous.test",
  partner: "referente@escale.test",
  venue: "billetterie@theatre-des-lilas.test",
} as const;
export const VISITOR_CODE = "ESCALE26";

/** Signs in and, unless a refusal is expected, waits to have left the sign-in page. */
export async function signIn(page: Page, email: string, password = PASSWORD, { refused = false } = {}) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  if (!refused) await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
}

export async function signInAsVisitor(page: Page, code = VISITOR_CODE) {
  await page.goto("/connexion");
  await page.getByLabel("Code d'accès").fill(code);
  await page.getByRole("button", { name: "Voir l'offre" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
}

/** The navigation of the header (a phone shows the same links, wrapped). */
export const mainNav = (page: Page) => page.getByRole("navigation", { name: "Navigation principale" });

/** Reloads the demo data in the running demo's database, so that a test starts from the seeded state. */
export function reseedDemo() {
  const root = path.resolve(__dirname, "..", "..");
  execFileSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/db.ts", "seed"], {
    cwd: root,
    stdio: "pipe",
    env: {
      ...process.env,
      BILLETTERIE_DATA_DIR: ".data/e2e",
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "54339",
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
    },
  });
}

export async function expectHeading(page: Page, text: string | RegExp) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text);
}
