// Issue 30.2, calendars: the .ics of one booking (lib/calendar/booking-event.ts) and a referent's private
// feed (lib/calendar/feed.ts, feed-token.ts, app/agenda/[token]/route.ts), read back with node-ical as a
// calendar app would: Paris times across both clock changes of 2027, one stable UID per booking whose
// SEQUENCE grows with a change of time or place, METHOD:CANCEL for a cancellation, escaped commas and
// semicolons, lines folded at 75 octets, first names only, and nothing for a revoked token or another
// structure. The mails of a confirmation and a cancellation carry the same file (lib/mail/deliver.ts).
import * as ical from "node-ical";
import { GET as getFeed } from "@/app/agenda/[token]/route";
import { GET as getBookingCalendar } from "@/app/api/bookings/[id]/calendar/route";
import { registerForActivity } from "@/lib/activities/registrations";
import type { Actor } from "@/lib/auth/actor";
import { bookingCalendar } from "@/lib/calendar/booking-event";
import { calendarFeed } from "@/lib/calendar/feed";
import { currentFeed, renewFeed } from "@/lib/calendar/feed-token";
import { getPrisma } from "@/lib/db/client";
import { prismaSql } from "@/lib/db/sql";
import { NotFoundError } from "@/lib/errors";
import { queueMail } from "@/lib/mail";
import { deliverMail } from "@/lib/mail/deliver";
import { parisTime } from "@/lib/time";
import { partnerActor, venueActor } from "../factories/actors";
import { createEvent, createPartner, createSession, createVenue } from "../factories/index";
import { bookingWithGuests } from "../factories/invitation";
import { startMailServer } from "../support/mail-server";

let actor: Actor;
jest.mock("@/lib/auth/current", () => ({ currentActor: async () => actor }));

type Event = ical.VEvent;
const events = (text: string) => Object.values(ical.sync.parseICS(text)).filter((item): item is Event => item?.type === "VEVENT");
const only = (text: string) => {
  const list = events(text);
  expect(list).toHaveLength(1);
  return list[0]!;
};
/** The wall-clock time in Paris of an instant, read with Node's own time-zone database. */
const parisClock = (instant: Date) =>
  new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(
    instant,
  );

let venueId: string;
let partnerId: string;
let referent: Actor;
beforeAll(async () => {
  venueId = (await createVenue({ name: "Théâtre des Lilas", addressLine: "12, rue des Lilas; bâtiment B", postalCode: "69003", city: "Lyon" })).id;
  partnerId = (await createPartner({ name: "CHRS L'Escale" })).id;
  referent = await partnerActor(partnerId);
});

async function sessionOn(startsAt: Date, title = "Le Misanthrope") {
  const event = await createEvent({ venueId, title, durationMinutes: 120 });
  return createSession({ eventId: event.id, startsAt });
}

