// A referent's private calendar feed (issue 30.2), read by calendar apps at /agenda/<token>.ics: the
// structure's outings (guests by first name only), its bookings on a waitlist with their rank and until
// when they wait, the closing of its applications to draws, and the association's activities the referent
// registered for. What a referent sees is decided here from the token's owner (feed-token.ts): their own
// structure's bookings and applications, their own registrations, nothing else. No last name, need or
// phone number. Events from the last 30 days stay, so that today's outing does not vanish once begun.
import "server-only";
import { parisDaysBefore } from "@/lib/time";
import { ICalEventStatus } from "ical-generator";
import { formatBookingNumber } from "@/lib/booking/number";
import { getPrisma } from "@/lib/db/client";
import { formatSessionDate } from "@/lib/format/dates";
import { waitlistPositions } from "@/lib/partner/bookings";
import { appUrl } from "@/lib/http/app-url";
import { sessionEnd } from "./booking-event";
import { feedOwner } from "./feed-token";
import { bookingSequence, calendarWords as t, firstNames, ICalCalendarMethod, location, newCalendar, organizer, parisDateTime, uid } from "./ical";

/** Outings of the last days stay in the feed: today's does not vanish once it starts. */
const KEPT_DAYS = 30;
/** Enough for a busy structure's season; a calendar app refetches the whole feed each time. */
const MOST = 500;

/** The feed of a token, as iCalendar text; null for a token that opens nothing (unknown or revoked). */
export async function calendarFeed(token: string, { now = new Date() } = {}): Promise<string | null> {
  const owner = await feedOwner(token);
  if (!owner) return null;
  const prisma = getPrisma();
  const since = parisDaysBefore(now, KEPT_DAYS);
  const [partner, bookings, applications, registrations] = await Promise.all([
    prisma.partner.findUniqueOrThrow({ where: { id: owner.partnerId }, select: { name: true } }),
    prisma.booking.findMany({
      where: { partnerId: owner.partnerId, status: { in: ["CONFIRMED", "WAITLISTED"] }, sessionStartsAt: { gte: since } },
      orderBy: { sessionStartsAt: "asc" },
      take: MOST,
      select: {
        id: true,
        number: true,
        status: true,
        session: {
          select: {
            startsAt: true,
            endsAt: true,
            calendarSequence: true,
            event: { select: { title: true, durationMinutes: true, venue: { select: { name: true, addressLine: true, postalCode: true, city: true } } } },
          },
        },
        guests: { where: { cancelledAt: null }, orderBy: { position: "asc" }, select: { firstName: true } },
      },
    }),
    prisma.application.findMany({
      where: { partnerId: owner.partnerId, draw: { drawnAt: null, closesAt: { gte: since } } },
      take: MOST,
      select: {
        sessionId: true,
        partnerId: true,
        draw: { select: { closesAt: true, session: { select: { startsAt: true, event: { select: { title: true } } } } } },
      },
    }),
    prisma.activityRegistration.findMany({
      where: { userId: owner.userId, status: { in: ["CONFIRMED", "WAITLISTED"] }, activity: { cancelledAt: null, startsAt: { gte: since } } },
      take: MOST,
      select: { id: true, number: true, status: true, activity: { select: { title: true, startsAt: true, durationMinutes: true, place: true } } },
    }),
  ]);

  const calendar = newCalendar(t("name", { structure: partner.name }), ICalCalendarMethod.PUBLISH);
  // Calendar apps refetch a subscription at their own pace; this asks for about once an hour.
  calendar.ttl(3600);
  const waiting = await waitlistPositions(bookings.filter((booking) => booking.status === "WAITLISTED").map((booking) => booking.id));

  for (const booking of bookings) {
    const { session } = booking;
    const place = waiting.get(booking.id);
    const end = sessionEnd(session, session.event.durationMinutes);
    const page = appUrl(`/partenaire/reservations/${booking.id}`);
    const names = firstNames(booking.guests);
    calendar.createEvent({
      // The same UID as the booking's own file: subscribing after adding it replaces, not doubles, it.
      id: uid("booking", booking.id),
      sequence: bookingSequence(session.calendarSequence, booking.status),
      start: parisDateTime(session.startsAt),
      ...(end ? { end: parisDateTime(end) } : {}),
      timezone: "Europe/Paris",
      summary: place ? t("waiting", { position: place.position, title: session.event.title }) : t("outing", { title: session.event.title, names }),
      location: location(session.event.venue),
      description: [
        place ? t("waitingDetail", { position: place.position, until: formatSessionDate(place.until) }) : null,
        t("number", { number: formatBookingNumber(booking.number) }),
        names ? t("guests", { count: booking.guests.length, names }) : null,
        t("page", { url: page }),
      ]
        .filter(Boolean)
        .join("\n"),
      url: page,
      organizer: organizer(),
      status: place ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }

  for (const application of applications) {
    const { draw } = application;
    calendar.createEvent({
      id: uid("draw", `${application.sessionId}-${application.partnerId}`),
      start: parisDateTime(draw.closesAt),
      timezone: "Europe/Paris",
      summary: t("drawClosing", { title: draw.session.event.title }),
      description: t("drawClosingDetail", { date: formatSessionDate(draw.session.startsAt) }),
      url: appUrl(`/tirages/${application.sessionId}`),
      organizer: organizer(),
    });
  }

  for (const registration of registrations) {
    const { activity } = registration;
    const waitingActivity = registration.status === "WAITLISTED";
    calendar.createEvent({
      id: uid("activity", registration.id),
      sequence: waitingActivity ? 0 : 1,
      start: parisDateTime(activity.startsAt),
      ...(activity.durationMinutes ? { end: parisDateTime(new Date(activity.startsAt.getTime() + activity.durationMinutes * 60_000)) } : {}),
      timezone: "Europe/Paris",
      summary: waitingActivity ? t("activityWaiting", { title: activity.title }) : t("activity", { title: activity.title }),
      location: activity.place,
      description: t("activityDetail", { number: formatBookingNumber(registration.number) }),
      url: appUrl("/activites"),
      organizer: organizer(),
      status: waitingActivity ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
