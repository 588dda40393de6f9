// Hardening item 21: every exported function of lib/ that takes the acting user first has its cases in
// the authorization matrix (tests/integration/authorization/*.cases.ts, named "… (functionName)"). The
// functions are found by reading lib/ with TypeScript's own parser, so a new one cannot be forgotten.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = path.join(__dirname, "..", "..");

/** Pure decisions on the actor alone, which read no data: they are what the matrix's functions use. */
const NOT_DATA_ACCESS: Record<string, string> = {
  "auth/permissions.ts": "the rules themselves, pure functions of the actor",
  "auth/actor.ts": "how the audit log names an actor",
  "auth/current.ts#homeOf": "the home page of a role",
  "venue/access.ts#ensureVenueStaff": "a pure check of the actor's role",
  "venue/access.ts#ensureManages": "a pure check of the actor's venues",
  "catalog/reading-mode.ts#readsEasy": "a pure choice of the pages' wording, decided by the actor's kind (tests/unit/listen-button.test.tsx)",
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Exported functions (declarations or consts) whose first parameter is typed Actor. */
export function actorFunctions(): string[] {
  const found: string[] = [];
  for (const file of sources(path.join(root, "lib"))) {
    const relative = path.relative(path.join(root, "lib"), file);
    if (NOT_DATA_ACCESS[relative]) continue;
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    source.forEachChild((node) => {
      if (!(ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Export)) return;
      const candidates: [string, ts.SignatureDeclaration][] = [];
      if (ts.isFunctionDeclaration(node) && node.name) candidates.push([node.name.text, node]);
      if (ts.isVariableStatement(node)) {
        for (const declaration of node.declarationList.declarations) {
          let init = declaration.initializer;
          // export const f = cache(async (actor: Actor) => …)
          if (init && ts.isCallExpression(init)) init = init.arguments[0];
          if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && ts.isIdentifier(declaration.name))
            candidates.push([declaration.name.text, init]);
        }
      }
      for (const [name, signature] of candidates) {
        if (signature.parameters[0]?.type?.getText(source) === "Actor" && !NOT_DATA_ACCESS[`${relative}#${name}`]) found.push(name);
      }
    });
  }
  return found.sort();
}

function matrixCaseNames(): Set<string> {
  const folder = path.join(root, "tests", "integration", "authorization");
  const names = new Set<string>();
  for (const file of fs.readdirSync(folder).filter((name) => name.endsWith(".cases.ts"))) {
    for (const match of fs.readFileSync(path.join(folder, file), "utf8").matchAll(/name: "[^"]*\((\w+)\)"/g)) names.add(match[1]!);
  }
  return names;
}

it("has a case in the authorization matrix for every lib function that takes the actor", () => {
  const covered = matrixCaseNames();
  expect(actorFunctions().filter((name) => !covered.has(name))).toEqual([]);
});

it("reads lib/ for real (the check itself works)", () => {
  const functions = actorFunctions();
  expect(functions).toEqual(expect.arrayContaining(["requestBooking", "cancelBooking", "listPeople", "getGuestList"]));
  expect(functions.length).toBeGreaterThan(40);
});
