// Issue 33.1, "Import the season": a venue links its own agenda (an iCalendar feed, an OpenAgenda agenda),
// previews what would be created, changed or cancelled, imports drafts keyed by the source's stable ids, and
// a second import changes what changed and nothing else: a moved date moves the session and tells the
// structures with bookings; a cancelled date is cancelled when nobody booked it, proposed to the venue when
// somebody did; a field the venue edited is kept. Bad sources are refused in French, nothing half-imported.
// The agenda is served over real HTTP by a server started here; the iCalendar file is written by a real
// generator (ical-generator), in Europe/Paris across the clock change of 28 March 2027.
import { TZDate } from "@date-fns/tz";
import ical, { ICalEventStatus, ICalEventRepeatingFreq } from "ical-generator";
import sharp from "sharp";
import { getPrisma } from "@/lib/db/client";
import { mailContent } from "@/lib/mail/compose";
import { cancelEvent, updateEvent } from "@/lib/venue/events";
import {
  confirmSourceCancellation,
  getSeasonSource,
  importSeason,
  keepSourceCancelledSession,
  linkSeasonSource,
  previewSeasonImport,
  queueSeasonSyncs,
  syncSeasonSource,
  unlinkSeasonSource,
} from "@/lib/venue/season/sources";
import { isPrivateAddress, SOURCE_LIMITS } from "@/lib/venue/season/fetch";
import { parisTime } from "@/lib/time";
import { setEventImage } from "@/lib/venue/images";
import { createPartner, createVenue, insertBooking } from "../factories";
import { partnerActor, venueActor } from "../factories/actors";
import { forgetJobsAndMail, runJobs, waitingJobs } from "../support/jobs";
import { startAgendaServer, type AgendaServer } from "../support/agenda-server";

jest.setTimeout(60_000);

const now = parisTime("2027-03-01", 10);
const paris = (day: string, hours: number, minutes = 0) => {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, hours, minutes, "Europe/Paris");
};

/**
 * The theatre's agenda: "Le Misanthrope" every Saturday at 20:30 from 20 March for four weeks (across the
 * clock change), 27 March taken out (EXDATE), 3 April played at 16:00 instead (RECURRENCE-ID); "Lecture"
 * once; a concert cancelled (STATUS:CANCELLED). `change` writes the second version of the same agenda.
 */
function theatreAgenda({ changed = false } = {}): string {
  const calendar = ical({ name: "Théâtre des Pentes", timezone: "Europe/Paris" });
  calendar.createEvent({
    id: "misanthrope@theatre-des-pentes.fr",
    start: paris("2027-03-20", 20, 30),
    end: paris("2027-03-20", 22, 30),
    timezone: "Europe/Paris",
    summary: changed ? "Le Misanthrope (nouvelle mise en scène)" : "Le Misanthrope",
    description: changed ? "Molière, par la troupe des Pentes. Durée 2 h." : "Molière, par la troupe des Pentes.",
    repeating: {
      freq: ICalEventRepeatingFreq.WEEKLY,
      count: 4,
      // The second version also takes out 20 March (which has a booking by then).
      exclude: changed ? [paris("2027-03-27", 20, 30), paris("2027-03-20", 20, 30)] : [paris("2027-03-27", 20, 30)],
    },
  });
  calendar.createEvent({
    id: "misanthrope@theatre-des-pentes.fr",
    recurrenceId: paris("2027-04-03", 20, 30),
    start: paris("2027-04-03", 16),
    end: paris("2027-04-03", 18),
    timezone: "Europe/Paris",
    summary: "Le Misanthrope (matinée)",
  });
  if (changed)
    // 10 April moved to Sunday 11 April, 17:00.
    calendar.createEvent({
      id: "misanthrope@theatre-des-pentes.fr",
      recurrenceId: paris("2027-04-10", 20, 30),
      start: paris("2027-04-11", 17),
      end: paris("2027-04-11", 19),
      timezone: "Europe/Paris",
      summary: "Le Misanthrope",
    });
  if (!changed)
    calendar.createEvent({
      id: "lecture@theatre-des-pentes.fr",
      start: paris("2027-04-15", 19),
      end: paris("2027-04-15", 20),
      timezone: "Europe/Paris",
      summary: "Lecture",
    });
  calendar.createEvent({
    id: "concert@theatre-des-pentes.fr",
    start: paris("2027-05-01", 20),
    timezone: "Europe/Paris",
    summary: "Concert",
    status: ICalEventStatus.CANCELLED,
  });
  return calendar.toString();
}

