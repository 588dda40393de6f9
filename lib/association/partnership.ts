// Becoming a partner, the FAQ's path: a public request, then the association's steps — a meeting planned,
// held (the partnership confirmed or declined), the convention signed, the referents' accounts created,
// the team trained. Each step is an entry of the structure's history (who, when, a note); its current
// stage is its latest entry. Only the association moves a structure along.
import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { anonymousActor, type Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { inviteInTransaction } from "@/lib/auth/invitations";
import { assignVisitorCode } from "@/lib/auth/visitor";
import { takeAttempt } from "@/lib/auth/throttle";
import { getPrisma } from "@/lib/db/client";
import { prismaSql, type Tx } from "@/lib/db/sql";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { OnboardingStepKind, Sector } from "@/lib/generated/prisma/enums";
import { queueMail } from "@/lib/mail";
import { calendarDay, line, optionalLine, optionalText, requireId, parse } from "@/lib/validation";

export const SECTORS = Object.values(Sector) as [Sector, ...Sector[]];
/** Where a structure stands: its latest step, a meeting's "no" being a stage of its own. */
export const STAGES = ["REQUEST_RECEIVED", "MEETING_PLANNED", "MEETING_HELD", "DECLINED", "CONVENTION_SIGNED", "ACCOUNT_CREATED", "TRAINED"] as const;
export type Stage = (typeof STAGES)[number];

/**
 * The SQL of a structure's stage, for a row `p` of "Partner": its latest step; a structure entered
 * before the steps were recorded counts as under convention if it has one, as a request otherwise. The
 * rule is the SQL function partner_stage_of; the database keeps its result on the structure (triggers on
 * the steps and conventions, migration 20261204184026_partner_stage), so lists read a column.
 */
export const STAGE_SQL = `p."stage"`;

const email = z.string("validation.required").trim().toLowerCase().pipe(z.email("validation.email").max(200, "validation.tooLong"));

export const partnershipRequestSchema = z.object({
  structureName: line(160),
  sector: z.enum(SECTORS, "validation.required"),
  city: line(80),
  contactName: line(120),
  contactRole: optionalLine(80),
  email,
  phone: optionalLine(30),
  message: optionalText(2000),
  /** Left empty by people; filled by the robots that fill every field. */
  website: z.string().optional(),
});

export const requestSubmissionLimit = 5;

/**
 * The public "become a partner" form: the request is kept, the structure enters the pipeline, the
 * association is told by mail and the requester gets an acknowledgement in the association's words only
 * (their address is not confirmed: it may be anyone's). A filled honeypot is answered like a success and
 * keeps nothing; a client sending more than a few requests a quarter of an hour is asked to wait, and so is
 * everyone once the form has taken its quarter of an hour's share.
 */
export async function submitPartnershipRequest(input: unknown, ip = "inconnue", now = new Date()): Promise<{ kept: boolean }> {
  const { website, ...fields } = parse(partnershipRequestSchema, input);
  if (website) return { kept: false };
  // Per client first, then for every client at once (issue 27.6, docs/decisions/009): many addresses
  // sending requests together stay as slow as a handful of real ones.
  if (!(await takeAttempt([["partnership-ip", ip]], now))) {
    throw new RuleViolation("TOO_MANY_REQUESTS", "Trop de demandes depuis cette adresse : réessayez dans un quart d'heure.");
  }
  if (!(await takeAttempt([["partnership-all", "*"]], now))) {
    throw new RuleViolation("TOO_MANY_REQUESTS_ALL", "Le formulaire reçoit beaucoup de demandes en ce moment : réessayez dans un quart d'heure.");
  }
  await getPrisma().$transaction(async (tx) => {
    const partner = await tx.partner.create({ data: { name: fields.structureName, sector: fields.sector, city: fields.city, email: fields.email, phone: fields.phone ?? null } });
    const kept = await tx.partnershipRequest.create({ data: { ...fields, contactRole: fields.contactRole ?? null, phone: fields.phone ?? null, message: fields.message ?? null, partnerId: partner.id, createdAt: now } });
    await tx.onboardingStep.create({ data: { partnerId: partner.id, kind: "REQUEST_RECEIVED", at: now, note: fields.message ?? null } });
    await audit(tx, anonymousActor, { action: "partnership.requested", entityType: "Partner", entityId: partner.id, after: { requestId: kept.id } }, now);
    const admins = await tx.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } });
    await queueMail(prismaSql(tx), [
      ...admins.map((admin) => ({ kind: "PARTNERSHIP_REQUEST" as const, userId: admin.id, props: { partnerId: partner.id }, sourceKey: `partnership-request:${kept.id}:${admin.id}` })),
      // To an address nobody has confirmed: the acknowledgement carries none of the form's words (issue 27.6).
      { kind: "PARTNERSHIP_ACK" as const, to: fields.email, sourceKey: `partnership-ack:${kept.id}` },
    ]);
  });
  return { kept: true };
}

// An empty date field is a missing answer, not a wrong one.
const day = calendarDay();

