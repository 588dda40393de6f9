import { defineConfig, devices } from "@playwright/test";
import { e2eSmppPort } from "./tests/e2e/smpp";

// Browser tests drive Debian's Chromium (`apt-get install chromium`): Playwright's own browser
// download cannot work on these machines. They run against the demo (production build, embedded
// PostgreSQL) started on its own port with its own data folder, so a running demo is left alone.
const port = Number(process.env.E2E_PORT ?? 3100);
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    launchOptions: chromium,
  },
  projects: [
    // The narrow-screen check (no-overflow) runs on the phone only.
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined, launchOptions: chromium }, testIgnore: /no-overflow\.spec/ },
    // The partner's and the venue's whole days, and the pages' titles, run once, on a desktop; the phone
    // runs the other tests.
    {
      name: "phone",
      use: { ...devices["Pixel 7"], channel: undefined, launchOptions: chromium },
      testIgnore: /(partner|venue|hardening|mail|association|titles|keyboard|draw|activities|sms|import|calendar|late-places|season-import|door-offline)\.spec/,
    },
  ],
  webServer: {
    command: "node node_modules/tsx/dist/cli.mjs scripts/app.ts demo",
    url: `http://localhost:${port}/api/health`,
    // The demo migrates, seeds and builds the app first: about 2 minutes alone, more beside other work.
    timeout: 360_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "54339",
      BILLETTERIE_DATA_DIR: process.env.E2E_DATA_DIR ?? ".data/e2e",
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      // One process: on CI's two cores a second one doubled the suite's time (each process renders every
      // page cold once) for nothing the browser can tell apart. The processes' shared state is tested
      // apart (tests/integration/offer-changes.test.ts); E2E_WEB_CONCURRENCY=2 runs the suite on two.
      WEB_CONCURRENCY: process.env.E2E_WEB_CONCURRENCY ?? "1",
      // The season import's spec serves its agenda on this machine (decision 024: private addresses are
      // refused unless a test or the demo allows them).
      SEASON_IMPORT_ALLOW_PRIVATE: "1",
      // Texts go to an SMPP operator on a local port that tests/e2e/sms.spec.ts listens on while it runs
      // (tests/e2e/smpp.ts); for the other specs nothing listens, and none of them sends a text. Set here
      // only: `npm run demo` and `npm start` have no SMS_URL unless the operator's is configured.
      SMS_URL: `smpp://culture:e2e@127.0.0.1:${e2eSmppPort()}`,
      SMS_SENDER: "CultureTous",
    },
  },
});