let server: AgendaServer;
beforeAll(async () => {
  process.env.SEASON_IMPORT_ALLOW_PRIVATE = "1";
  server = await startAgendaServer();
  process.env.OPENAGENDA_API_URL = `${server.url}/openagenda/v2`;
});
afterAll(async () => {
  await server.close();
  delete process.env.SEASON_IMPORT_ALLOW_PRIVATE;
});
beforeEach(forgetJobsAndMail);

async function linkedVenue(source: Record<string, string>) {
  const venue = await createVenue();
  const actor = await venueActor(venue.id);
  await linkSeasonSource(actor, { venueId: venue.id, ...source });
  return { venueId: venue.id, actor };
}

const sessionsOf = (venueId: string) =>
  getPrisma().session.findMany({
    where: { event: { venueId } },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      status: true,
      capacity: true,
      sourceCancelledAt: true,
      event: { select: { title: true, status: true, description: true } },
    },
  });

describe("an iCalendar season", () => {
  it("previews, imports drafts, re-imports without duplicates, and follows a moved and a cancelled date", async () => {
    server.serve("/pentes.ics", { body: theatreAgenda() });
    const { venueId, actor } = await linkedVenue({ kind: "ICAL", url: `${server.url}/pentes.ics` });

    const preview = await previewSeasonImport(actor, { venueId }, { now });
    expect(preview.map((row) => [row.change, row.title, row.startsAt?.toISOString()])).toEqual([
      ["CREATED", "Le Misanthrope", "2027-03-20T19:30:00.000Z"], // 20:30 in Paris, winter time
      ["CREATED", "Le Misanthrope", "2027-04-03T14:00:00.000Z"], // the exception, 16:00 summer time
      ["CREATED", "Le Misanthrope", "2027-04-10T18:30:00.000Z"], // 20:30 in Paris, summer time
      ["CREATED", "Lecture", "2027-04-15T17:00:00.000Z"],
    ]);
    expect(await sessionsOf(venueId)).toEqual([]); // a preview writes nothing

    expect(await importSeason(actor, { venueId }, { now })).toMatchObject({ createdEvents: 2, createdSessions: 4 });
    const imported = await sessionsOf(venueId);
    expect(imported.map((s) => [s.startsAt.toISOString(), s.event.status, s.capacity])).toEqual([
      ["2027-03-20T19:30:00.000Z", "DRAFT", 0],
      ["2027-04-03T14:00:00.000Z", "DRAFT", 0],
      ["2027-04-10T18:30:00.000Z", "DRAFT", 0],
      ["2027-04-15T17:00:00.000Z", "DRAFT", 0],
    ]);

    // The same agenda again: nothing to do, nothing doubled.
    expect(await previewSeasonImport(actor, { venueId }, { now })).toEqual([]);
    expect(await importSeason(actor, { venueId }, { now })).toMatchObject({ createdEvents: 0, createdSessions: 0, movedSessions: 0, cancelledSessions: 0 });
    expect(await sessionsOf(venueId)).toHaveLength(4);

    // The venue words the title its own way; a structure books 20 March and 10 April.
    const misanthrope = await getPrisma().event.findFirstOrThrow({ where: { venueId, title: "Le Misanthrope" } });
    await updateEvent(actor, { eventId: misanthrope.id, title: "Le Misanthrope, de Molière", description: misanthrope.description, category: "THEATRE" });
    const partner = await createPartner();
    await partnerActor(partner.id); // its referent, who hears of the move
    const [march20, , april10, lecture] = imported;
    await getPrisma().session.updateMany({ where: { id: { in: [march20!.id, april10!.id] } }, data: { capacity: 10 } });
    await insertBooking(march20!.id, partner.id, { places: 2 });
    const moved = await insertBooking(april10!.id, partner.id, { places: 1 });

    // The agenda changes: a new description and title, 10 April moved to 11 April 17:00, 20 March taken out, the Lecture gone.
    server.serve("/pentes.ics", { body: theatreAgenda({ changed: true }) });
    const second = await previewSeasonImport(actor, { venueId }, { now });
    expect(second).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ change: "CHANGED", title: "Le Misanthrope, de Molière", fields: ["description"], kept: ["title"] }),
        expect.objectContaining({ change: "CHANGED", startsAt: new Date("2027-04-11T15:00:00.000Z"), previousStartsAt: april10!.startsAt }),
        expect.objectContaining({ change: "CANCELLED", startsAt: march20!.startsAt, toConfirm: true }),
        expect.objectContaining({ change: "CANCELLED", title: "Lecture", startsAt: lecture!.startsAt, toConfirm: false }),
      ]),
    );
    expect(second).toHaveLength(4);

    expect(await importSeason(actor, { venueId }, { now })).toMatchObject({ changedEvents: 1, movedSessions: 1, cancelledSessions: 1, toConfirm: 1 });
    const after = await getPrisma().session.findMany({
      where: { event: { venueId } },
      select: { id: true, startsAt: true, status: true, sourceCancelledAt: true },
    });
    const byId = new Map(after.map((s) => [s.id, s]));
    expect(byId.get(april10!.id)).toMatchObject({ startsAt: new Date("2027-04-11T15:00:00.000Z"), status: "SCHEDULED" });
    expect(byId.get(lecture!.id)).toMatchObject({ status: "CANCELLED" }); // nobody had booked it
    expect(byId.get(march20!.id)).toMatchObject({ status: "SCHEDULED", sourceCancelledAt: now }); // booked: only proposed
    const event = await getPrisma().event.findUniqueOrThrow({ where: { id: misanthrope.id } });
    expect(event).toMatchObject({ title: "Le Misanthrope, de Molière", description: "Molière, par la troupe des Pentes. Durée 2 h." });

    // The structure with a booking on the moved date is told, with the new time.
    const notices = await getPrisma().notification.findMany({ where: { partnerId: partner.id }, select: { type: true, bookingId: true } });
    expect(notices).toEqual([{ type: "SESSION_MOVED", bookingId: moved.id }]);
    await runJobs();
    const mail = await getPrisma().outboxMail.findFirst({ where: { kind: "SESSION_MOVED" }, select: { props: true } });
    const content = await mailContent({ kind: "SESSION_MOVED", props: mail!.props as Record<string, unknown>, recipientName: "Awa" });
    expect(content?.subject).toContain("Nouvel horaire");
    expect(content?.paragraphs.join(" ")).toMatch(/11 avril 2027.*17/);

    // The venue sees what to confirm, and decides: cancelled as any session (its structure told).
    const linked = await getSeasonSource(actor, venueId);
    expect(linked?.toConfirm).toEqual([expect.objectContaining({ sessionId: march20!.id, places: 2 })]);
    expect(await confirmSourceCancellation(actor, { sessionId: march20!.id }, { now })).toMatchObject({ cancelledBookings: 1 });
    // A third import with nothing new changes nothing.
    expect(await previewSeasonImport(actor, { venueId }, { now })).toEqual([]);
  });

  it("lets the venue keep a date the agenda cancelled: the agenda no longer follows it", async () => {
    server.serve("/keep.ics", { body: theatreAgenda() });
    const { venueId, actor } = await linkedVenue({ kind: "ICAL", url: `${server.url}/keep.ics` });
    await importSeason(actor, { venueId }, { now });
    const [march20] = await sessionsOf(venueId);
    await getPrisma().session.update({ where: { id: march20!.id }, data: { capacity: 5 } });
    await insertBooking(march20!.id, (await createPartner()).id, { places: 1 });
    server.serve("/keep.ics", { body: theatreAgenda({ changed: true }) });
    await importSeason(actor, { venueId }, { now });
    await keepSourceCancelledSession(actor, { sessionId: march20!.id });
    expect((await getSeasonSource(actor, venueId))?.toConfirm).toEqual([]);
    const rows = await previewSeasonImport(actor, { venueId }, { now });
    expect(rows.filter((row) => row.change === "CANCELLED")).toEqual([]);
    expect((await sessionsOf(venueId)).find((s) => s.id === march20!.id)).toMatchObject({ status: "SCHEDULED" });
  });

  it("doubles nothing when the venue unlinks its agenda and links it again, and revives no event the venue cancelled", async () => {
    server.serve("/relink.ics", { body: theatreAgenda() });
    const { venueId, actor } = await linkedVenue({ kind: "ICAL", url: `${server.url}/relink.ics` });
    await importSeason(actor, { venueId }, { now });
    await unlinkSeasonSource(actor, { venueId });
    await linkSeasonSource(actor, { venueId, kind: "ICAL", url: `${server.url}/relink.ics` });
    expect(await previewSeasonImport(actor, { venueId }, { now })).toEqual([]);
    expect(await importSeason(actor, { venueId }, { now })).toMatchObject({ createdEvents: 0, createdSessions: 0 });
    expect(await getPrisma().event.count({ where: { venueId } })).toBe(2);

    const lecture = await getPrisma().event.findFirstOrThrow({ where: { venueId, title: "Lecture" } });
    await cancelEvent(actor, { eventId: lecture.id }, { now });
    // The agenda then gives the Lecture a second date: not added to the event the venue cancelled.
    server.serve("/relink.ics", {
      body: theatreAgenda().replace("DTSTART;TZID=Europe/Paris:20270415T190000", "DTSTART;TZID=Europe/Paris:20270415T190000\r\nRRULE:FREQ=WEEKLY;COUNT=2"),
    });
    expect(await previewSeasonImport(actor, { venueId }, { now })).toEqual([]);
  });

  it("reads an event's image from RFC 7986's IMAGE or an image ATTACH, and skips what is not an image", async () => {
    const png = await sharp({ create: { width: 400, height: 200, channels: 3, background: "#444444" } })
      .png()
      .toBuffer();
    server.serve("/images/affiche.png", { type: "image/png", body: png });
    server.serve("/images/programme.txt", { type: "text/plain", body: "pas une image" });
    const vevent = (uid: string, day: string, line: string) => [
      "BEGIN:VEVENT",
      `UID:${uid}`,
      `DTSTAMP:20270101T000000Z`,
      `DTSTART:${day}T190000Z`,
      `SUMMARY:${uid}`,
      line,
      "END:VEVENT",
    ];
    const text = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//test//fr",
      ...vevent("imaged", "20270410", `IMAGE;VALUE=URI;DISPLAY=BADGE:${server.url}/images/affiche.png`),
      ...vevent("attached", "20270411", `ATTACH;FMTTYPE=image/png:${server.url}/images/affiche.png`),
      ...vevent("not-image", "20270412", `IMAGE;VALUE=URI:${server.url}/images/programme.txt`),
      "END:VCALENDAR",
    ].join("\r\n");
    server.serve("/images.ics", { body: text });
    const { venueId, actor } = await linkedVenue({ kind: "ICAL", url: `${server.url}/images.ics` });
    expect(await importSeason(actor, { venueId }, { now })).toMatchObject({ createdEvents: 3, images: 2 });
    const events = await getPrisma().event.findMany({
      where: { venueId },
      orderBy: { title: "asc" },
      select: { title: true, image: { select: { width: true } } },
    });
    expect(events).toEqual([
      { title: "attached", image: { width: 400 } },
      { title: "imaged", image: { width: 400 } },
      { title: "not-image", image: null },
    ]);
  });

  it("is kept in sync by the nightly job, one job per linked agenda", async () => {
    server.serve("/nightly.ics", { body: theatreAgenda() });
    const { venueId } = await linkedVenue({ kind: "ICAL", url: `${server.url}/nightly.ics` });
    expect(await queueSeasonSyncs()).toBeGreaterThanOrEqual(1);
    const jobs = await waitingJobs();
    expect(jobs.filter((job) => job.task === "season-sync-source").length).toBeGreaterThanOrEqual(1);
    await runJobs();
    expect(await sessionsOf(venueId)).toHaveLength(4);
    server.serve("/nightly.ics", { body: theatreAgenda({ changed: true }) });
    await runJobs(); // nothing queued: nothing changes before the night
    expect((await sessionsOf(venueId)).filter((s) => s.status === "CANCELLED")).toHaveLength(0);
    await queueSeasonSyncs();
    await runJobs();
    expect((await sessionsOf(venueId)).map((s) => [s.event.title, s.startsAt.toISOString(), s.status])).toEqual([
      ["Le Misanthrope (nouvelle mise en scène)", "2027-03-20T19:30:00.000Z", "CANCELLED"],
      ["Le Misanthrope (nouvelle mise en scène)", "2027-04-03T14:00:00.000Z", "SCHEDULED"],
      ["Le Misanthrope (nouvelle mise en scène)", "2027-04-11T15:00:00.000Z", "SCHEDULED"],
      ["Lecture", "2027-04-15T17:00:00.000Z", "CANCELLED"],
    ]);
    const source = await getPrisma().seasonSource.findUniqueOrThrow({ where: { venueId } });
    expect(source.lastSyncedAt).not.toBeNull();
  });
});

