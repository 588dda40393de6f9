// A structure's onboarding, the FAQ's path after its request (lib/association/partnership.ts): a meeting
// planned, held (the partnership confirmed or declined), the convention signed, the first referent's
// account created, the team trained. Each step is an entry of the structure's history (who, when, a
// note), and its stage is its latest entry (DESIGN, "The association's side"). One step at a time, in the
// order of NEXT_STEP; the only step taken again is a new meeting after a "no" (docs/decisions/009,
// 2026-12-22). Only the association moves a structure along.
import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { inviteInTransaction } from "@/lib/auth/invitations";
import { assignVisitorCode } from "@/lib/auth/visitor";
import { parse } from "@/lib/validation";
import { getPrisma } from "@/lib/db/client";
import type { Tx } from "@/lib/db/sql";
import { NotFoundError, RuleViolation } from "@/lib/errors";
import { formatDay } from "@/lib/format/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { parisDate } from "@/lib/time";
import { calendarDay, line, optionalLine, optionalText, requireId } from "@/lib/validation";
import { email } from "./partnership";

/** Where a structure stands: its latest step, a meeting's "no" being a stage of its own. */
export const STAGES = ["REQUEST_RECEIVED", "MEETING_PLANNED", "MEETING_HELD", "DECLINED", "CONVENTION_SIGNED", "ACCOUNT_CREATED", "TRAINED"] as const;
export type Stage = (typeof STAGES)[number];

/** The stages as the association reads its lists: the path in order, a declined one apart at the end. */
export const STAGES_IN_ORDER: Stage[] = ["REQUEST_RECEIVED", "MEETING_PLANNED", "MEETING_HELD", "CONVENTION_SIGNED", "ACCOUNT_CREATED", "TRAINED", "DECLINED"];

/** The steps the association records (the request comes by the public form). */
export type StepKind = "MEETING_PLANNED" | "MEETING_HELD" | "CONVENTION_SIGNED" | "ACCOUNT_CREATED" | "TRAINED";

/** Which step comes after each stage: none after the training; a declined request is taken up again with a new meeting. */
const NEXT_STEP: Record<Stage, StepKind | null> = {
  REQUEST_RECEIVED: "MEETING_PLANNED",
  MEETING_PLANNED: "MEETING_HELD",
  MEETING_HELD: "CONVENTION_SIGNED",
  DECLINED: "MEETING_PLANNED",
  CONVENTION_SIGNED: "ACCOUNT_CREATED",
  ACCOUNT_CREATED: "TRAINED",
  TRAINED: null,
};

/** The one step the association may record at this stage (a structure without steps stands at its request). */
export const nextStepOf = (stage: Stage | null): StepKind | null => NEXT_STEP[stage ?? "REQUEST_RECEIVED"];

/**
 * The SQL of a structure's stage, for a row `p` of "Partner": its latest step; a structure entered
 * before the steps were recorded counts as under convention if it has one, as a request otherwise. The
 * rule is the SQL function partner_stage_of; the database keeps its result on the structure (triggers on
 * the steps and conventions, migration 20261204184026_partner_stage), so lists read a column.
 */
export const STAGE_SQL = `p."stage"`;

// The French words of the stages, for the refusals (associationLabels.stage says the same for the pages).
const STAGE_WORDS: Record<Stage, string> = {
  REQUEST_RECEIVED: "Demande reçue",
  MEETING_PLANNED: "Rencontre prévue",
  MEETING_HELD: "Rencontre faite",
  DECLINED: "Partenariat non retenu",
  CONVENTION_SIGNED: "Convention signée",
  ACCOUNT_CREATED: "Compte créé",
  TRAINED: "Équipe formée",
};

// An empty date field is a missing answer, not a wrong one.
const day = calendarDay();
// A confirmation travels as a form's "true" (or a checkbox's "on"); anything else is no confirmation.
const confirmation = z.preprocess((value) => value === true || value === "true" || value === "on", z.boolean());

export const stepSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("MEETING_PLANNED"), partnerId: z.uuid(), meetingOn: day, note: optionalText(2000) }),
  z.object({
    kind: z.literal("MEETING_HELD"),
    partnerId: z.uuid(),
    decision: z.enum(["CONFIRMED", "DECLINED"], "validation.required"),
    /** The association says the meeting did take place before its planned day (issue 29.8). */
    confirmEarly: confirmation,
    note: optionalText(2000),
  }),
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

