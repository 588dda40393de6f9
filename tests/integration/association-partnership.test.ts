// Issue 11, part 1: a structure comes in by the public form and goes through the FAQ's path, each step a
// history entry; it books only while a convention is valid on the session's date (one SQL predicate),
// never on condition of membership; the association is warned 60 days before a convention ends.
import { submitPartnershipRequest, requestSubmissionLimit } from "@/lib/association/partnership";
import { recordStep, addConvention } from "@/lib/association/onboarding";
import { listStructures, structureBoard, readStructureFilters, structuresCsv, getStructure } from "@/lib/association/structures";
import { warnEndingConventions } from "@/lib/association/convention-warnings";
import { conventionValidAt } from "@/lib/conventions";
import { answerMembership } from "@/lib/association/memberships";
import { associationTodo } from "@/lib/association/dashboard";
import { requestBooking } from "@/lib/booking/request";
import { getPrisma } from "@/lib/db/client";
import { prismaSql } from "@/lib/db/sql";
import { parisTime } from "@/lib/time";
import { adminActor } from "../factories/actors";
import { request, stage } from "../factories/booking";
import { createPartner } from "../factories";
import { forgetJobsAndMail } from "../support/jobs";
import { LIMITS } from "@/lib/auth/throttle";
import { mailContent } from "@/lib/mail/compose";
import { renderMail } from "@/lib/mail/template";

jest.setTimeout(60_000);
beforeEach(() => forgetJobsAndMail());

const form = (overrides: Record<string, unknown> = {}) => ({
  structureName: "Foyer Les Glycines",
  sector: "MEDICO_SOCIAL",
  city: "Villeurbanne",
  contactName: "Nadia Benali",
  contactRole: "Éducatrice spécialisée",
  email: "n.benali@glycines.test",
  phone: "04 78 00 00 00",
  message: "Nous accompagnons 40 adultes.",
  website: "",
  ...overrides,
});

const filters = (query: Record<string, string> = {}) => readStructureFilters(query);

