// Issue 30, "consent first". A person's mobile number is kept only with the consent their referent
// recorded: who, when, for what (the texts about their outings). A guest typed in the booking form may
// get a number for that booking only. Numbers are shown in full to the structure's referents only, and
// masked to the association; a venue never reads them (nothing of lib/venue selects them).
import "server-only";
import { isUuid, requireId } from "@/lib/validation";
import { z } from "zod";
import { actorUserId, type Actor } from "@/lib/auth/actor";
import { canBookFor, canManagePeople, ensure } from "@/lib/auth/permissions";
import { audit } from "@/lib/audit";
import { parse } from "@/lib/validation";
import { getPrisma } from "@/lib/db/client";
import { prismaSql } from "@/lib/db/sql";
import { NotFoundError } from "@/lib/errors";
import { queueTexts, textsFor } from "./events";
import { maskNumber, toE164 } from "./numbers";

/** A mobile number as typed, checked and turned into E.164. */
const mobile = z
  .string("validation.required")
  .trim()
  .min(1, "validation.required")
  .max(30, "validation.invalid")
  .transform((value, context) => {
    const number = toE164(value);
    if (!number) context.addIssue({ code: "custom", message: "validation.mobile" });
    return number ?? "";
  });

/** Consent ticked: a box sent as "on" from a form, or true. */
const agreed = z.preprocess((value) => value === "on" || value === "true" || value === true, z.literal(true, "validation.consentRequired"));

export const personMobileSchema = z.object({ personId: z.uuid("validation.invalid"), number: mobile, consent: agreed });
export const bookingTextsSchema = z.object({
  bookingId: z.uuid("validation.invalid"),
  confirmation: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()).default(false),
  mainMayCancel: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()).default(false),
  /** Numbers for guests of this booking only (companions typed in the form), each with its consent. */
  guests: z
    .array(z.object({ position: z.coerce.number().int().min(0).max(50), number: mobile, consent: agreed }))
    .max(20)
    .default([]),
});

async function ownPerson(actor: Actor, personId: string) {
  requireId(personId, "personne");
  const person = await getPrisma().person.findUnique({ where: { id: personId }, select: { id: true, partnerId: true, archivedAt: true } });
  if (!person || person.archivedAt || !canManagePeople(actor, person.partnerId)) throw new NotFoundError("personne");
  return person;
}

/** Records the person's number with their consent (replacing an earlier one). */
export async function recordPersonMobile(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<void> {
  const { personId, number } = parse(personMobileSchema, input);
  await ownPerson(actor, personId);
  await getPrisma().$transaction(async (tx) => {
    const data = { number, purpose: "OUTINGS", consentAt: now, consentById: actorUserId(actor) };
    await tx.personMobile.upsert({ where: { personId }, create: { personId, ...data }, update: data });
    await audit(tx, actor, { action: "person.mobile_consent", entityType: "Person", entityId: personId, after: { purpose: "OUTINGS" } }, now);
  });
}

/** Consent withdrawn: the number is erased. */
export async function withdrawPersonMobile(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<void> {
  const { personId } = parse(z.object({ personId: z.uuid("validation.invalid") }), input);
  await ownPerson(actor, personId);
  await getPrisma().$transaction(async (tx) => {
    await tx.personMobile.deleteMany({ where: { personId } });
    await audit(tx, actor, { action: "person.mobile_withdrawn", entityType: "Person", entityId: personId }, now);
  });
}

export interface MobileView {
  /** In full for the structure's referents, masked for the association. */
  number: string;
  consentAt: Date;
  consentBy: string | null;
}

/** The person's number as the actor may read it, or null. */
export async function personMobile(actor: Actor, personId: string): Promise<MobileView | null> {
  const person = await ownPerson(actor, personId);
  const row = await getPrisma().personMobile.findUnique({ where: { personId } });
  if (!row) return null;
  const by = row.consentById ? await getPrisma().user.findUnique({ where: { id: row.consentById }, select: { name: true } }) : null;
  const referent = actor.kind === "user" && actor.role === "PARTNER" && actor.partnerId === person.partnerId;
  return { number: referent ? row.number : maskNumber(row.number), consentAt: row.consentAt, consentBy: by?.name ?? null };
}

/**
 * The referent's choices about texts for a booking just made: numbers for its typed guests, whether a
 * "NON" from the main guest cancels it, and whether the confirmation is texted (sent now if confirmed).
 */
export async function recordBookingTexts(actor: Actor, input: unknown, { now = new Date() } = {}): Promise<number> {
  const choice = parse(bookingTextsSchema, input);
  const booking = await getPrisma().booking.findUnique({
    where: { id: choice.bookingId },
    select: { partnerId: true, status: true, guests: { select: { id: true, position: true } } },
  });
  if (!booking || !canBookFor(actor, booking.partnerId)) throw new NotFoundError("réservation");
  ensure(canBookFor(actor, booking.partnerId));
  const byPosition = new Map(booking.guests.map((guest) => [guest.position, guest.id]));
  await getPrisma().$transaction(async (tx) => {
    const chosen = { confirmation: choice.confirmation, mainMayCancel: choice.mainMayCancel, chosenById: actorUserId(actor), chosenAt: now };
    await tx.bookingTexts.upsert({ where: { bookingId: choice.bookingId }, create: { bookingId: choice.bookingId, ...chosen }, update: chosen });
    for (const guest of choice.guests) {
      const guestId = byPosition.get(guest.position);
      if (!guestId) continue;
      const data = { number: guest.number, consentAt: now, consentById: actorUserId(actor) };
      await tx.guestMobile.upsert({ where: { guestId }, create: { guestId, ...data }, update: data });
    }
  });
  if (!choice.confirmation || booking.status !== "CONFIRMED") return 0;
  const texts = await textsFor(choice.bookingId, "CONFIRMATION", `sms:confirmation:${choice.bookingId}`, { now });
  await queueTexts(prismaSql(getPrisma()), texts);
  return texts.length;
}

/**
 * Which of these people of the structure's list have a number with consent: the booking form says they
 * will get texts, and asks for a number for the others (issue 30). Only the structure's users may ask.
 */
export async function peopleWithMobile(actor: Actor, partnerId: string, personIds: string[]): Promise<string[]> {
  ensure(canManagePeople(actor, partnerId), "Vous ne voyez que les personnes de votre structure.");
  requireId(partnerId, "structure");
  // Ids that are not ids are no person of the list: left out rather than sent to the database.
  const ids = Array.isArray(personIds) ? personIds.filter((id) => isUuid(id)) : [];
  const rows = await getPrisma().personMobile.findMany({
    where: { personId: { in: ids }, person: { partnerId, archivedAt: null } },
    select: { personId: true },
  });
  return rows.map((row) => row.personId);
}
