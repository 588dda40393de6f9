// The migrations in prisma/migrations must describe schema.prisma exactly: a change to the schema
// without its migration fails here (and `npm run db:check` says which SQL is missing).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(__dirname, "..", "..");
const db = (command: string) =>
  run(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/db.ts", command], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
  });

describe("migrations", () => {
  it("cover every change of schema.prisma", async () => {
    const { stdout } = await db("check");
    expect(stdout).toContain("Les migrations couvrent schema.prisma.");
  }, 60_000);

  it("are all applied to a database built by the test setup, so applying them again does nothing", async () => {
    const { stdout } = await db("migrate");
    expect(stdout).toContain("La base est à jour.");
  }, 60_000);
});
