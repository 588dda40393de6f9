import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The house's layering (issue 28.5; the rooms and why: docs/decisions/017-rooms.md). Imports run down
// only: app/ → components/ → lib/ (domain rooms) → lib/ (ground rooms). A page passes a server action to
// a component as a prop; a component never imports app/.
const APP = {
  group: ["@/app", "@/app/*", "**/app/*"],
  message: "components/ and lib/ never import app/: pass the server action as a prop (docs/decisions/017-rooms.md).",
};
const COMPONENTS = { group: ["@/components", "@/components/*", "**/components/*"], message: "lib/ never imports components/ (docs/decisions/017-rooms.md)." };

// The domain rooms: each holds the rules of one part of the platform. lib/auth is one too, but for the
// signed-in actor (actor.ts, current.ts), which the ground's route helpers need to answer 401.
const DOMAIN_ROOMS = [
  "activities",
  "association",
  "booking",
  "catalog",
  "feedback",
  "invitation",
  "jobs",
  "mail",
  "partner",
  "pdf",
  "people",
  "stats",
  "venue",
  "wishes",
];
const DOMAIN_FILES = ["retention", "navigation", "page-titles", "audit"];
const DOMAIN = {
  group: [
    ...DOMAIN_ROOMS.flatMap((room) => [`@/lib/${room}`, `@/lib/${room}/*`, `../${room}/*`, `../../lib/${room}/*`]),
    ...DOMAIN_FILES.flatMap((file) => [`@/lib/${file}`, `../${file}`]),
    "@/lib/auth/*",
    "!@/lib/auth/actor",
    "!@/lib/auth/current",
  ],
  message:
    "A ground room (lib/db, lib/http, lib/time.ts, lib/validation.ts…) never imports a domain room: move the shared piece down (docs/decisions/017-rooms.md).",
};
// The ground rooms: what every domain room may use, and which knows none of them.
const GROUND = [
  "lib/actions/**",
  "lib/db/**",
  "lib/format/**",
  "lib/http/**",
  "lib/i18n/**",
  "lib/codes.ts",
  "lib/conventions.ts",
  "lib/csv.ts",
  "lib/errors.ts",
  "lib/lists.ts",
  "lib/time.ts",
  "lib/validation.ts",
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "lib/generated/**",
      "node_modules/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "public/controle-sw.js",
    ],
  },
  { files: ["components/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: [APP] }] } },
  { files: ["lib/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: [APP, COMPONENTS] }] } },
  { files: GROUND, rules: { "no-restricted-imports": ["error", { patterns: [APP, COMPONENTS, DOMAIN] }] } },
  // A page or component past 250 lines is several things: split it into sections (issue 28.3).
  { files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"], rules: { "max-lines": ["warn", { max: 250 }] } },
];

export default config;