/** OpenAgenda's v2 answer for an agenda's events (its documented format), two pages. */
function openAgendaPages({ changed = false } = {}) {
  const cyrano = {
    uid: 41_630_080,
    title: { fr: "Cyrano de Bergerac", en: "Cyrano de Bergerac" },
    description: { fr: "Edmond Rostand, en alexandrins." },
    longDescription: { fr: "Edmond Rostand, en alexandrins, par la compagnie du Rhône." },
    status: 1,
    accessibility: { hi: true, ii: false, mi: true, pi: false, vi: false },
    // OpenAgenda's image: a CDN base and a file name (served here by the test's own server).
    image: { base: `${server.url}/images/`, filename: "cyrano.png", size: { width: 1600, height: 800 }, variants: [] },
    timings: [
      { begin: "2027-03-25T20:00:00+0100", end: "2027-03-25T22:30:00+0100" },
      // Moved in the second version: from Friday 2 April to Saturday 3 April.
      changed ? { begin: "2027-04-03T20:00:00+0200", end: "2027-04-03T22:30:00+0200" } : { begin: "2027-04-02T20:00:00+0200", end: "2027-04-02T22:30:00+0200" },
    ],
  };
  const bal = {
    uid: 57_211_003,
    title: { en: "Folk ball" },
    description: { en: "Dance all night." },
    status: changed ? 6 : 1, // cancelled in the second version
    accessibility: { mi: true },
    // A plain address this time, which answers 404.
    image: `${server.url}/images/bal.jpg`,
    timings: [{ begin: "2027-04-17T21:00:00+0200", end: "2027-04-18T01:00:00+0200" }],
  };
  return [
    { total: 2, events: [cyrano], after: [1_711_396_800_000, 41_630_080] },
    { total: 2, events: [bal], after: [1_713_380_400_000, 57_211_003] },
    { total: 2, events: [], after: null },
  ];
}

