// The public "become a partner" request (the FAQ's first step): anyone may send it, it opens the
// structure's onboarding at its first step. What follows is the association's: lib/association/onboarding.ts.
import "server-only";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { anonymousActor } from "@/lib/auth/actor";
import { takeAttempt } from "@/lib/auth/throttle";
import { getPrisma } from "@/lib/db/client";
import { prismaSql } from "@/lib/db/sql";
import { RuleViolation } from "@/lib/errors";
import { Sector } from "@/lib/generated/prisma/enums";
import { queueMail } from "@/lib/mail";
import { line, optionalLine, optionalText, parse } from "@/lib/validation";

export const SECTORS = Object.values(Sector) as [Sector, ...Sector[]];

export const email = z.string("validation.required").trim().toLowerCase().pipe(z.email("validation.email").max(200, "validation.tooLong"));

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
 * The public "become a partner" form: the request is kept, the structure starts its onboarding, the
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
    const partner = await tx.partner.create({
      data: { name: fields.structureName, sector: fields.sector, city: fields.city, email: fields.email, phone: fields.phone ?? null },
    });
    const kept = await tx.partnershipRequest.create({
      data: {
        ...fields,
        contactRole: fields.contactRole ?? null,
        phone: fields.phone ?? null,
        message: fields.message ?? null,
        partnerId: partner.id,
        createdAt: now,
      },
    });
    await tx.onboardingStep.create({ data: { partnerId: partner.id, kind: "REQUEST_RECEIVED", at: now, note: fields.message ?? null } });
    await audit(tx, anonymousActor, { action: "partnership.requested", entityType: "Partner", entityId: partner.id, after: { requestId: kept.id } }, now);
    const admins = await tx.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } });
    await queueMail(prismaSql(tx), [
      ...admins.map((admin) => ({
        kind: "PARTNERSHIP_REQUEST" as const,
        userId: admin.id,
        props: { partnerId: partner.id },
        sourceKey: `partnership-request:${kept.id}:${admin.id}`,
      })),
      // To an address nobody has confirmed: the acknowledgement carries none of the form's words (issue 27.6).
      { kind: "PARTNERSHIP_ACK" as const, to: fields.email, sourceKey: `partnership-ack:${kept.id}` },
    ]);
  });
  return { kept: true };
}
