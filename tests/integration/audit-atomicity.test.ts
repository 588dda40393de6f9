// Hardening item 20: every audit entry is written by the transaction that makes the change it records.
// Here the database refuses every audit entry; then each data-access function of the authorization
// matrix, called by an actor allowed to, either changes nothing that needs an entry and succeeds, or
// fails and leaves the database exactly as it was: never a change without its entry.
import { getPrisma } from "@/lib/db/client";
import { matrixWorld } from "../factories/matrix";
import { fingerprint } from "../support/fingerprint";
import { matrixModules } from "./authorization/all";

beforeAll(async () => {
  await getPrisma().$executeRawUnsafe(`
    CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit refusé pour le test'; END $$`);
  await getPrisma().$executeRawUnsafe(`CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION refuse_audit()`);
  await getPrisma().$executeRawUnsafe(`ALTER TABLE "AuditLog" DISABLE TRIGGER refuse_audit`);
});

const refuseAudit = (on: boolean) => getPrisma().$executeRawUnsafe(`ALTER TABLE "AuditLog" ${on ? "ENABLE" : "DISABLE"} TRIGGER refuse_audit`);

const cases = Object.entries(matrixModules).flatMap(([module, list]) => list.map((testCase) => ({ module, ...testCase })));

it.each(cases.map((c) => [`${c.module}: ${c.name}`, c] as const))(
  "%s leaves nothing behind when its audit entry cannot be written",
  async (_name, testCase) => {
    const world = await matrixWorld();
    const before = await fingerprint();
    await refuseAudit(true);
    let failed = false;
    try {
      await testCase.call(world.actors[testCase.allowed[0]!], world);
    } catch {
      failed = true;
    } finally {
      await refuseAudit(false);
    }
    // A call that succeeded wrote nothing it had to audit (reads; a few plain edits); one that failed must
    // have taken its whole change back with it.
    if (failed) expect(await fingerprint()).toBe(before);
  },
);

it("the refusal itself works: an audited change fails under it", async () => {
  const world = await matrixWorld();
  const cancel = matrixModules.booking!.find((c) => c.name.includes("(cancelBooking)"))!;
  await refuseAudit(true);
  await expect(cancel.call(world.actors.admin, world)).rejects.toThrow(/audit refusé/);
  await refuseAudit(false);
});
