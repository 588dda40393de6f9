// Issue 13, item 13: the <title> of a page that shows one thing names it, read through the page's own
// authorized loader as the current actor (lib/page-titles.ts), in the catalog's words; whoever may not see
// the thing (another structure, another venue, a partner on the association's pages, a draft, a malformed
// id) gets the page's neutral title, which names nothing and does not say whether it exists.
import { createTranslator } from "next-intl";
import { getBookingForAssociation } from "@/lib/association/bookings";
import { getStructure } from "@/lib/association/structures";
import { getVenueForAssociation } from "@/lib/association/venues";
import type { Actor } from "@/lib/auth/actor";
import { anonymousActor } from "@/lib/auth/actor";
import { getEventDetails } from "@/lib/catalog/event";
import { associationBookingTitle, attendanceTitle, bookFormTitle, eventTitle, organisationTitle, partnerBookingTitle, sessionTitle } from "@/lib/page-titles";
import { getPartnerBooking } from "@/lib/partner/bookings";
import { getEventAttendance } from "@/lib/venue/attendance";
import { getVenueEvent } from "@/lib/venue/events";
import { getGuestList } from "@/lib/venue/guest-list";
import messages from "@/messages/fr";
import { adminActor, partnerActor, venueActor } from "../factories/actors";
import { createEvent, createPartner, createSession, createVenue, insertBooking } from "../factories";

const t = createTranslator({ locale: "fr", messages, namespace: "pageTitles" });
const NBSP = "\u00a0";
const MISSING = "00000000-0000-4000-8000-000000000000";

let ids: { booking: string; event: string; draft: string; session: string; otherSession: string; partner: string; venue: string };
let actors: { partner: Actor; otherPartner: Actor; venue: Actor; otherVenue: Actor; admin: Actor; visitor: Actor };

beforeAll(async () => {
  const venue = await createVenue({ name: "Théâtre des Lilas" });
  const otherVenue = await createVenue({ name: "Musée des Confluences" });
  const event = await createEvent({ venueId: venue.id, title: "Le Misanthrope", category: "THEATRE" });
  const draft = await createEvent({ venueId: venue.id, title: "Répétition secrète", status: "DRAFT" });
  const other = await createEvent({ venueId: venue.id, title: "Corps en fête", category: "DANCE" });
  // Saturday 16 January 2027, 20:30 in Paris (the test clock is in December 2026).
  const session = await createSession({ eventId: event.id, startsAt: new Date("2027-01-16T19:30:00Z") });
  const otherSession = await createSession({ eventId: other.id, startsAt: new Date("2027-01-20T19:00:00Z") });
  await createSession({ eventId: draft.id, startsAt: new Date("2027-01-22T19:00:00Z") });
  const partner = await createPartner({ name: "CHRS L'Escale" });
  const otherPartner = await createPartner({ name: "Foyer Les Glycines" });
  const booking = await insertBooking(session.id, partner.id, { number: "K7QM3RTX", places: 2 });
  ids = { booking: booking.id, event: event.id, draft: draft.id, session: session.id, otherSession: otherSession.id, partner: partner.id, venue: venue.id };
  actors = {
    partner: await partnerActor(partner.id),
    otherPartner: await partnerActor(otherPartner.id),
    venue: await venueActor(venue.id),
    otherVenue: await venueActor(otherVenue.id),
    admin: await adminActor(),
    visitor: { kind: "visitor", partnerId: partner.id },
  };
});

describe("a booking's page", () => {
  const partnerTitle = (actor: Actor, id = ids.booking) => partnerBookingTitle(() => getPartnerBooking(actor, id), t);

  it("is titled by the booking's number and its event, for the structure that booked", async () => {
    expect(await partnerTitle(actors.partner)).toBe("Réservation K7QM-3RTX · Le Misanthrope");
  });

  it("names nothing for another structure, the venue, a visitor, someone signed out, a malformed or unknown id", async () => {
    for (const actor of [actors.otherPartner, actors.venue, actors.visitor, anonymousActor]) expect(await partnerTitle(actor)).toBe("Réservation");
    expect(await partnerTitle(actors.partner, "pas-un-identifiant")).toBe("Réservation");
    expect(await partnerTitle(actors.partner, MISSING)).toBe("Réservation");
  });

  it("reads the same on the association's page, which nobody else gets a name from", async () => {
    const associationTitle = (actor: Actor) => associationBookingTitle(() => getBookingForAssociation(actor, ids.booking), t);
    expect(await associationTitle(actors.admin)).toBe("Réservation K7QM-3RTX · Le Misanthrope");
    for (const actor of [actors.partner, actors.venue, anonymousActor]) expect(await associationTitle(actor)).toBe("Réservation");
  });
});

