// Hardening items 14 and 18: what leaves the app (a CSV a spreadsheet opens) cannot run, and what comes
// in (a ticket link, a name, a door check) is what it claims to be.
import type { Actor } from "@/lib/auth/actor";
import { requestBooking } from "@/lib/booking/request";
import { getPrisma } from "@/lib/db/client";
import { createPerson } from "@/lib/people/people";
import { markArrived } from "@/lib/venue/door";
import { createEvent } from "@/lib/venue/events";
import { guestListCsv } from "@/lib/venue/guest-list";
import { partnerActor, venueActor } from "../factories/actors";
import { createEvent as eventRow, createPartner, createSession, createVenue, insertBooking } from "../factories";

let venueId: string;
let manager: Actor;
beforeEach(async () => {
  venueId = (await createVenue()).id;
  manager = await venueActor(venueId);
});

describe("item 14: the guest list's CSV runs nothing in a spreadsheet", () => {
  it("neutralises cells that a spreadsheet would read as a formula", async () => {
    const session = await createSession({ eventId: (await eventRow({ venueId })).id });
    const partner = await createPartner({ name: "@SUM(1+1)", phone: "+33 4 00 00 00 00" });
    const booking = await insertBooking(session.id, partner.id, { places: 1 });
    await getPrisma().bookingGuest.updateMany({
      where: { bookingId: booking.id },
      data: { lastName: '=HYPERLINK("http://evil.example","clic")', firstName: "-2+3" },
    });
    const { csv } = await guestListCsv(manager, session.id);
    const line = csv.split("\n")[1]!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""clic"")"`);
    expect(line).toContain("'-2+3");
    expect(line).toContain("'@SUM(1+1)");
    expect(line).toContain("'+33 4 00 00 00 00");
    for (const cell of line.split(";")) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("neutralises a tab or a carriage return at the start of a cell too, as OWASP lists them", async () => {
    const session = await createSession({ eventId: (await eventRow({ venueId })).id });
    const booking = await insertBooking(session.id, (await createPartner()).id, { places: 1 });
    await getPrisma().bookingGuest.updateMany({ where: { bookingId: booking.id }, data: { lastName: "\t=cmd|' /C calc'!A0", firstName: "\r=1+2" } });
    const { csv } = await guestListCsv(manager, session.id);
    const body = csv.slice(csv.indexOf("\n") + 1);
    expect(body).toContain("'\t=cmd");
    expect(body).toContain("'\r=1+2");
    expect(body).not.toMatch(/(^|;|")[\t\r]=/m);
  });
});

describe("item 18: what comes in is what it claims to be", () => {
  it("marks a guest arrived only on the day of their session", async () => {
    const startsAt = new Date("2027-05-20T18:30:00Z");
    const session = await createSession({ eventId: (await eventRow({ venueId })).id, startsAt });
    const booking = await insertBooking(session.id, (await createPartner()).id, { places: 1 });
    await expect(markArrived(manager, { bookingId: booking.id, positions: [0] }, { now: new Date("2027-05-19T18:00:00Z") })).rejects.toMatchObject({
      code: "OTHER_DAY",
    });
    await expect(markArrived(manager, { bookingId: booking.id, positions: [0] }, { now: new Date("2027-05-20T17:00:00Z") })).resolves.toEqual({ marked: 1 });
  });

  it("takes only http and https ticket links", async () => {
    const fields = { title: "Récital", description: "Un piano.", category: "MUSIC" };
    for (const ticketUrl of ["javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "ftp://exemple.fr/billets"]) {
      await expect(createEvent(manager, { venueId, ...fields, ticketUrl })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { ticketUrl: ["validation.httpUrl"] },
      });
    }
    await expect(createEvent(manager, { venueId, ...fields, ticketUrl: "https://billetterie.exemple.fr/recital" })).resolves.toHaveProperty("id");
  });

  it("refuses names made only of invisible or direction-changing characters, and cleans the others", async () => {
    const partner = await createPartner();
    const referent = await partnerActor(partner.id);
    const session = await createSession({ eventId: (await eventRow({ venueId })).id });
    for (const lastName of ["\u202E\u202D", "\u200B\u200B", "\u2066\u2069", " \u0000 "]) {
      await expect(createPerson(referent, { partnerId: partner.id, firstName: "Zoé", lastName })).rejects.toMatchObject({ code: "INVALID_INPUT" });
      await expect(
        requestBooking(referent, { sessionId: session.id, partnerId: partner.id, guests: [{ firstName: "Zoé", lastName, kind: "MAIN" }] }),
      ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
    const { id } = await createPerson(referent, { partnerId: partner.id, firstName: "Zo\u200Bé", lastName: "\u202ELefèvre" });
    expect(await getPrisma().person.findUniqueOrThrow({ where: { id }, select: { firstName: true, lastName: true } })).toEqual({
      firstName: "Zoé",
      lastName: "Lefèvre",
    });
  });
});
