// Issue 31.2: "Exporter toutes les données": the association alone, with its password typed again, gets a
// ZIP of one CSV per table and a README of their columns, audited; no password hash, token, visitor code
// or sealed secret is in it, wherever it hides (the files are scanned for every secret of the database).
import { randomUUID } from "node:crypto";
import { unzipSync, strFromU8 } from "fflate";
import { hashPassword } from "@/lib/auth/password";
import { issueToken } from "@/lib/auth/tokens";
import { getPrisma } from "@/lib/db/client";
import { exportAllData, exportFromCommandLine } from "@/lib/export/export";
import { EXPORT_TABLES } from "@/lib/export/tables";
import { adminActor, partnerActor } from "../factories/actors";
import { createEvent, createPartner, createSession, createVenue, insertBooking } from "../factories";
import { forgetJobsAndMail } from "../support/jobs";

jest.setTimeout(60_000);
beforeEach(() => forgetJobsAndMail());

const FILES = [
  "structures.csv",
  "conventions.csv",
  "etapes.csv",
  "adhesions.csv",
  "lieux.csv",
  "responsables-de-lieux.csv",
  "evenements.csv",
  "seances.csv",
  "reservations.csv",
  "invites.csv",
  "personnes.csv",
  "comptes.csv",
  "journal.csv",
];

async function world() {
  const admin = await adminActor();
  if (admin.kind !== "user") throw new Error("admin");
  await getPrisma().user.update({ where: { id: admin.userId }, data: { passwordHash: await hashPassword("mot de passe de Claire") } });
  const partner = await createPartner({ name: "Foyer Exporté", visitorCode: `VISIT-${randomUUID()}` });
  await getPrisma().person.create({ data: { partnerId: partner.id, firstName: "Awa", lastName: "Diallo" } });
  await getPrisma().membership.create({ data: { partnerId: partner.id, season: 2026, status: "MEMBER" } });
  const venue = await createVenue({ name: "Théâtre Exporté" });
  const event = await createEvent({ venueId: venue.id });
  const session = await createSession({ eventId: event.id });
  const booking = await insertBooking(session.id, partner.id, { places: 2 });
  const token = await issueToken(admin.userId, "PASSWORD_RESET");
  const feed = await getPrisma().calendarFeed.create({
    data: { userId: admin.userId, tokenHash: `feed-hash-${randomUUID()}`, sealedToken: `sealed-feed-${randomUUID()}` },
  });
  return { admin, partner, booking, token, feed };
}

describe("exporting every table", () => {
  it("gives the association a ZIP of every table and its README, with no secret, and writes it in the journal", async () => {
    const { admin, booking, token } = await world();
    const { zip, filename } = await exportAllData(admin, { password: "mot de passe de Claire" });
    expect(filename).toMatch(/^donnees-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(zip))).map(([name, bytes]) => [name, strFromU8(bytes)]));
    expect(Object.keys(files).sort()).toEqual([...FILES, "LISEZMOI.txt"].sort());
    for (const table of EXPORT_TABLES) expect(files["LISEZMOI.txt"]).toContain(`## ${table.file}`);
    expect(files["reservations.csv"]).toContain(booking.number);
    expect(files["invites.csv"]).toContain("Prénom1");
    expect(files["personnes.csv"]).toContain("Diallo");
    expect(files["structures.csv"]).toContain("Foyer Exporté");

    // Every secret the database holds, scanned for in every file.
    const users = await getPrisma().user.findMany({ where: { passwordHash: { not: null } }, select: { passwordHash: true } });
    const tokens = await getPrisma().authToken.findMany({ select: { tokenHash: true } });
    const feeds = await getPrisma().calendarFeed.findMany({ select: { tokenHash: true, sealedToken: true } });
    const codes = await getPrisma().partner.findMany({ where: { visitorCode: { not: null } }, select: { visitorCode: true } });
    const secrets = [
      ...users.map((u) => u.passwordHash!),
      ...tokens.map((t) => t.tokenHash),
      ...feeds.flatMap((f) => [f.tokenHash, f.sealedToken]),
      ...codes.map((c) => c.visitorCode!),
      token,
    ];
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    const everything = Object.values(files).join("\n");
    for (const secret of secrets) expect(everything.includes(secret)).toBe(false);
    expect(everything).not.toMatch(/\$argon2/);
    expect(files["comptes.csv"]).not.toMatch(/password|hash/i);

    const entry = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "data.exported" } });
    expect(entry).toMatchObject({ actorKind: "admin", entityType: "Export" });
    expect(entry.after).toMatchObject({ "reservations.csv": expect.any(Number), "journal.csv": expect.any(Number) });
  });

  it("asks for the password again and refuses a wrong one, exporting nothing", async () => {
    const { admin } = await world();
    await expect(exportAllData(admin, { password: "pas le bon" })).rejects.toThrow("Ce n'est pas votre mot de passe");
    await expect(exportAllData(admin, {})).rejects.toThrow();
    expect(await getPrisma().auditLog.count({ where: { action: "data.exported" } })).toBe(0);
  });

  it("is the association's alone", async () => {
    const partner = await createPartner();
    await expect(exportAllData(await partnerActor(partner.id), { password: "x" })).rejects.toThrow("Réservé");
  });

  it("is the same from the command line, journaled as the system", async () => {
    await world();
    const { zip } = await exportFromCommandLine();
    expect(Object.keys(unzipSync(new Uint8Array(zip)))).toHaveLength(FILES.length + 1);
    expect(await getPrisma().auditLog.findFirstOrThrow({ where: { action: "data.exported" } })).toMatchObject({ actorKind: "system" });
  });
});