describe("the public request", () => {
  it("keeps the request as a structure at its first step, tells the association and acknowledges the requester", async () => {
    const admin = await adminActor();
    expect(await submitPartnershipRequest(form(), "203.0.113.5")).toEqual({ kept: true });
    const partner = await getPrisma().partner.findFirstOrThrow({ where: { name: "Foyer Les Glycines" }, include: { requests: true, steps: true } });
    expect(partner).toMatchObject({ sector: "MEDICO_SOCIAL", city: "Villeurbanne" });
    expect(partner.requests[0]).toMatchObject({ contactName: "Nadia Benali", contactRole: "Éducatrice spécialisée", email: "n.benali@glycines.test" });
    expect(partner.steps.map((step) => step.kind)).toEqual(["REQUEST_RECEIVED"]);
    const mails = await getPrisma().outboxMail.findMany({ select: { kind: true, userId: true, to: true } });
    expect(mails).toEqual(
      expect.arrayContaining([
        { kind: "PARTNERSHIP_REQUEST", userId: (admin as { userId: string }).userId, to: "" },
        { kind: "PARTNERSHIP_ACK", userId: null, to: "n.benali@glycines.test" },
      ]),
    );
    const { rows } = await listStructures(admin, filters({ etape: "REQUEST_RECEIVED" }));
    expect(rows.map((row) => row.name)).toContain("Foyer Les Glycines");
  });

  it("answers a filled honeypot as if it were kept, and keeps nothing", async () => {
    const before = await getPrisma().partner.count();
    expect(await submitPartnershipRequest(form({ structureName: "Robot", website: "http://spam.example" }), "203.0.113.6")).toEqual({ kept: false });
    expect(await getPrisma().partner.count()).toBe(before);
    expect(await getPrisma().outboxMail.count()).toBe(0);
  });

  it("asks an address that sends too many requests to wait, counting in PostgreSQL", async () => {
    for (let n = 0; n < requestSubmissionLimit; n++) await submitPartnershipRequest(form({ structureName: `Structure ${n}` }), "198.51.100.9");
    await expect(submitPartnershipRequest(form({ structureName: "Une de trop" }), "198.51.100.9")).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    // Another address is not held back.
    expect(await submitPartnershipRequest(form({ structureName: "Voisine" }), "198.51.100.10")).toEqual({ kept: true });
    expect(await getPrisma().partnershipRequest.count({ where: { structureName: "Une de trop" } })).toBe(0);
  });

  it("acknowledges the requester's address, never confirmed, without any of the words typed in the form (issue 27.6)", async () => {
    const lure = {
      structureName: "URGENT appelez le 08 99 00 00 00",
      contactName: "Votre compte bancaire est suspendu",
      city: "Banque",
      message: "Rappelez vite",
    };
    await submitPartnershipRequest(form({ ...lure, email: "victime@exemple.test" }), "203.0.113.20");
    const ack = await getPrisma().outboxMail.findFirstOrThrow({ where: { kind: "PARTNERSHIP_ACK", to: "victime@exemple.test" } });
    const content = await mailContent({ kind: ack.kind, props: (ack.props ?? {}) as Record<string, unknown>, recipientName: null });
    expect(content).not.toBeNull();
    const written = JSON.stringify([ack.props, await renderMail(content!)]);
    for (const words of ["URGENT", "08 99", "bancaire", "suspendu", "Banque", "Rappelez"]) expect(written).not.toContain(words);
    // The association reads the request in full, in its own space.
    expect(await getPrisma().partnershipRequest.count({ where: { contactName: lure.contactName } })).toBe(1);
  });

  it("caps the requests from all clients together, besides each client's limit (issue 27.6)", async () => {
    const later = new Date(Date.now() + 3 * 3600_000);
    // The quarter of an hour has seen all but one of the requests it takes, each from another client (the
    // other tests' own are forgotten first, and afterwards).
    const everyone = { key: "partnership-all:*" };
    await getPrisma().signInAttempt.deleteMany({ where: everyone });
    await getPrisma().signInAttempt.createMany({ data: Array.from({ length: LIMITS["partnership-all"] - 1 }, () => ({ ...everyone, at: later })) });
    try {
      expect(await submitPartnershipRequest(form({ structureName: "Dernière du quart d'heure" }), "203.0.113.30", later)).toEqual({ kept: true });
      await expect(submitPartnershipRequest(form({ structureName: "Une de trop pour tous" }), "203.0.113.31", later)).rejects.toMatchObject({
        code: "TOO_MANY_REQUESTS_ALL",
      });
      expect(await getPrisma().partner.count({ where: { name: "Une de trop pour tous" } })).toBe(0);
    } finally {
      await getPrisma().signInAttempt.deleteMany({ where: everyone });
    }
  });

  it("names the fields at fault and keeps nothing", async () => {
    const before = await getPrisma().partner.count();
    await expect(submitPartnershipRequest(form({ email: "pas une adresse", sector: "CIRQUE", structureName: " " }), "203.0.113.7")).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { email: ["validation.email"], sector: ["validation.required"], structureName: ["validation.required"] },
    });
    expect(await getPrisma().partner.count()).toBe(before);
  });
});