function serveOpenAgenda(uid: string, key: string, pages: () => unknown[]) {
  server.serve(`/openagenda/v2/agendas/${uid}/events`, {
    type: "application/json",
    status: 200,
    body: (url) => {
      if (url.searchParams.get("key") !== key) return JSON.stringify({ error: "invalid key" });
      const after = url.searchParams.getAll("after[]");
      const index = after.length === 0 ? 0 : after[1] === "41630080" ? 1 : 2;
      return JSON.stringify(pages()[index]);
    },
  });
}

describe("an OpenAgenda agenda", () => {
  it("imports every page, in French when it can, with the accessibility codes, then follows a moved timing and a cancelled event", async () => {
    let changed = false;
    serveOpenAgenda("82937411", "k3y-0f-th3-v3nu3", () => openAgendaPages({ changed }));
    const { venueId, actor } = await linkedVenue({ kind: "OPENAGENDA", agendaUid: "82937411", apiKey: "k3y-0f-th3-v3nu3" });
    expect(await getSeasonSource(actor, venueId)).toMatchObject({ agendaUid: "82937411", keyHint: "…3nu3" });

    expect(await importSeason(actor, { venueId }, { now })).toMatchObject({ createdEvents: 2, createdSessions: 3 });
    const events = await getPrisma().event.findMany({
      where: { venueId },
      orderBy: { title: "asc" },
      select: { title: true, description: true, accessibility: true },
    });
    expect(events).toEqual([
      { title: "Cyrano de Bergerac", description: "Edmond Rostand, en alexandrins, par la compagnie du Rhône.", accessibility: ["HEARING_LOOP", "WHEELCHAIR"] },
      { title: "Folk ball", description: "Dance all night.", accessibility: ["WHEELCHAIR"] },
    ]);
    expect(await importSeason(actor, { venueId }, { now })).toMatchObject({ createdEvents: 0, createdSessions: 0, movedSessions: 0 });

    const sessions = await sessionsOf(venueId);
    const april2 = sessions.find((s) => s.startsAt.toISOString() === "2027-04-02T18:00:00.000Z")!;
    await getPrisma().session.update({ where: { id: april2.id }, data: { capacity: 4 } });
    const partner = await createPartner();
    await insertBooking(april2.id, partner.id, { places: 2 });

    changed = true;
    const rows = await previewSeasonImport(actor, { venueId }, { now });
    expect(rows.map((row) => [row.change, row.title, row.startsAt?.toISOString(), row.previousStartsAt?.toISOString() ?? null])).toEqual([
      ["CHANGED", "Cyrano de Bergerac", "2027-04-03T18:00:00.000Z", "2027-04-02T18:00:00.000Z"],
      ["CANCELLED", "Folk ball", "2027-04-17T19:00:00.000Z", null],
    ]);
    expect(await importSeason(actor, { venueId }, { now })).toMatchObject({ movedSessions: 1, cancelledSessions: 1 });
    expect(await getPrisma().session.findUniqueOrThrow({ where: { id: april2.id } })).toMatchObject({ startsAt: new Date("2027-04-03T18:00:00.000Z") });
    expect(await getPrisma().notification.count({ where: { partnerId: partner.id, type: "SESSION_MOVED" } })).toBe(1);
    expect(await previewSeasonImport(actor, { venueId }, { now })).toEqual([]);
  });

  it("imports an event's image as WebP, skips one that cannot be read, and never replaces an image the venue set", async () => {
    const png = await sharp({ create: { width: 1600, height: 800, channels: 3, background: "#2a6f97" } })
      .png()
      .toBuffer();
    server.serve("/images/cyrano.png", { type: "image/png", body: png });
    serveOpenAgenda("5550001", "image-key", () => openAgendaPages());
    const { venueId, actor } = await linkedVenue({ kind: "OPENAGENDA", agendaUid: "5550001", apiKey: "image-key" });
    const imageRequests = () => server.requests.filter((url) => url.pathname.startsWith("/images/")).map((url) => url.pathname);
    const before = imageRequests().length;

    expect(await importSeason(actor, { venueId }, { now })).toMatchObject({ createdEvents: 2, images: 1 });
    expect(imageRequests().slice(before).sort()).toEqual(["/images/bal.jpg", "/images/cyrano.png"]);
    const imageOf = (title: string) =>
      getPrisma().event.findFirstOrThrow({
        where: { venueId, title },
        select: { id: true, image: { select: { mimeType: true, width: true, height: true, data: true } } },
      });
    const cyrano = await imageOf("Cyrano de Bergerac");
    expect(cyrano.image).toMatchObject({ mimeType: "image/webp", width: 1200, height: 600 });
    expect((await sharp(Buffer.from(cyrano.image!.data)).metadata()).format).toBe("webp");
    expect((await imageOf("Folk ball")).image).toBeNull();

    // The venue sets its own image: no import fetches Cyrano's again, nor replaces the venue's.
    const own = await sharp({ create: { width: 300, height: 300, channels: 3, background: "#ffffff" } })
      .png()
      .toBuffer();
    await setEventImage(actor, cyrano.id, own);
    const afterFirst = imageRequests().length;
    await importSeason(actor, { venueId }, { now });
    expect(imageRequests().slice(afterFirst)).toEqual(["/images/bal.jpg"]);
    expect((await imageOf("Cyrano de Bergerac")).image).toMatchObject({ width: 300, height: 300 });
  });

  it("never shows the key back, and keeps it when the venue changes only the agenda", async () => {
    const { venueId, actor } = await linkedVenue({ kind: "OPENAGENDA", agendaUid: "111", apiKey: "secret-key-9876" });
    await linkSeasonSource(actor, { venueId, kind: "OPENAGENDA", agendaUid: "222", apiKey: "" });
    const linked = await getSeasonSource(actor, venueId);
    expect(linked).toMatchObject({ agendaUid: "222", keyHint: "…9876" });
    expect(JSON.stringify(linked)).not.toContain("secret-key");
    const journal = await getPrisma().auditLog.findMany({ where: { entityId: venueId }, select: { before: true, after: true } });
    expect(JSON.stringify(journal)).not.toContain("secret-key");
  });
});

