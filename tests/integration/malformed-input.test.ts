// Hardening item 17: bad input gets a clear answer (a domain error the UI words in French: invalid
// input, not found, refused), never an unexpected error (a 500). Every exported function of lib/ that
// takes the actor first (found by reading lib/, as the authorization-coverage test does) is called by
// the association, which may do everything, with ids that are not ids, with inputs of the wrong shape,
// and with real ids around text holding a NUL byte, control characters or a prototype's key.
import { randomUUID } from "node:crypto";
import path from "node:path";
import ts from "typescript";
import fs from "node:fs";
import { InvalidInput } from "@/lib/validation";
import { DomainError } from "@/lib/errors";
import { matrixWorld, type MatrixWorld } from "../factories/matrix";

jest.setTimeout(120_000);

const root = path.join(__dirname, "..", "..");
const SKIP_FILES = new Set(["auth/permissions.ts", "auth/actor.ts", "auth/current.ts", "audit.ts"]);

interface Target {
  file: string;
  name: string;
  params: { name: string; type: string }[];
}

function targets(): Target[] {
  const found: Target[] = [];
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) =>
        e.isDirectory() ? (e.name === "generated" ? [] : walk(path.join(dir, e.name))) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
      );
  for (const file of walk(path.join(root, "lib"))) {
    const relative = path.relative(path.join(root, "lib"), file);
    if (SKIP_FILES.has(relative)) continue;
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    source.forEachChild((node) => {
      if (!ts.isFunctionDeclaration(node) || !node.name || !(ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Export)) return;
      const params = node.parameters.map((p) => ({ name: p.name.getText(source), type: p.type?.getText(source) ?? "" }));
      if (params[0]?.type === "Actor") found.push({ file: relative.replace(/\.tsx?$/, ""), name: node.name.text, params: params.slice(1) });
    });
  }
  return found;
}

const TEXT = ["\u0000", "a\u0000b", "toString", "__proto__", "constructor", "\u202E\u200B", "x".repeat(20_000), '\'; DROP TABLE "Booking"; --'];
const ODD: unknown[] = [undefined, null, 42, -1, 1e300, NaN, true, [], {}, ["a"], { toString: "x" }];

/** Real ids of the world for the fields that name a thing, so that the text fields are reached. */
function realIds(w: MatrixWorld): Record<string, unknown> {
  return {
    sessionId: w.sessionX,
    partnerId: w.partnerA,
    bookingId: w.bookingId,
    eventId: w.eventX,
    venueId: w.venueX,
    personId: w.personA,
    userId: w.colleagueA,
  };
}

const TEXT_FIELDS = [
  "firstName",
  "lastName",
  "note",
  "notes",
  "title",
  "description",
  "comment",
  "code",
  "number",
  "name",
  "email",
  "reason",
  "imageAlt",
  "ticketUrl",
  "addressLine",
  "postalCode",
  "city",
  "area",
  "ticketOfficePhone",
  "token",
  "password",
  "confirm",
  "q",
  "from",
  "to",
  "category",
  "mood",
  "kind",
  "ifShort",
  "role",
  "period",
  "status",
];

function inputs(w: MatrixWorld): unknown[] {
  const ids = realIds(w);
  const list: unknown[] = [...ODD, ...TEXT];
  for (const text of TEXT) {
    list.push({ ...ids, ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, text])) });
    const guest = { firstName: text, lastName: text, kind: "MAIN", personId: text, needs: [text] };
    list.push({
      ...ids,
      guests: [guest],
      people: [guest],
      companions: [guest],
      positions: [text],
      times: [text],
      weekdays: [text],
      accessibility: [text],
      rule: { period: text, maxPlaces: text },
    });
  }
  for (const key of Object.keys(ids)) for (const odd of [...ODD, ...TEXT.slice(0, 4)]) list.push({ ...ids, [key]: odd });
  return list;
}

function args(target: Target, w: MatrixWorld, fuzzed: number, value: unknown): unknown[] {
  return target.params.map((param, index) => {
    if (index === fuzzed) return value;
    if (param.type === "unknown") return realIds(w);
    if (param.type === "string")
      return /partner/i.test(param.name)
        ? w.partnerA
        : /venue/i.test(param.name)
          ? w.venueX
          : /session/i.test(param.name)
            ? w.sessionX
            : /booking|^id$/i.test(param.name)
              ? w.bookingId
              : /person/i.test(param.name)
                ? w.personA
                : w.eventX;
    if (param.type === "Buffer") return Buffer.from("pas une image");
    return undefined;
  });
}

const clear = (error: unknown) => error instanceof DomainError || error instanceof InvalidInput;

const all = targets();

it("finds the functions to try", () => {
  expect(all.length).toBeGreaterThan(40);
});

it.each(all.map((t) => [`${t.file}#${t.name}`, t] as const))("%s answers bad input with a domain error", async (_label, target) => {
  const lib = (await import(`@/lib/${target.file}`)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const world = await matrixWorld();
  const admin = world.actors.admin;
  const unclear: string[] = [];
  for (const [index, param] of target.params.entries()) {
    const values =
      param.type === "unknown" ? inputs(world) : param.type === "string" ? [...TEXT, randomUUID(), ...ODD] : param.type === "Buffer" ? [Buffer.alloc(0)] : [];
    for (const value of values) {
      try {
        await lib[target.name]!(admin, ...args(target, world, index, value));
      } catch (error) {
        if (!clear(error))
          unclear.push(
            `${param.name} = ${JSON.stringify(value)?.slice(0, 60)}: ${String((error as Error)?.message ?? error)
              .split("\n")
              .slice(-1)[0]
              ?.slice(0, 160)}`,
          );
      }
    }
  }
  expect(unclear).toEqual([]);
});

it("reads the catalog's filters from any URL: a prototype's key is no filter, a NUL byte is dropped", async () => {
  const { readCatalogFilters } = await import("@/lib/catalog/filters");
  const { searchSessions } = await import("@/lib/catalog/search");
  const world = await matrixWorld();
  const filters = readCatalogFilters({
    acces: ["toString", "WHEELCHAIR"],
    categorie: "__proto__",
    q: "Spec\u0000tacle",
    ville: "\u0000",
    quartier: "a\u0000b",
    page: "1e300",
  });
  expect(filters).toMatchObject({ access: ["WHEELCHAIR"], categories: [], text: "Spectacle", town: undefined, area: "ab", page: 1 });
  await expect(searchSessions(world.actors.partnerA, filters)).resolves.toBeDefined();
});
