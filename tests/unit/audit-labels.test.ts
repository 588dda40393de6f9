// The journal and a booking's history name each audited action in French (journalAdmin.actions): an
// action without a label showed its code ("session.draw_set") to the association. Every action our code
// writes to the audit log has one; so does each family, for the journal's "all of …" filter.
import fs from "node:fs";
import path from "node:path";
import { OnboardingStepKind } from "@/lib/generated/prisma/enums";
import messages from "@/messages/fr";

const journal = (messages as unknown as { journalAdmin: { actions: Record<string, Record<string, string>>; families: Record<string, string> } }).journalAdmin;
const root = path.join(__dirname, "..", "..");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** "family.verb" literals in the files that write the audit log (through audit() or in SQL). */
function writtenActions(): Map<string, string> {
  const families = Object.keys(journal.actions).join("|");
  const literal = new RegExp(`["'\`]((?:${families})\\.[a-z_]+)["'\`]`, "g");
  const found = new Map<string, string>();
  for (const file of [...sources(path.join(root, "lib")), ...sources(path.join(root, "prisma"))]) {
    const text = fs.readFileSync(file, "utf8");
    if (!/\baudit\(|"AuditLog"/.test(text)) continue;
    for (const [, action] of text.matchAll(literal)) found.set(action!, path.relative(root, file));
  }
  return found;
}

describe("the audit log's actions in the journal", () => {
  const actions = writtenActions();

  it("finds the actions written by the code (the scan itself works)", () => {
    expect(actions.get("booking.cancelled")).toBeDefined();
    expect(actions.get("session.draw_set")).toBe("lib/booking/sessions.ts");
    expect(actions.get("booking.attendance_recorded")).toBe("lib/partner/bookings.ts");
    expect(actions.size).toBeGreaterThan(40);
  });

  it("has a French label for every action written", () => {
    const missing = [...actions].filter(([action]) => {
      const [family, verb] = action.split(".") as [string, string];
      return !journal.actions[family]?.[verb];
    });
    expect(missing).toEqual([]);
  });

  it("has a label for each step of a partnership (written as partnership.<step>)", () => {
    const missing = Object.values(OnboardingStepKind).filter((kind) => !journal.actions.partnership?.[kind.toLowerCase()]);
    expect(missing).toEqual([]);
  });

  it("names every family, for the journal's filter", () => {
    const unnamed = Object.keys(journal.actions).filter((family) => !journal.families[family]);
    expect(unnamed).toEqual([]);
  });
});
