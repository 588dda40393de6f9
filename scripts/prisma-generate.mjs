// `prisma generate` after every install. The Prisma CLI insists on finding its native schema engine,
// which it would download (impossible here) although generating the client never runs it: point it at
// any existing file. See docs/decisions/001-offline-migrations.md.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const packageJson = fileURLToPath(new URL("../package.json", import.meta.url));
const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? packageJson },
});
process.exit(result.status ?? 1);
