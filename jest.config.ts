import type { Config } from "jest";

// No result may depend on the machine's time zone: the suite runs in one that is not Paris and changes
// its clocks on other dates (TEST_TZ to try another). The embedded PostgreSQL inherits it too, so the
// database's own time zone is not Paris either. The clock is fixed as well: tests/support/clock.ts.
process.env.TZ = process.env.TEST_TZ ?? "America/New_York";
import nextJest from "next/jest.js";

// next/jest compiles TypeScript with SWC and reads next.config.mjs, tsconfig paths and .env files.
const createJestConfig = nextJest({ dir: "./" });

const common: Config = {
  moduleNameMapper: {
    "^@/(.*)$": "<rootDir>/$1",
    // Importing it outside React Server Components throws by design; tests call the data layer directly.
    "^server-only$": "<rootDir>/tests/support/empty-module.ts",
    // Its subpaths are exported for `import` only, which Jest's CommonJS resolver does not match.
    "^@react-pdf/hyphenate/(.*)$": "<rootDir>/node_modules/@react-pdf/hyphenate/lib/$1.js",
    // Its CommonJS build loads react-dom/server with import(), which Jest's CommonJS runtime refuses; its
    // ES build, compiled like our code, does not.
    "^@react-email/render$": "<rootDir>/node_modules/@react-email/render/dist/node/index.mjs",
  },
};

const unit: Config = {
  ...common,
  displayName: "unit",
  testEnvironment: "node",
  testMatch: ["<rootDir>/tests/unit/**/*.test.ts?(x)"],
  setupFilesAfterEnv: ["<rootDir>/tests/support/clock.ts", "<rootDir>/tests/support/jest-dom.ts"],
};

// Each integration test file gets its own database, cloned from a migrated template, so files run in
// parallel against the real PostgreSQL (see tests/support/README.md).
const integration: Config = {
  ...common,
  displayName: "integration",
  testEnvironment: "<rootDir>/tests/support/database-environment.ts",
  testMatch: ["<rootDir>/tests/integration/**/*.test.ts"],
  setupFilesAfterEnv: ["<rootDir>/tests/support/clock.ts", "<rootDir>/tests/support/integration-setup.ts"],
  globalSetup: "<rootDir>/tests/support/global-setup.ts",
  globalTeardown: "<rootDir>/tests/support/global-teardown.ts",
  // Jest's 5 s per test is a unit test's budget: an integration test talks to a real PostgreSQL, and the
  // first of a file also pays for loading the app's modules, which on a busy machine (load 5 on 2 cores)
  // took more than 5 s (issue 26.11). A test waits for conditions, never a fixed time; this only bounds
  // how long a broken one hangs. Truly heavy tests set their own.
  testTimeout: 30_000,
};

// Packages published only as ES modules, which Jest (CommonJS) must compile like our own code.
const esmPackages = [
  "next-intl",
  "use-intl",
  "icu-minify",
  "intl-messageformat",
  "@formatjs",
  "@schummar/icu-type-parser",
  "@faker-js/faker",
  "@react-pdf",
  "yoga-layout",
  "color-string",
  "color-name",
  "@react-email",
  "@noble",
];

async function withEsmPackages(config: Config): Promise<Config> {
  const resolved = await createJestConfig(config)();
  return {
    ...resolved,
    transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join("|")})/)`, "^.+\\.module\\.(css|sass|scss)$"],
  };
}

export default async function config(): Promise<Config> {
  return {
    projects: [await withEsmPackages(unit), await withEsmPackages(integration)],
    maxWorkers: 2,
    // A global option: inside a project Jest ignores it (the integration project's own line above says why).
    testTimeout: 30_000,
  };
}
