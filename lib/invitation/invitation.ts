// What a booking's invitation prints, for whoever may print it: the partner structure that booked (to
// hand it to the person), the venue it is for (its ticket office prints one again for a person who lost
// it) and the association. Visitors never; anyone else learns nothing of the booking. Only a confirmed
// booking has invitations: a cancelled one no longer checks at the door, a waitlisted one has no place;
// nor has a guest withdrawn from a booking that goes on.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { canSeeBooking } from "@/lib/auth/permissions";
import { getPrisma } from "@/lib/db/client";
import { AccessDeniedError, NotFoundError, RuleViolation } from "@/lib/errors";
import catalog from "@/messages/fr/invitation.json";
import { appUrl } from "@/lib/http/app-url";
import { encodeInvitationCode } from "./code";
import { feedbackCode } from "./feedback-code";

/** What the invitation prints (lib/pdf/invitation.tsx): loaded here, with the signed codes, or built by hand (benches). */
export interface InvitationData {
  number: string;
  startsAt: Date;
  event: { title: string };
  venue: {
    name: string;
    addressLine: string;
    postalCode: string;
    city: string;
    accessInfo: string | null;
    ticketOfficeName: string | null;
    ticketOfficePhone: string;
    ticketOfficeEmail: string | null;
  };
  partner: { name: string; phone: string | null; email: string | null };
  /** In order of position; `code` is what the QR code holds (encodeInvitationCode), `feedbackCode` what the
   * person types to say how the outing was (lib/invitation/feedback-code.ts). */
  guests: { position: number; firstName: string; lastName: string; code: string; feedbackCode: string }[];
  /** Where the person gives their feedback (the visitor's page /offre/avis). */
  feedbackUrl: string;
  /** Whether the structure has a visitor code, which the feedback page asks for first. */
  visitorCodeExists?: boolean;
  /** The language the referent set for the booking's main guest (Person.language), if any: the invitation prints
   * its fixed words in it beside the French unless another is asked (issue 34.6). */
  language?: string | null;
}

const bookingId = z.uuid();

export async function loadInvitation(actor: Actor, id: string): Promise<InvitationData> {
  if (actor.kind === "anonymous") throw new AccessDeniedError();
  // Checked before any lookup, so that the answer is the same whether the booking exists or not.
  if (actor.kind === "visitor") throw new AccessDeniedError();
  if (!bookingId.safeParse(id).success) throw new NotFoundError("réservation");

  const booking = await getPrisma().booking.findUnique({
    where: { id },
    select: {
      number: true,
      status: true,
      partnerId: true,
      partner: { select: { name: true, phone: true, email: true, visitorCode: true } },
      session: {
        select: {
          startsAt: true,
          event: {
            select: {
              title: true,
              venueId: true,
              venue: {
                select: {
                  name: true,
                  addressLine: true,
                  postalCode: true,
                  city: true,
                  accessInfo: true,
                  ticketOfficeName: true,
                  ticketOfficePhone: true,
                  ticketOfficeEmail: true,
                },
              },
            },
          },
        },
      },
      // A guest withdrawn from the booking has no invitation any more (lib/booking/withdraw-guest.ts).
      guests: {
        where: { cancelledAt: null },
        orderBy: { position: "asc" },
        select: { id: true, position: true, firstName: true, lastName: true, person: { select: { language: true } } },
      },
    },
  });
  if (!booking || !canSeeBooking(actor, { partnerId: booking.partnerId, venueId: booking.session.event.venueId })) {
    throw new NotFoundError("réservation");
  }
  if (booking.status !== "CONFIRMED") {
    const message = catalog.invitation.errors[`INVITATION_NOT_AVAILABLE_${booking.status}`];
    throw new RuleViolation("INVITATION_NOT_AVAILABLE", message, { status: booking.status });
  }

  const { event } = booking.session;
  return {
    number: booking.number,
    startsAt: booking.session.startsAt,
    event: { title: event.title },
    venue: event.venue,
    partner: { name: booking.partner.name, phone: booking.partner.phone, email: booking.partner.email },
    // The invitation names the structure's visitor code only if there is one (issue 29.5); never the code itself.
    visitorCodeExists: Boolean(booking.partner.visitorCode),
    language: booking.guests[0]?.person?.language ?? null,
    guests: booking.guests.map(({ id, position, firstName, lastName }) => ({
      position,
      firstName,
      lastName,
      code: encodeInvitationCode({ number: booking.number, position, venueId: event.venueId, startsAt: booking.session.startsAt }),
      feedbackCode: feedbackCode(id),
    })),
    feedbackUrl: appUrl("/offre/avis"),
  };
}
