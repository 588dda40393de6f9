// A new referent's first steps (issue 29.7): add the people the structure supports, create the visitor
// code they will use, book a first outing. The home shows them, each ticked once done, until all three
// are; a booking cancelled since still counts (the referent knows how to book), a person deleted does not.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { actsForPartner, ensure } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { requireId } from "@/lib/validation";

export interface FirstSteps {
  people: boolean;
  visitorCode: boolean;
  booking: boolean;
  /** All three done: the panel goes away. */
  done: boolean;
}

export async function firstSteps(actor: Actor, partnerId: string): Promise<FirstSteps> {
  requireId(partnerId, "structure");
  ensure(actsForPartner(actor, partnerId));
  const prisma = getPrisma();
  const [partner, person, booking] = await Promise.all([
    prisma.partner.findUnique({ where: { id: partnerId }, select: { visitorCode: true } }),
    prisma.person.findFirst({ where: { partnerId, archivedAt: null }, select: { id: true } }),
    prisma.booking.findFirst({ where: { partnerId }, select: { id: true } }),
  ]);
  if (!partner) throw new NotFoundError("structure");
  const steps = { people: Boolean(person), visitorCode: Boolean(partner.visitorCode), booking: Boolean(booking) };
  return { ...steps, done: steps.people && steps.visitorCode && steps.booking };
}