describe("the onboarding", () => {
  it("moves a structure through every step, derives its stage from the history, and lets it book once its convention is signed", async () => {
    const admin = await adminActor();
    await submitPartnershipRequest(form(), "203.0.113.8");
    const partnerId = (await getPrisma().partner.findFirstOrThrow({ where: { name: "Foyer Les Glycines" } })).id;
    const { sessionId } = await stage();
    const stageOf = async () => (await getStructure(admin, partnerId)).stage;

    await recordStep(admin, { kind: "MEETING_PLANNED", partnerId, meetingOn: "2027-01-08", note: "Au foyer, 10 h" });
    expect(await stageOf()).toBe("MEETING_PLANNED");
    // Recorded before its planned day: the association confirms it (issue 29.8, tests/integration/onboarding.test.ts).
    await recordStep(admin, { kind: "MEETING_HELD", partnerId, decision: "CONFIRMED", confirmEarly: true, note: "Équipe motivée" });
    expect(await stageOf()).toBe("MEETING_HELD");
    // Not yet: no convention.
    await expect(requestBooking(admin, request(sessionId, partnerId, 1))).rejects.toMatchObject({ code: "CONVENTION_NOT_VALID" });
    await recordStep(admin, {
      kind: "CONVENTION_SIGNED",
      partnerId,
      signedOn: "2026-12-01",
      validFrom: "2026-12-01",
      validUntil: "2027-11-30",
      reference: "CONV-2026-041",
    });
    expect(await stageOf()).toBe("CONVENTION_SIGNED");
    await recordStep(admin, { kind: "ACCOUNT_CREATED", partnerId, name: "Nadia Benali", email: "N.Benali@glycines.test" });
    const referent = await getPrisma().user.findUniqueOrThrow({ where: { email: "n.benali@glycines.test" } });
    expect(referent).toMatchObject({ role: "PARTNER", partnerId, passwordHash: null });
    expect(await getPrisma().outboxMail.count({ where: { kind: "ACCOUNT_INVITATION", userId: referent.id } })).toBe(1);
    // A structure never starts without its visitor code (issue 29.5): its poster and invitations can point to it.
    expect((await getPrisma().partner.findUniqueOrThrow({ where: { id: partnerId } })).visitorCode).toMatch(/^(?:[BDFKLMNPRTVZ][AEIOU]){6}[2-9]{2}$/);
    await recordStep(admin, { kind: "TRAINED", partnerId, trainedOn: "2026-12-15", trainer: "Claire Martin" });

    const structure = await getStructure(admin, partnerId);
    expect(structure.stage).toBe("TRAINED");
    expect(structure.conventionValid).toBe(true);
    // The history is append-only and says who and when: newest first.
    expect(structure.steps.map((step) => step.kind)).toEqual([
      "TRAINED",
      "ACCOUNT_CREATED",
      "CONVENTION_SIGNED",
      "MEETING_HELD",
      "MEETING_PLANNED",
      "REQUEST_RECEIVED",
    ]);
    expect(structure.steps[0]).toMatchObject({ data: { trainedOn: "2026-12-15", trainer: "Claire Martin" }, byUser: { name: "Admin" } });
    expect(structure.conventions[0]).toMatchObject({ reference: "CONV-2026-041" });
    expect(await requestBooking({ kind: "user", userId: referent.id, role: "PARTNER", partnerId }, request(sessionId, partnerId, 1))).toMatchObject({
      outcome: "CONFIRMED",
    });
  });

  it("keeps the stage on the structure whatever writes the history: latest step first, a convention without steps, a decision reconsidered", async () => {
    const admin = await adminActor();
    const prisma = getPrisma();
    const partner = await createPartner({ convention: false, name: "Maison Soleil" });
    const kept = async () => prisma.partner.findUniqueOrThrow({ where: { id: partner.id }, select: { stage: true, stageAt: true } });
    const stageOf = async () => (await getStructure(admin, partner.id)).stage;
    expect(await kept()).toEqual({ stage: "REQUEST_RECEIVED", stageAt: null });

    // Entered before the steps were recorded: under convention as soon as it has one.
    const convention = await prisma.convention.create({
      data: { partnerId: partner.id, signedOn: new Date("2026-09-01"), validFrom: new Date("2026-09-01"), validUntil: new Date("2027-08-31") },
    });
    expect(await stageOf()).toBe("CONVENTION_SIGNED");
    await prisma.convention.delete({ where: { id: convention.id } });
    expect(await stageOf()).toBe("REQUEST_RECEIVED");

    const planned = new Date("2026-11-02T09:00:00Z");
    await prisma.onboardingStep.create({ data: { partnerId: partner.id, kind: "MEETING_PLANNED", at: planned } });
    // Written afterwards but dated before: the history's order is its dates'.
    await prisma.onboardingStep.create({ data: { partnerId: partner.id, kind: "REQUEST_RECEIVED", at: new Date("2026-10-20T09:00:00Z") } });
    expect(await kept()).toEqual({ stage: "MEETING_PLANNED", stageAt: planned });
    const held = await prisma.onboardingStep.create({
      data: { partnerId: partner.id, kind: "MEETING_HELD", at: new Date("2026-11-10T09:00:00Z"), data: { decision: "DECLINED" } },
    });
    expect(await stageOf()).toBe("DECLINED");
    // The history is append-only: a "no" reconsidered is a new step, the old one stays.
    const plannedAgain = new Date("2026-11-20T09:00:00Z");
    await recordStep(admin, { kind: "MEETING_PLANNED", partnerId: partner.id, meetingOn: "2026-11-27", note: "Nouveau projet, à rediscuter" }, plannedAgain);
    expect(await kept()).toEqual({ stage: "MEETING_PLANNED", stageAt: plannedAgain });
    expect((await getStructure(admin, partner.id)).steps.map((step) => step.id)).toContain(held.id);
    const home = await associationTodo(admin, { now: new Date("2026-11-25T12:00:00Z") });
    expect(home.meetingsPlanned).toBeGreaterThanOrEqual(1);
  });

  it("refuses in the database to change or delete a step, but lets a structure or an account be deleted with what points to it", async () => {
    const prisma = getPrisma();
    const author = await prisma.user.create({ data: { email: "autrice@append-only.test", name: "Autrice", role: "ADMIN" } });
    const partner = await prisma.partner.create({ data: { name: "Foyer Append-Only", sector: "SOCIAL" } });
    const step = await prisma.onboardingStep.create({
      data: { partnerId: partner.id, kind: "REQUEST_RECEIVED", at: new Date("2026-11-02T09:00:00Z"), note: "Première demande", byUserId: author.id },
    });
    const refused = /L'historique d'un partenariat ne se modifie pas/;

    // Neither through Prisma nor in SQL, whatever the column.
    await expect(prisma.onboardingStep.update({ where: { id: step.id }, data: { note: "Réécrite" } })).rejects.toThrow(refused);
    await expect(prisma.$executeRaw`UPDATE "OnboardingStep" SET "kind" = 'TRAINED' WHERE "id" = ${step.id}::uuid`).rejects.toThrow(refused);
    await expect(prisma.$executeRaw`UPDATE "OnboardingStep" SET "byUserId" = NULL WHERE "id" = ${step.id}::uuid`).rejects.toThrow(refused);
    await expect(prisma.onboardingStep.delete({ where: { id: step.id } })).rejects.toThrow(refused);
    await expect(prisma.$executeRaw`DELETE FROM "OnboardingStep" WHERE "partnerId" = ${partner.id}::uuid`).rejects.toThrow(refused);
    expect(await prisma.onboardingStep.findUniqueOrThrow({ where: { id: step.id } })).toMatchObject({
      kind: "REQUEST_RECEIVED",
      note: "Première demande",
      byUserId: author.id,
    });

    // The foreign keys' own actions: an account deleted leaves the step without its author (SET NULL)…
    await prisma.user.delete({ where: { id: author.id } });
    expect(await prisma.onboardingStep.findUniqueOrThrow({ where: { id: step.id } })).toMatchObject({
      kind: "REQUEST_RECEIVED",
      note: "Première demande",
      byUserId: null,
    });
    // …and a structure deleted takes its history with it (CASCADE).
    await prisma.partner.delete({ where: { id: partner.id } });
    expect(await prisma.onboardingStep.count({ where: { partnerId: partner.id } })).toBe(0);
  });

  it("records a declined partnership as its own stage, and refuses a convention ending before it starts", async () => {
    const admin = await adminActor();
    const partner = await createPartner({ convention: false, name: "Club Léo" });
    await getPrisma().onboardingStep.create({ data: { partnerId: partner.id, kind: "REQUEST_RECEIVED", at: new Date(Date.now() - 86_400_000) } });
    await recordStep(admin, { kind: "MEETING_PLANNED", partnerId: partner.id, meetingOn: "2026-12-01" });
    await recordStep(admin, { kind: "MEETING_HELD", partnerId: partner.id, decision: "DECLINED", note: "Public hors champ" });
    expect((await getStructure(admin, partner.id)).stage).toBe("DECLINED");
    const board = await structureBoard(admin, filters());
    expect(board.DECLINED.map((row) => row.name)).toContain("Club Léo");
    await expect(
      addConvention(admin, { partnerId: partner.id, signedOn: "2026-12-01", validFrom: "2027-01-01", validUntil: "2026-12-31" }),
    ).rejects.toMatchObject({ code: "CONVENTION_DATES" });
    await expect(recordStep(admin, { kind: "MEETING_PLANNED", partnerId: partner.id, meetingOn: "le 8 janvier" })).rejects.toMatchObject({
      fieldErrors: { meetingOn: ["validation.invalid"] },
    });
  });

  it("filters, sorts and counts the list by stage, sector and text, and exports what it shows as CSV", async () => {
    const admin = await adminActor();
    await createPartner({ name: "CHRS Aurore", sector: "SOCIAL", city: "Lyon" });
    await createPartner({ name: "ESAT du Parc", sector: "DISABILITY", city: "Bron" });
    await createPartner({ name: "Foyer Aurore-Bis", sector: "DISABILITY", city: "Lyon", convention: false });
    const bySector = await listStructures(admin, filters({ secteur: "DISABILITY", tri: "nom" }));
    expect(bySector.rows.map((row) => row.name)).toEqual(["ESAT du Parc", "Foyer Aurore-Bis"]);
    const byText = await listStructures(admin, filters({ q: "aurore" }));
    expect(byText.rows.map((row) => row.name).sort()).toEqual(["CHRS Aurore", "Foyer Aurore-Bis"]);
    expect(byText.counts).toMatchObject({ CONVENTION_SIGNED: 1, REQUEST_RECEIVED: 1 });
    // What cannot be read in the URL is dropped, never an error.
    const unreadable = filters({ etape: "N_IMPORTE", page: "-3", tri: "x" });
    expect([unreadable.stage, unreadable.page, unreadable.sort]).toEqual([undefined, 1, undefined]);
    const csv = await structuresCsv(admin, filters({ q: "aurore", tri: "nom" }), { labels: (key) => key });
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("CHRS Aurore");
    expect(lines[1]).toContain("sector.SOCIAL");
  });
});

