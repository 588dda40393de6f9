// Hardening item 19: every module of lib/ that reads or writes data is marked server-only, so that no
// client component can ever import it (the build fails instead). A module "touches data" when it uses
// the Prisma client, the pool, raw SQL or a transaction.
import fs from "node:fs";
import path from "node:path";

const root = path.join(__dirname, "..", "..", "lib");
const TOUCHES_DATA = /\bgetPrisma\(|\bgetPool\(|\$queryRaw|\$executeRaw|\bsql\.query\(|\btx\.\w+\.|\bprismaSql\(/;

function modules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : modules(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

it("marks every module of lib/ that reads or writes data as server-only", () => {
  const offenders = modules(root)
    .filter((file) => TOUCHES_DATA.test(fs.readFileSync(file, "utf8")))
    .filter((file) => !/^import "server-only";$/m.test(fs.readFileSync(file, "utf8")))
    .map((file) => path.relative(root, file));
  expect(offenders).toEqual([]);
});

it("finds the modules it is about (the check itself works)", () => {
  const touching = modules(root).filter((file) => TOUCHES_DATA.test(fs.readFileSync(file, "utf8")));
  expect(touching.length).toBeGreaterThan(25);
  expect(touching.map((file) => path.relative(root, file))).toEqual(expect.arrayContaining(["booking/request.ts", "people/people.ts", "venue/events.ts"]));
});