describe("an event's page", () => {
  it("is titled by the event, in the venue's space, for the venue that declared it", async () => {
    const venueTitle = (actor: Actor, id = ids.event) => eventTitle(() => getVenueEvent(actor, id), t);
    expect(await venueTitle(actors.venue)).toBe("Le Misanthrope");
    expect(await venueTitle(actors.venue, ids.draft)).toBe("Répétition secrète");
    expect(await venueTitle(actors.admin)).toBe("Le Misanthrope");
    for (const actor of [actors.otherVenue, actors.partner, anonymousActor]) expect(await venueTitle(actor)).toBe("Événement");
  });

  it("is titled by the event on the offer, where a draft exists for nobody but its venue", async () => {
    const offerTitle = (actor: Actor, id: string) => eventTitle(() => getEventDetails(actor, id), t);
    expect(await offerTitle(actors.partner, ids.event)).toBe("Le Misanthrope");
    expect(await offerTitle(actors.visitor, ids.event)).toBe("Le Misanthrope");
    expect(await offerTitle(actors.partner, ids.draft)).toBe("Événement");
    expect(await offerTitle(actors.venue, ids.draft)).toBe("Répétition secrète");
    expect(await offerTitle(anonymousActor, ids.event)).toBe("Événement");
  });

  it("names the event on its attendance report, for its venue only", async () => {
    const reportTitle = (actor: Actor) => attendanceTitle(() => getEventAttendance(actor, ids.event), t);
    expect(await reportTitle(actors.venue)).toBe("Présences et retours : Le Misanthrope");
    expect(await reportTitle(actors.otherVenue)).toBe("Présences et retours");
  });

  it("names the event on the booking form of one of its sessions, and nothing for a session of another event", async () => {
    const formTitle = (actor: Actor, sessionId: string, eventId = ids.event) => bookFormTitle(() => getEventDetails(actor, eventId), sessionId, t);
    expect(await formTitle(actors.partner, ids.session)).toBe("Réserver : Le Misanthrope");
    expect(await formTitle(actors.partner, ids.otherSession)).toBe("Réserver");
    expect(await formTitle(actors.partner, ids.session, ids.draft)).toBe("Réserver");
  });
});

describe("a session's page", () => {
  const title = (actor: Actor, id = ids.session) => sessionTitle(() => getGuestList(actor, id), t);

  it("is titled by the event and the session's date, at Paris time", async () => {
    expect(await title(actors.venue)).toBe(`Le Misanthrope, samedi 16 janvier 2027 à${NBSP}20${NBSP}h${NBSP}30`);
  });

  it("names nothing for another venue, a partner, a malformed or unknown id", async () => {
    for (const actor of [actors.otherVenue, actors.partner, anonymousActor]) expect(await title(actor)).toBe("Séance");
    expect(await title(actors.venue, "123")).toBe("Séance");
    expect(await title(actors.venue, MISSING)).toBe("Séance");
  });
});

describe("the association's files", () => {
  it("are titled by the structure's or the venue's name, for the association only", async () => {
    const structure = (actor: Actor) => organisationTitle(() => getStructure(actor, ids.partner), "structureNeutral", t);
    const venue = (actor: Actor) => organisationTitle(() => getVenueForAssociation(actor, ids.venue), "venueNeutral", t);
    expect(await structure(actors.admin)).toBe("CHRS L'Escale");
    expect(await venue(actors.admin)).toBe("Théâtre des Lilas");
    expect(await structure(actors.partner)).toBe("Structure partenaire");
    expect(await venue(actors.venue)).toBe("Lieu culturel");
  });
});

it("lets an error that is not a refusal through: a failing database is not a missing booking", async () => {
  const failure = new Error("connexion perdue");
  await expect(partnerBookingTitle(() => Promise.reject(failure), t)).rejects.toBe(failure);
});
