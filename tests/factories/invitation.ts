// A small world for the invitation tests and the authorization matrix: venue X with a booking of partner
// A for two guests, venue Y and partner B who have nothing to do with it, and one actor of each kind.
import { newBookingNumber } from "@/lib/booking/number";
import type { Actor } from "@/lib/auth/actor";
import { anonymousActor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";
import type { BookingStatus } from "@/lib/generated/prisma/enums";
import { adminActor, partnerActor, venueActor } from "./actors";
import { createEvent, createPartner, createSession, createVenue } from "./index";

export interface InvitationWorld {
  /** A confirmed booking of partner A at venue X, for Zoé Lefèvre and Jérôme Ndiaye. */
  bookingId: string;
  number: string;
  sessionId: string;
  partnerA: string;
  venueX: string;
  actors: Record<"admin" | "partnerA" | "partnerB" | "venueX" | "venueY" | "visitorA" | "anonymous", Actor>;
}

export async function bookingWithGuests(
  sessionId: string,
  partnerId: string,
  guests: [firstName: string, lastName: string][],
  status: BookingStatus = "CONFIRMED",
) {
  return getPrisma().booking.create({
    data: {
      number: newBookingNumber(),
      sessionId,
      partnerId,
      places: guests.length,
      status,
      confirmedAt: status === "CONFIRMED" ? new Date() : null,
      cancelledAt: status === "CANCELLED" ? new Date() : null,
      cancelReason: status === "CANCELLED" ? "PARTNER" : null,
      guests: {
        create: guests.map(([firstName, lastName], position) => ({ position, firstName, lastName, kind: position === 0 ? "MAIN" : "FAMILY_OR_FRIEND" })),
      },
    },
  });
}

export async function invitationWorld(): Promise<InvitationWorld> {
  const venueX = await createVenue({
    name: "Théâtre des Lilas",
    addressLine: "12 rue des Églantiers",
    postalCode: "69004",
    city: "Lyon",
    accessInfo: "Métro C, arrêt Croix-Rousse.",
    ticketOfficeName: "Billetterie du Théâtre des Lilas",
    ticketOfficePhone: "04 72 00 12 34",
    ticketOfficeEmail: "billetterie@theatre-des-lilas.test",
  });
  const venueY = await createVenue();
  const event = await createEvent({ venueId: venueX.id, title: "Le Malade imaginaire" });
  const session = await createSession({ eventId: event.id, startsAt: new Date("2026-12-12T19:30:00Z") });
  const partnerA = await createPartner({ name: "CHRS L'Escale", phone: "04 78 00 56 78", visitorCode: "BAKOLITUMERA47" });
  const partnerB = await createPartner();
  const booking = await bookingWithGuests(session.id, partnerA.id, [
    ["Zoé", "Lefèvre"],
    ["Jérôme", "Ndiaye"],
  ]);
  return {
    bookingId: booking.id,
    number: booking.number,
    sessionId: session.id,
    partnerA: partnerA.id,
    venueX: venueX.id,
    actors: {
      admin: await adminActor(),
      partnerA: await partnerActor(partnerA.id),
      partnerB: await partnerActor(partnerB.id),
      venueX: await venueActor(venueX.id),
      venueY: await venueActor(venueY.id),
      visitorA: { kind: "visitor", partnerId: partnerA.id },
      anonymous: anonymousActor,
    },
  };
}