describe("a bad source", () => {
  const refusal = async (source: Record<string, string>) => {
    const { venueId, actor } = await linkedVenue(source);
    const error = await importSeason(actor, { venueId }, { now }).catch((e: unknown) => e);
    expect(await getPrisma().event.count({ where: { venueId } })).toBe(0); // nothing half-imported
    return error as { code: string; message: string };
  };

  it("is answered in clear French: unreachable, not a calendar, too large, too slow, too many events", async () => {
    expect(await refusal({ kind: "ICAL", url: `${server.url}/missing.ics` })).toMatchObject({
      code: "SOURCE_UNREACHABLE",
      message: expect.stringMatching(/injoignable/),
    });
    server.serve("/page.html", { type: "text/html", body: "<!doctype html><title>Agenda</title>" });
    expect(await refusal({ kind: "ICAL", url: `${server.url}/page.html` })).toMatchObject({ code: "SOURCE_NOT_CALENDAR" });
    server.serve("/huge.ics", { body: `BEGIN:VCALENDAR\r\n${"X-FILL:".padEnd(1000, "x")}\r\n`.repeat(2200) });
    expect(await refusal({ kind: "ICAL", url: `${server.url}/huge.ics` })).toMatchObject({ code: "SOURCE_TOO_LARGE", message: expect.stringMatching(/2 Mo/) });
    server.serve("/slow.ics", { body: "", hang: true });
    const timeout = SOURCE_LIMITS.timeoutMs;
    SOURCE_LIMITS.timeoutMs = 300;
    try {
      expect(await refusal({ kind: "ICAL", url: `${server.url}/slow.ics` })).toMatchObject({ code: "SOURCE_TIMEOUT" });
    } finally {
      SOURCE_LIMITS.timeoutMs = timeout;
    }
    const many = ical({ timezone: "Europe/Paris" });
    for (let i = 0; i < 301; i++) many.createEvent({ id: `e${i}@x`, start: paris("2027-06-01", 20), timezone: "Europe/Paris", summary: `Soirée ${i}` });
    server.serve("/many.ics", { body: many.toString() });
    expect(await refusal({ kind: "ICAL", url: `${server.url}/many.ics` })).toMatchObject({ code: "SOURCE_TOO_MANY" });
    server.serve("/openagenda/v2/agendas/999/events", { type: "application/json", body: JSON.stringify({ error: "not found" }) });
    expect(await refusal({ kind: "OPENAGENDA", agendaUid: "999", apiKey: "abcd" })).toMatchObject({ code: "SOURCE_NOT_AGENDA" });
  });

  it("refuses an address that is not http(s), and a private or loopback address outside tests and the demo", async () => {
    const venue = await createVenue();
    const actor = await venueActor(venue.id);
    await expect(linkSeasonSource(actor, { venueId: venue.id, kind: "ICAL", url: "file:///etc/passwd" })).rejects.toThrow();
    server.serve("/pentes.ics", { body: theatreAgenda() });
    delete process.env.SEASON_IMPORT_ALLOW_PRIVATE;
    try {
      for (const url of [
        `${server.url}/pentes.ics`,
        `http://localhost:${new URL(server.url).port}/pentes.ics`,
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/x.ics",
      ]) {
        await linkSeasonSource(actor, { venueId: venue.id, kind: "ICAL", url });
        await expect(importSeason(actor, { venueId: venue.id }, { now })).rejects.toMatchObject({ code: "SOURCE_PRIVATE" });
      }
    } finally {
      process.env.SEASON_IMPORT_ALLOW_PRIVATE = "1";
    }
  });

  it("knows private addresses in every spelling, and lets public ones through", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:a9fe:a9fe",
    ])
      expect([address, isPrivateAddress(address)]).toEqual([address, true]);
    for (const address of ["93.184.216.34", "2606:4700::6810:84e5", "::ffff:5db8:d822"]) expect([address, isPrivateAddress(address)]).toEqual([address, false]);
  });

  it("is written on the venue's page by the nightly sync, which then ends without retrying", async () => {
    const { venueId, actor } = await linkedVenue({ kind: "ICAL", url: `${server.url}/gone.ics` });
    const source = await getPrisma().seasonSource.findUniqueOrThrow({ where: { venueId } });
    expect(await syncSeasonSource(source.id, { now })).toBeNull();
    expect(await getSeasonSource(actor, venueId)).toMatchObject({ lastError: expect.stringMatching(/injoignable/) });
  });
});
