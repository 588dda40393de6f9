// Every refusal the domain can give has its sentence in the catalog: a code thrown in lib/ without one
// would reach the user as the developer's wording (or worse, as "unexpected error").
import fs from "node:fs";
import path from "node:path";
import messages from "@/messages/fr";

const root = path.join(__dirname, "..", "..", "lib");

function codesThrown(): string[] {
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) =>
        e.isDirectory() ? (e.name === "generated" ? [] : walk(path.join(dir, e.name))) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
      );
  const codes = new Set<string>();
  for (const file of walk(root)) for (const match of fs.readFileSync(file, "utf8").matchAll(/RuleViolation\(\s*"([A-Z_]+)"/g)) codes.add(match[1]!);
  return [...codes].sort();
}

it("has a French sentence for every rule violation lib/ throws", () => {
  const worded = Object.keys(messages.domainErrors);
  expect(codesThrown().filter((code) => !worded.includes(code))).toEqual([]);
});
