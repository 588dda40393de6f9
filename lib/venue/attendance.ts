// After the sessions: who came, what the people thought as their structures passed it on, and what the
// people said themselves with the code of their invitation (lib/feedback), without any name.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";
import { peopleFeedbackBySession } from "@/lib/feedback/guest-feedback";
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
        select: {
          guests: { where: { cancelledAt: null }, select: { attendance: true } },
          feedback: { select: { mood: true, comment: true } },
          partner: { select: { name: true } },
        },
      },
    },
  });
  const own = await peopleFeedbackBySession(sessions.map((session) => session.id));
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
        peopleFeedback: own.get(session.id) ?? null,
      };
    }),
  };
}