describe("the convention, on the session's date in France", () => {
  it("holds from the first to the last day of validity in Paris time, whatever the server's zone", async () => {
    const partner = await createPartner({ convention: false });
    await getPrisma().convention.create({
      data: { partnerId: partner.id, signedOn: new Date("2026-09-01"), validFrom: new Date("2026-09-01"), validUntil: new Date("2027-08-31") },
    });
    const sql = prismaSql(getPrisma());
    const [lastEvening, firstNight, firstMorning, dayBefore] = await conventionValidAt(sql, partner.id, [
      parisTime("2027-08-31", 23, 30),
      parisTime("2027-09-01", 0, 30), // 22:30 UTC on 31 August: already September in Paris
      parisTime("2026-09-01", 0, 15),
      parisTime("2026-08-31", 23, 45),
    ]);
    expect([lastEvening, firstNight, firstMorning, dayBefore]).toEqual([true, false, true, false]);
  });

  it("refuses a session after the convention ends even while it is valid today, and never asks for membership", async () => {
    const admin = await adminActor();
    const partner = await createPartner({ convention: false });
    await getPrisma().convention.create({
      data: { partnerId: partner.id, signedOn: new Date("2026-01-01"), validFrom: new Date("2026-01-01"), validUntil: new Date("2026-12-31") },
    });
    const soon = await stage({ startsAt: parisTime("2026-12-31", 20) });
    const later = await stage({ startsAt: parisTime("2027-01-01", 15) });
    // Declining membership changes nothing.
    await answerMembership(admin, { partnerId: partner.id, answer: "DECLINE" });
    expect(await requestBooking(admin, request(soon.sessionId, partner.id, 1))).toMatchObject({ outcome: "CONFIRMED" });
    await expect(requestBooking(admin, request(later.sessionId, partner.id, 1))).rejects.toMatchObject({ code: "CONVENTION_NOT_VALID" });
    // A renewal signed today lets it book for next year.
    await addConvention(admin, { partnerId: partner.id, signedOn: "2026-12-21", validFrom: "2027-01-01", validUntil: "2027-12-31" });
    expect(await requestBooking(admin, request(later.sessionId, partner.id, 1))).toMatchObject({ outcome: "CONFIRMED" });
  });

  it("warns every account of the association once, 60 days before a structure's last convention ends", async () => {
    const admin = await adminActor();
    await adminActor();
    const now = new Date("2026-12-21T06:00:00Z");
    const ending = await createPartner({ convention: false, name: "Fin proche" });
    await getPrisma().convention.create({
      data: { partnerId: ending.id, signedOn: new Date("2024-02-19"), validFrom: new Date("2024-02-19"), validUntil: new Date("2027-02-18") },
    });
    const renewed = await createPartner({ convention: false, name: "Renouvelée" });
    await getPrisma().convention.createMany({
      data: [
        { partnerId: renewed.id, signedOn: new Date("2024-01-01"), validFrom: new Date("2024-01-01"), validUntil: new Date("2027-01-31") },
        { partnerId: renewed.id, signedOn: new Date("2026-12-01"), validFrom: new Date("2027-02-01"), validUntil: new Date("2030-01-31") },
      ],
    });
    const farther = await createPartner({ convention: false, name: "Fin lointaine" });
    await getPrisma().convention.create({
      data: { partnerId: farther.id, signedOn: new Date("2024-02-21"), validFrom: new Date("2024-02-21"), validUntil: new Date("2027-03-20") },
    });

    const sql = prismaSql(getPrisma());
    await warnEndingConventions(sql, { now });
    // Every day of the 60 runs it again: still one mail per account.
    await warnEndingConventions(sql, { now: new Date("2026-12-22T06:00:00Z") });
    const admins = await getPrisma().user.count({ where: { role: "ADMIN", active: true } });
    const about = async (partnerId: string) =>
      getPrisma().outboxMail.findMany({ where: { kind: "CONVENTION_ENDING", props: { path: ["partnerId"], equals: partnerId } }, select: { userId: true } });
    const mails = await about(ending.id);
    expect(mails).toHaveLength(admins);
    expect(await about(renewed.id)).toHaveLength(0);
    expect(await about(farther.id)).toHaveLength(0);
    expect(mails.map((mail) => mail.userId)).toContain((admin as { userId: string }).userId);
  });
});
