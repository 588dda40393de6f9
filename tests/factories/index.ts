// Small builders of valid rows for tests: each takes overrides and fills the rest with plain values.
import { randomUUID } from "node:crypto";
import { newBookingNumber } from "@/lib/booking/number";
import { getPrisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

const unique = () => randomUUID().slice(0, 8);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

export async function createVenue(overrides: Partial<Prisma.VenueUncheckedCreateInput> = {}) {
  const id = unique();
  return getPrisma().venue.create({
    data: {
      slug: `lieu-${id}`,
      name: `Lieu ${id}`,
      kind: "THEATRE",
      addressLine: "1 rue de la Paix",
      postalCode: "69001",
      city: "Lyon",
      ticketOfficePhone: "04 00 00 00 00",
      ...overrides,
    },
  });
}

export async function createEvent(overrides: Partial<Prisma.EventUncheckedCreateInput> = {}) {
  const venueId = overrides.venueId ?? (await createVenue()).id;
  return getPrisma().event.create({
    data: { title: "Spectacle", description: "Une pièce.", category: "THEATRE", status: "PUBLISHED", ...overrides, venueId },
  });
}

export async function createSession(overrides: Partial<Prisma.SessionUncheckedCreateInput> = {}) {
  const eventId = overrides.eventId ?? (await createEvent()).id;
  return getPrisma().session.create({ data: { startsAt: inDays(10), capacity: 10, ...overrides, eventId } });
}

/** A structure in partnership: its convention signed 100 days ago, valid three years (none: `convention: false`). */
export async function createPartner({ convention = true, ...overrides }: Partial<Prisma.PartnerUncheckedCreateInput> & { convention?: boolean } = {}) {
  const signedOn = inDays(-100);
  return getPrisma().partner.create({
    data: {
      name: `Structure ${unique()}`,
      sector: "SOCIAL",
      ...overrides,
      ...(convention ? { conventions: { create: { signedOn, validFrom: signedOn, validUntil: inDays(3 * 365) } } } : {}),
    },
  });
}

/** A booking row with its guests, written as is (lib/booking decides statuses; this does not). */
export async function insertBooking(
  sessionId: string,
  partnerId: string,
  { places = 1, status = "CONFIRMED", ...overrides }: Partial<Prisma.BookingUncheckedCreateInput> = {},
) {
  return getPrisma().booking.create({
    data: {
      number: newBookingNumber(),
      sessionId,
      partnerId,
      places,
      status,
      confirmedAt: status === "CONFIRMED" ? new Date() : null,
      ...overrides,
      guests: {
        create: Array.from({ length: places }, (_, position) => ({
          position,
          kind: position === 0 ? ("MAIN" as const) : ("FAMILY_OR_FRIEND" as const),
          firstName: `Prénom${position}`,
          lastName: "Nom",
        })),
      },
    },
  });
}
