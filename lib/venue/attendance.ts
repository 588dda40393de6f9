// After the sessions: who came, and what the people thought, as their structures passed it on.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";
import { managedEvent } from "./access";

export async function getEventAttendance(actor: Actor, eventId: string) {
  const event = await managedEvent(actor, eventId);
  const sessions = await getPrisma().session.findMany({
    where: { eventId },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      confirmedPlaces: true,
      bookings: {
        where: { status: "CONFIRMED" },
        select: { guests: { where: { cancelledAt: null }, select: { attendance: true } }, feedback: { select: { mood: true, comment: true } }, partner: { select: { name: true } } },
      },
    },
  });
  return {
    title: event.title,
    sessions: sessions.map((session) => {
      const guests = session.bookings.flatMap((b) => b.guests);
      return {
        id: session.id,
        startsAt: session.startsAt,
        confirmed: session.confirmedPlaces,
        attended: guests.filter((g) => g.attendance === "ATTENDED").length,
        noShow: guests.filter((g) => g.attendance === "NO_SHOW").length,
        unknown: guests.filter((g) => g.attendance === null).length,
        feedback: session.bookings.flatMap((b) => (b.feedback ? [{ ...b.feedback, partnerName: b.partner.name }] : [])),
      };
    }),
  };
}