export const stepSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("MEETING_PLANNED"), partnerId: z.uuid(), meetingOn: day, note: optionalText(2000) }),
  z.object({ kind: z.literal("MEETING_HELD"), partnerId: z.uuid(), decision: z.enum(["CONFIRMED", "DECLINED"], "validation.required"), note: optionalText(2000) }),
  z.object({
    kind: z.literal("CONVENTION_SIGNED"),
    partnerId: z.uuid(),
    signedOn: day,
    validFrom: day,
    validUntil: day,
    reference: optionalLine(120),
    note: optionalText(2000),
  }),
  z.object({ kind: z.literal("ACCOUNT_CREATED"), partnerId: z.uuid(), name: line(120), email, note: optionalText(2000) }),
  z.object({ kind: z.literal("TRAINED"), partnerId: z.uuid(), trainedOn: day, trainer: line(120), note: optionalText(2000) }),
]);

const asDate = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

/** Records the next step of a structure's partnership (and its convention, for a signature). */
export async function recordStep(actor: Actor, input: unknown, now = new Date()): Promise<void> {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  const step = parse(stepSchema, input);
  await getPrisma().$transaction(async (tx) => {
    const partner = await tx.partner.findUnique({ where: { id: step.partnerId }, select: { id: true, visitorCode: true } });
    if (!partner) throw new NotFoundError("structure");
    const byUserId = actor.kind === "user" ? actor.userId : null;
    let data: Record<string, string> | undefined;
    switch (step.kind) {
      case "MEETING_PLANNED":
        data = { meetingOn: step.meetingOn };
        break;
      case "MEETING_HELD":
        data = { decision: step.decision };
        break;
      case "CONVENTION_SIGNED":
        if (step.validUntil < step.validFrom) throw new RuleViolation("CONVENTION_DATES", "La fin de validité doit venir après son début.");
        await addConventionRow(tx, actor, step.partnerId, step, now);
        data = { validUntil: step.validUntil };
        break;
      case "ACCOUNT_CREATED":
        // The first referent's account, invited by mail in the same transaction.
        await inviteInTransaction(tx, actor, { email: step.email, name: step.name, role: "PARTNER", partnerId: step.partnerId }, now);
        // Its visitor code too, so that the poster and the invitations never point to a code that does not exist.
        if (!partner.visitorCode) await assignVisitorCode(tx, step.partnerId, now);
        data = { invited: step.email };
        break;
      case "TRAINED":
        data = { trainedOn: step.trainedOn, trainer: step.trainer };
        break;
    }
    await tx.onboardingStep.create({ data: { partnerId: step.partnerId, kind: step.kind, at: now, byUserId, note: step.note ?? null, data } });
    await audit(tx, actor, { action: `partnership.${step.kind.toLowerCase()}`, entityType: "Partner", entityId: step.partnerId, after: data ?? null }, now);
  });
}

const AFTER_SIGNATURE: Stage[] = ["CONVENTION_SIGNED", "ACCOUNT_CREATED", "TRAINED"];

export const conventionSchema = z.object({ partnerId: z.uuid(), signedOn: day, validFrom: day, validUntil: day, reference: optionalLine(120) });

/** A new convention (a renewal): from its first day, the structure books under it. */
export async function addConvention(actor: Actor, input: unknown, now = new Date()): Promise<void> {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  const convention = parse(conventionSchema, input);
  if (convention.validUntil < convention.validFrom) throw new RuleViolation("CONVENTION_DATES", "La fin de validité doit venir après son début.");
  await getPrisma().$transaction(async (tx) => {
    if (!(await tx.partner.findUnique({ where: { id: convention.partnerId }, select: { id: true } }))) throw new NotFoundError("structure");
    await addConventionRow(tx, actor, convention.partnerId, convention, now);
    // A renewal must not move a structure that has its account (or its training) back to "convention
    // signed": the step is recorded only while the structure has not reached that stage yet.
    const [current] = await tx.$queryRaw<{ stage: Stage | null }[]>`SELECT ${Prisma.raw(STAGE_SQL)} AS stage FROM "Partner" p WHERE p."id" = ${convention.partnerId}::uuid`;
    if (!current?.stage || !AFTER_SIGNATURE.includes(current.stage)) {
      await tx.onboardingStep.create({ data: { partnerId: convention.partnerId, kind: "CONVENTION_SIGNED", at: now, byUserId: actor.kind === "user" ? actor.userId : null, data: { validUntil: convention.validUntil } } });
    }
  });
}

async function addConventionRow(tx: Tx, actor: Actor, partnerId: string, convention: { signedOn: string; validFrom: string; validUntil: string; reference?: string }, now: Date) {
  const created = await tx.convention.create({
    data: { partnerId, signedOn: asDate(convention.signedOn), validFrom: asDate(convention.validFrom), validUntil: asDate(convention.validUntil), reference: convention.reference ?? null, createdById: actor.kind === "user" ? actor.userId : null },
  });
  await audit(tx, actor, { action: "convention.signed", entityType: "Partner", entityId: partnerId, after: { conventionId: created.id, validFrom: convention.validFrom, validUntil: convention.validUntil } }, now);
}

/** The step kinds, for forms. */
export const STEP_KINDS = Object.values(OnboardingStepKind);

/** The structure's history of steps, newest first. */
export async function structureSteps(actor: Actor, partnerId: string) {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  requireId(partnerId, "structure");
  return getPrisma().onboardingStep.findMany({
    where: { partnerId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { id: true, kind: true, at: true, note: true, data: true, byUser: { select: { name: true } } },
  });
}