/** The planned day of a structure's meeting still to come, from its history (newest first); null when none is ahead. */
export function meetingAhead(steps: { kind: string; data: unknown }[], now = new Date()): string | null {
  const planned = steps.find((step) => step.kind === "MEETING_PLANNED");
  const meetingOn = (planned?.data as { meetingOn?: unknown } | null)?.meetingOn;
  return typeof meetingOn === "string" && meetingOn > parisDate(now) ? meetingOn : null;
}

/** Who asked to become a partner (the latest request), to fill the first referent's account (issue 29.7). */
export function requestContact(requests: { contactName: string; email: string; createdAt: Date }[]): { name: string; email: string } | null {
  const latest = [...requests].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  return latest ? { name: latest.contactName, email: latest.email } : null;
}

/** Records the next step of a structure's onboarding (and its convention, for a signature); refuses any other. */
export async function recordStep(actor: Actor, input: unknown, now = new Date()): Promise<void> {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  const step = parse(stepSchema, input);
  await getPrisma().$transaction(async (tx) => {
    // Locked: two people recording a step of the same structure at once take turns, and the second is refused.
    const [partner] = await tx.$queryRaw<{ stage: Stage; visitorCode: string | null }[]>`
      SELECT ${Prisma.raw(STAGE_SQL)} AS stage, p."visitorCode" FROM "Partner" p WHERE p."id" = ${step.partnerId}::uuid FOR UPDATE`;
    if (!partner) throw new NotFoundError("structure");
    const next = nextStepOf(partner.stage);
    if (step.kind !== next) {
      const expected = next ? `l'étape suivante est « ${STAGE_WORDS[next]} »` : "son parcours est terminé";
      throw new RuleViolation(
        "STEP_OUT_OF_ORDER",
        `Cette étape ne vient pas maintenant : la structure en est à « ${STAGE_WORDS[partner.stage]} », ${expected}.`,
        {
          stage: STAGE_WORDS[partner.stage],
        },
      );
    }
    const byUserId = actor.kind === "user" ? actor.userId : null;
    let data: Record<string, string> | undefined;
    switch (step.kind) {
      case "MEETING_PLANNED":
        data = { meetingOn: step.meetingOn };
        break;
      case "MEETING_HELD": {
        // Recorded before its day, it is most often a slip of the form: the association confirms it.
        const steps = await tx.onboardingStep.findMany({
          where: { partnerId: step.partnerId, kind: "MEETING_PLANNED" },
          orderBy: [{ at: "desc" }, { id: "desc" }],
          take: 1,
        });
        const ahead = meetingAhead(steps, now);
        if (ahead && !step.confirmEarly) {
          const date = formatDay(ahead);
          throw new RuleViolation("MEETING_NOT_YET", `La rencontre est prévue le ${date}, confirmez qu'elle a déjà eu lieu.`, { date });
        }
        data = { decision: step.decision };
        break;
      }
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
    // The journal's action names are stored: they keep the word they were written with.
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
    const [current] = await tx.$queryRaw<
      { stage: Stage | null }[]
    >`SELECT ${Prisma.raw(STAGE_SQL)} AS stage FROM "Partner" p WHERE p."id" = ${convention.partnerId}::uuid`;
    if (!current?.stage || !AFTER_SIGNATURE.includes(current.stage)) {
      await tx.onboardingStep.create({
        data: {
          partnerId: convention.partnerId,
          kind: "CONVENTION_SIGNED",
          at: now,
          byUserId: actor.kind === "user" ? actor.userId : null,
          data: { validUntil: convention.validUntil },
        },
      });
    }
  });
}

async function addConventionRow(
  tx: Tx,
  actor: Actor,
  partnerId: string,
  convention: { signedOn: string; validFrom: string; validUntil: string; reference?: string },
  now: Date,
) {
  const created = await tx.convention.create({
    data: {
      partnerId,
      signedOn: asDate(convention.signedOn),
      validFrom: asDate(convention.validFrom),
      validUntil: asDate(convention.validUntil),
      reference: convention.reference ?? null,
      createdById: actor.kind === "user" ? actor.userId : null,
    },
  });
  await audit(
    tx,
    actor,
    {
      action: "convention.signed",
      entityType: "Partner",
      entityId: partnerId,
      after: { conventionId: created.id, validFrom: convention.validFrom, validUntil: convention.validUntil },
    },
    now,
  );
}

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
