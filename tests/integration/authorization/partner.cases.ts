// The partner's day in the authorization matrix: the offer, the structure's people, its bookings.
import { getEventDetails } from "@/lib/catalog/event";
import { readCatalogFilters } from "@/lib/catalog/filters";
import { catalogPlaces, searchSessions } from "@/lib/catalog/search";
import { getPartnerBooking, listPartnerBookings, recordAttendance } from "@/lib/partner/bookings";
import { bookFromForm, peopleBookedOnSession } from "@/lib/partner/book-from-form";
import { firstSteps } from "@/lib/partner/first-steps";
import { bookingCalendar } from "@/lib/calendar/booking-event";
import { currentFeed, renewFeed } from "@/lib/calendar/feed-token";
import { listNotifications, markNotificationsRead } from "@/lib/partner/notifications";
import { archivePerson, createPerson, getPerson, listPeople, updatePerson } from "@/lib/people/people";
import type { MatrixWorld } from "../../factories/matrix";
import type { AuthorizationCase } from "./invitation.cases";

const everyoneSignedIn = ["admin", "partnerA", "partnerB", "venueX", "venueY", "visitorA"] as const;
const structureA = ["admin", "partnerA"] as const;

export const partnerCases: AuthorizationCase<MatrixWorld>[] = [
  { name: "search the offer (searchSessions)", call: (actor) => searchSessions(actor, readCatalogFilters({})), allowed: [...everyoneSignedIn] },
  { name: "towns of the offer (catalogPlaces)", call: (actor) => catalogPlaces(actor), allowed: [...everyoneSignedIn] },
  { name: "an event's page (getEventDetails)", call: (actor, w) => getEventDetails(actor, w.eventX), allowed: [...everyoneSignedIn] },
  { name: "partner A's people (listPeople)", call: (actor, w) => listPeople(actor, w.partnerA), allowed: [...structureA] },
  {
    name: "A's people already booked on a session (peopleBookedOnSession)",
    call: (actor, w) => peopleBookedOnSession(actor, w.partnerA, w.sessionX),
    allowed: [...structureA],
  },
  { name: "one person of A (getPerson)", call: (actor, w) => getPerson(actor, w.personA), allowed: [...structureA] },
  {
    name: "add a person to A (createPerson)",
    call: (actor, w) => createPerson(actor, { partnerId: w.partnerA, firstName: "Inès", lastName: "Martin" }),
    allowed: [...structureA],
  },
  {
    name: "edit a person of A (updatePerson)",
    call: (actor, w) => updatePerson(actor, { personId: w.personA, firstName: "Zoé", lastName: "Martin" }),
    allowed: [...structureA],
  },
  { name: "delete a person of A (archivePerson)", call: (actor, w) => archivePerson(actor, { personId: w.personA }), allowed: [...structureA] },
  { name: "A's first steps, on its home (firstSteps)", call: (actor, w) => firstSteps(actor, w.partnerA), allowed: [...structureA] },
  { name: "a booking's calendar event (bookingCalendar)", call: (actor, w) => bookingCalendar(actor, w.bookingId), allowed: ["admin", "partnerA", "venueX"] },
  { name: "the referent's calendar feed (currentFeed)", call: (actor) => currentFeed(actor), allowed: ["partnerA", "partnerB"] },
  { name: "a new calendar feed (renewFeed)", call: (actor) => renewFeed(actor), allowed: ["partnerA", "partnerB"] },
  { name: "A's bookings (listPartnerBookings)", call: (actor, w) => listPartnerBookings(actor, w.partnerA), allowed: [...structureA] },
  { name: "one booking of A (getPartnerBooking)", call: (actor, w) => getPartnerBooking(actor, w.bookingId), allowed: [...structureA] },
  {
    name: "book from the form for A (bookFromForm)",
    call: (actor, w) =>
      bookFromForm(actor, { sessionId: w.sessionX, partnerId: w.partnerA, people: [{ personId: w.personA, firstName: "Zoé", lastName: "Lefèvre" }] }),
    allowed: [...structureA],
  },
  {
    name: "record attendance of A's booking (recordAttendance)",
    call: (actor, w) => recordAttendance(actor, { bookingId: w.pastBookingId, attended: [0], mood: "LIKED" }),
    allowed: [...structureA],
  },
  { name: "A's news (listNotifications)", call: (actor, w) => listNotifications(actor, w.partnerA), allowed: [...structureA] },
  { name: "mark A's news read (markNotificationsRead)", call: (actor, w) => markNotificationsRead(actor, { partnerId: w.partnerA }), allowed: [...structureA] },
];