describe("the .ics of one booking", () => {
  it("keeps 20:00 in Paris on the days both clocks change (2027-03-28 and 2027-10-31)", async () => {
    for (const day of ["2027-03-28", "2027-10-31"]) {
      const session = await sessionOn(parisTime(day, 20));
      const booking = await bookingWithGuests(session.id, partnerId, [["Awa", "Diallo"]]);
      const { content } = await bookingCalendar(referent, booking.id);
      expect(content).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris");
      expect(content).toMatch(new RegExp(`DTSTART;TZID=Europe/Paris:${day.replaceAll("-", "")}T200000`));
      const event = only(content);
      expect(event.start.toISOString()).toBe(parisTime(day, 20).toISOString());
      expect(parisClock(event.start)).toBe(`${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)} 20:00`);
      expect(event.end?.toISOString()).toBe(parisTime(day, 22).toISOString());
    }
  });

  it("is one VEVENT with the booking's UID, the venue's name and address, the number and the guests' first names only", async () => {
    const session = await sessionOn(parisTime("2027-02-10", 20));
    const booking = await bookingWithGuests(session.id, partnerId, [
      ["Awa", "Diallo"],
      ["Moussa", "Traoré"],
    ]);
    const { content, method, filename } = await bookingCalendar(referent, booking.id);
    expect(method).toBe("PUBLISH");
    expect(filename).toBe(`reservation-${booking.number}.ics`);
    expect(content).toContain("METHOD:PUBLISH");
    const event = only(content);
    expect(event.uid).toBe(`booking-${booking.id}@billetterie-solidaire`);
    expect(event.location).toBe("Théâtre des Lilas, 12, rue des Lilas; bâtiment B, 69003 Lyon");
    expect(event.description).toContain(`${booking.number.slice(0, 4)}-${booking.number.slice(4)}`);
    expect(event.description).toContain("Awa, Moussa");
    for (const secret of ["Diallo", "Traoré", "04 00 00 00 00"]) expect(content).not.toContain(secret);
  });

  it("escapes commas and semicolons and folds long lines at 75 octets, which node-ical reads back whole", async () => {
    const title = "Roméo, Juliette; et les autres — une très longue soirée de théâtre, de musique et de danse à Lyon";
    const session = await sessionOn(parisTime("2027-02-11", 20), title);
    const booking = await bookingWithGuests(session.id, partnerId, [["Zoé", "Lefèvre"]]);
    const { content } = await bookingCalendar(referent, booking.id);
    expect(content).toContain("Roméo\\, Juliette\\; et les autres");
    expect(content).toMatch(/\r\n [^\r\n]/);
    for (const line of content.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(only(content).summary).toBe(title);
  });

  it("gives the same UID with a higher SEQUENCE after a change of time or place, and METHOD:CANCEL once cancelled", async () => {
    const session = await sessionOn(parisTime("2027-02-12", 20));
    const booking = await bookingWithGuests(session.id, partnerId, [["Awa", "Diallo"]]);
    const first = only((await bookingCalendar(referent, booking.id)).content);

    await getPrisma().session.update({ where: { id: session.id }, data: { startsAt: parisTime("2027-02-12", 21) } });
    const moved = only((await bookingCalendar(referent, booking.id)).content);
    expect(moved.uid).toBe(first.uid);
    expect(Number(moved.sequence)).toBeGreaterThan(Number(first.sequence));
    expect(parisClock(moved.start)).toBe("12/02/2027 21:00");

    // Another place: the venue's address changes (its profile), every session of it follows.
    await getPrisma().venue.update({ where: { id: venueId }, data: { addressLine: "14, rue des Lilas" } });
    const elsewhere = only((await bookingCalendar(referent, booking.id)).content);
    expect(elsewhere.uid).toBe(first.uid);
    expect(Number(elsewhere.sequence)).toBeGreaterThan(Number(moved.sequence));
    expect(elsewhere.location).toContain("14, rue des Lilas");
    // A change of capacity is not a change of the event: no new revision.
    await getPrisma().session.update({ where: { id: session.id }, data: { capacity: 12 } });
    expect(only((await bookingCalendar(referent, booking.id)).content).sequence).toBe(elsewhere.sequence);

    await getPrisma().booking.update({ where: { id: booking.id }, data: { status: "CANCELLED", cancelledAt: new Date(), cancelReason: "PARTNER" } });
    const cancellation = await bookingCalendar(referent, booking.id);
    expect(cancellation.method).toBe("CANCEL");
    expect(cancellation.content).toContain("METHOD:CANCEL");
    const cancelled = only(cancellation.content);
    expect(cancelled.uid).toBe(first.uid);
    expect(cancelled.status).toBe("CANCELLED");
    expect(Number(cancelled.sequence)).toBeGreaterThan(Number(elsewhere.sequence));
  });

  it("is not found for another structure, another venue or a visitor; the route answers 404 to them and 401 signed out", async () => {
    const session = await sessionOn(parisTime("2027-02-13", 20));
    const booking = await bookingWithGuests(session.id, partnerId, [["Awa", "Diallo"]]);
    const otherPartner = await partnerActor((await createPartner()).id);
    const otherVenue = await venueActor((await createVenue()).id);
    for (const refused of [otherPartner, otherVenue, { kind: "visitor", partnerId } as Actor]) {
      await expect(bookingCalendar(refused, booking.id)).rejects.toThrow(NotFoundError);
    }
    await expect(bookingCalendar(await venueActor(venueId), booking.id)).resolves.toMatchObject({ method: "PUBLISH" });

    const get = (id: string) => getBookingCalendar(new Request(`http://localhost/api/bookings/${id}/calendar`), { params: Promise.resolve({ id }) });
    actor = otherPartner;
    expect((await get(booking.id)).status).toBe(404);
    actor = { kind: "anonymous" };
    expect((await get(booking.id)).status).toBe(401);
    actor = referent;
    const response = await get(booking.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8; method=PUBLISH");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="reservation-${booking.number}.ics"`);
    expect(only(await response.text()).uid).toBe(`booking-${booking.id}@billetterie-solidaire`);
  });
});

describe("a referent's calendar feed", () => {
  const fetchFeed = (address: string) => {
    const token = address.split("/agenda/")[1]!;
    return getFeed(new Request(address), { params: Promise.resolve({ token }) });
  };

  it("lists the structure's outings by first name, its waiting bookings with rank and end, its draws' closings and the referent's activities", async () => {
    const me = await partnerActor(partnerId);
    const address = await renewFeed(me);
    expect(address.webcal).toMatch(/^webcal:\/\/[^/]+\/agenda\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await currentFeed(me)).toEqual(address);

    const outing = await sessionOn(parisTime("2027-03-28", 20), "Concert, chœur; orchestre");
    const confirmed = await bookingWithGuests(outing.id, partnerId, [
      ["Awa", "Diallo"],
      ["Moussa", "Traoré"],
    ]);
    const full = await sessionOn(parisTime("2027-10-31", 20), "Tartuffe");
    await getPrisma().session.update({ where: { id: full.id }, data: { bookingClosesAt: parisTime("2027-10-30", 12) } });
    const other = await createPartner();
    await bookingWithGuests(full.id, other.id, [["Inès", "Martin"]], "WAITLISTED");
    const waiting = await bookingWithGuests(full.id, partnerId, [["Zoé", "Lefèvre"]], "WAITLISTED");
    const othersOuting = await bookingWithGuests(outing.id, other.id, [["Karim", "Benali"]]);
    const drawn = await sessionOn(parisTime("2027-04-20", 19), "Opéra");
    await getPrisma().sessionDraw.create({
      data: { sessionId: drawn.id, opensAt: new Date(), closesAt: parisTime("2027-04-01", 12), seed: "s", fingerprint: "f" },
    });
    await getPrisma().application.create({ data: { sessionId: drawn.id, partnerId, places: 2, minPlaces: 1, guests: [] } });
    const activity = await getPrisma().activity.create({
      data: {
        kind: "WORKSHOP",
        title: "Atelier critique",
        startsAt: parisTime("2027-02-20", 18),
        durationMinutes: 90,
        place: "Maison des associations, salle 2",
        capacity: 10,
      },
    });
    await registerForActivity({ activityId: activity.id, firstName: "Claire", lastName: "Dupont", email: "" }, "203.0.113.9", {
      userId: (me as { userId: string }).userId,
    });
    // The same activity registered by someone else (no account): not in this feed.
    await registerForActivity({ activityId: activity.id, firstName: "Paul", lastName: "Durand", email: "" }, "203.0.113.10");

    const response = await fetchFeed(address.https);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const text = await response.text();
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    for (const secret of ["Diallo", "Traoré", "Lefèvre", "Karim", "Benali", "Dupont", "Paul", "04 00 00 00 00"]) expect(text).not.toContain(secret);

    const byUid = new Map(events(text).map((event) => [event.uid, event]));
    expect(byUid.has(`booking-${othersOuting.id}@billetterie-solidaire`)).toBe(false);
    const mine = byUid.get(`booking-${confirmed.id}@billetterie-solidaire`)!;
    expect(mine.summary).toBe("Concert, chœur; orchestre (Awa, Moussa)");
    expect(parisClock(mine.start)).toBe("28/03/2027 20:00");
    const wait = byUid.get(`booking-${waiting.id}@billetterie-solidaire`)!;
    expect(wait.summary).toBe("En attente (2e) : Tartuffe");
    expect(wait.status).toBe("TENTATIVE");
    // formatSessionDate's spaces may be non-breaking ones.
    expect(wait.description).toMatch(/2e place, jusqu'au samedi\s30\soctobre\s2027\sà\s12\sh/u);
    expect(parisClock(wait.start)).toBe("31/10/2027 20:00");
    const closing = byUid.get(`draw-${drawn.id}-${partnerId}@billetterie-solidaire`)!;
    expect(closing.summary).toBe("Fin des candidatures : Opéra");
    expect(parisClock(closing.start)).toBe("01/04/2027 12:00");
    const workshop = [...byUid.values()].filter((event) => event.uid.startsWith("activity-"));
    expect(workshop).toHaveLength(1);
    expect(workshop[0]!.summary).toBe("Atelier critique");
    expect(workshop[0]!.location).toBe("Maison des associations, salle 2");
  });

  it("refuses a revoked token with a bare 404 once renewed; the new one works", async () => {
    const me = await partnerActor(partnerId);
    const old = await renewFeed(me);
    expect((await fetchFeed(old.https)).status).toBe(200);
    const renewed = await renewFeed(me);
    expect(renewed.https).not.toBe(old.https);
    const refused = await fetchFeed(old.https);
    expect(refused.status).toBe(404);
    expect(await refused.text()).toBe("");
    expect((await fetchFeed(renewed.https)).status).toBe(200);
    expect(await getPrisma().calendarFeed.count({ where: { userId: (me as { userId: string }).userId, revokedAt: null } })).toBe(1);
    // Unknown, malformed, or the account deactivated: nothing either.
    expect((await fetchFeed("http://localhost/agenda/" + "A".repeat(43) + ".ics")).status).toBe(404);
    expect((await fetchFeed("http://localhost/agenda/nope")).status).toBe(404);
    await getPrisma().user.update({ where: { id: (me as { userId: string }).userId }, data: { active: false } });
    expect(await calendarFeed(renewed.https.split("/agenda/")[1]!.slice(0, -4))).toBeNull();
  });

  it("is for a structure's referents only", async () => {
    await expect(renewFeed(await venueActor(venueId))).rejects.toThrow();
    await expect(currentFeed(await venueActor(venueId))).rejects.toThrow();
  });
});

describe("the mails of a confirmation and a cancellation", () => {
  /** The text/calendar part of a raw mail, decoded. */
  function calendarPart(raw: string): { method: string; ics: string } {
    const part = /Content-Type: text\/calendar; charset=utf-8; method=(\w+)\r\n((?:[^\r\n]+\r\n)*)\r\n([\s\S]*?)\r\n--/i.exec(raw);
    if (!part) throw new Error("pas de partie text/calendar");
    const [, method, headers, body] = part;
    const encoding = /Content-Transfer-Encoding: *(\S+)/i.exec(headers!)?.[1]?.toLowerCase();
    const ics =
      encoding === "base64"
        ? Buffer.from(body!.replace(/\s+/g, ""), "base64").toString("utf8")
        : encoding === "quoted-printable"
          ? Buffer.from(
              body!.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              "latin1",
            ).toString("utf8")
          : body!;
    return { method: method!, ics };
  }

  it("attach the booking's event: PUBLISH when confirmed, CANCEL with the same UID when cancelled", async () => {
    const server = await startMailServer();
    try {
      const session = await sessionOn(parisTime("2027-03-28", 20));
      const booking = await bookingWithGuests(session.id, partnerId, [["Awa", "Diallo"]]);
      const send = async (kind: "BOOKING_CONFIRMED" | "BOOKING_CANCELLED") => {
        await queueMail(prismaSql(getPrisma()), {
          kind,
          userId: (referent as { userId: string }).userId,
          props: { bookingId: booking.id },
          sourceKey: `${kind}:${booking.id}`,
        });
        const mail = await getPrisma().outboxMail.findUniqueOrThrow({ where: { sourceKey: `${kind}:${booking.id}` } });
        expect(await deliverMail(mail.id)).toBe("SENT");
        return calendarPart(server.received.at(-1)!);
      };
      const confirmation = await send("BOOKING_CONFIRMED");
      expect(confirmation.method).toBe("PUBLISH");
      const event = only(confirmation.ics);
      expect(event.uid).toBe(`booking-${booking.id}@billetterie-solidaire`);
      expect(parisClock(event.start)).toBe("28/03/2027 20:00");
      expect(confirmation.ics).not.toContain("Diallo");

      await getPrisma().booking.update({ where: { id: booking.id }, data: { status: "CANCELLED", cancelledAt: new Date(), cancelReason: "VENUE" } });
      const cancellation = await send("BOOKING_CANCELLED");
      expect(cancellation.method).toBe("CANCEL");
      expect(cancellation.ics).toContain("METHOD:CANCEL");
      const cancelled = only(cancellation.ics);
      expect(cancelled.uid).toBe(event.uid);
      expect(Number(cancelled.sequence)).toBeGreaterThan(Number(event.sequence));
    } finally {
      await server.close();
    }
  });
});
