// The venue's side in the authorization matrix: only venue X's managers and admin, for venue X.
import sharp from "sharp";
import { encodeLegacyInvitationCode } from "@/lib/invitation/code";
import { getPrisma } from "@/lib/db/client";
import { getEventAttendance } from "@/lib/venue/attendance";
import { undoArrival } from "@/lib/venue/arrivals";
import { checkInvitation, markArrived } from "@/lib/venue/door";
import { doorSnapshot } from "@/lib/venue/door-snapshot";
import { syncArrivals } from "@/lib/venue/door-sync";
import { cancelEvent, createEvent, getVenueEvent, listVenueEvents, publishEvent, updateEvent } from "@/lib/venue/events";
import { cancelEventSessions, reopenBookings } from "@/lib/booking/sessions";
import { managedEvent, managedSession } from "@/lib/venue/access";
import { pickVenue } from "@/lib/venue/pick-venue";
import { cancelGuestBooking, getGuestList, guestListCsv } from "@/lib/venue/guest-list";
import { getEventImage, setEventImage } from "@/lib/venue/images";
import { getVenueProfile, updateVenueProfile } from "@/lib/venue/profile";
import { addSessions } from "@/lib/venue/add-sessions";
import type { MatrixWorld } from "../../factories/matrix";
import type { AuthorizationCase } from "./invitation.cases";

const venueX = ["admin", "venueX"] as const;
const fields = { title: "Nouveau", description: "Une création.", category: "DANCE" };
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const number = async (w: MatrixWorld) => (await getPrisma().booking.findUniqueOrThrow({ where: { id: w.bookingId } })).number;

export const venueCases: AuthorizationCase<MatrixWorld>[] = [
  { name: "the door's offline snapshot of X (doorSnapshot)", call: (actor, w) => doorSnapshot(actor, { venueId: w.venueX }), allowed: [...venueX] },
  {
    name: "send the arrivals marked offline at X (syncArrivals)",
    call: async (actor, w) =>
      syncArrivals(actor, {
        venueId: w.venueX,
        deviceId: "appareil",
        snapshotAt: new Date().toISOString(),
        marks: [{ id: crypto.randomUUID(), number: await number(w), position: 0, at: new Date().toISOString() }],
      }),
    allowed: [...venueX],
  },
  { name: "venue X's events (listVenueEvents)", call: (actor, w) => listVenueEvents(actor, w.venueX), allowed: [...venueX] },
  { name: "an event of X with its sessions (getVenueEvent)", call: (actor, w) => getVenueEvent(actor, w.eventX), allowed: [...venueX] },
  { name: "declare an event at X (createEvent)", call: (actor, w) => createEvent(actor, { venueId: w.venueX, ...fields }), allowed: [...venueX] },
  { name: "edit an event of X (updateEvent)", call: (actor, w) => updateEvent(actor, { eventId: w.eventX, ...fields }), allowed: [...venueX] },
  { name: "publish an event of X (publishEvent)", call: (actor, w) => publishEvent(actor, { eventId: w.eventX }), allowed: [...venueX] },
  { name: "cancel an event of X (cancelEvent)", call: (actor, w) => cancelEvent(actor, { eventId: w.eventX, note: "Travaux" }), allowed: [...venueX] },
  {
    name: "add sessions to an event of X (addSessions)",
    call: (actor, w) => addSessions(actor, { eventId: w.eventX, from: tomorrow(), times: ["20:30"], capacity: 5 }),
    allowed: [...venueX],
  },
  {
    name: "set the image of an event of X (setEventImage)",
    call: async (actor, w) =>
      setEventImage(
        actor,
        w.eventX,
        await sharp({ create: { width: 40, height: 20, channels: 3, background: "#000" } })
          .png()
          .toBuffer(),
      ),
    allowed: [...venueX],
  },
  { name: "venue X's profile (getVenueProfile)", call: (actor, w) => getVenueProfile(actor, w.venueX), allowed: [...venueX] },
  {
    name: "edit venue X's profile (updateVenueProfile)",
    call: (actor, w) =>
      updateVenueProfile(actor, { venueId: w.venueX, name: "Théâtre X", addressLine: "1 rue", postalCode: "69001", city: "Lyon", ticketOfficePhone: "04" }),
    allowed: [...venueX],
  },
  { name: "a session's guest list at X (getGuestList)", call: (actor, w) => getGuestList(actor, w.sessionX), allowed: [...venueX] },
  { name: "a session's guest list at X as CSV (guestListCsv)", call: (actor, w) => guestListCsv(actor, w.sessionX), allowed: [...venueX] },
  {
    name: "mark a guest of X arrived (markArrived)",
    // On the day of the session, when the door is open.
    call: async (actor, w) =>
      markArrived(
        actor,
        { bookingId: w.bookingId, positions: [0] },
        { now: (await getPrisma().session.findUniqueOrThrow({ where: { id: w.sessionX } })).startsAt },
      ),
    allowed: [...venueX],
  },
  {
    name: "take back a guest's arrival at X (undoArrival)",
    // On the day of the session; nobody has arrived yet, so an allowed actor is answered "nothing to undo".
    call: async (actor, w) =>
      undoArrival(
        actor,
        { bookingId: w.bookingId, position: 0 },
        { now: (await getPrisma().session.findUniqueOrThrow({ where: { id: w.sessionX } })).startsAt },
      ),
    allowed: [...venueX],
  },
  {
    // Session X is open: the allowed actors are answered "nothing to reopen", the others refused.
    name: "reopen a session's bookings at X (reopenBookings)",
    call: (actor, w) => reopenBookings(actor, { sessionId: w.sessionX }),
    allowed: [...venueX],
  },
  { name: "attendance and feedback of an event of X (getEventAttendance)", call: (actor, w) => getEventAttendance(actor, w.eventX), allowed: [...venueX] },
  {
    // Venue Y may check a code too: it is told "another venue", and learns nothing more.
    name: "check an invitation at the door (checkInvitation)",
    call: async (actor, w) => checkInvitation(actor, { code: encodeLegacyInvitationCode({ number: await number(w), position: 0 }) }),
    allowed: ["admin", "venueX", "venueY"],
  },
  {
    name: "cancel a booking at X when a person phones (cancelGuestBooking)",
    call: (actor, w) => cancelGuestBooking(actor, { bookingId: w.bookingId, note: "La personne a appelé" }),
    allowed: [...venueX],
  },
  { name: "an event of X, for its venue (managedEvent)", call: (actor, w) => managedEvent(actor, w.eventX), allowed: [...venueX] },
  { name: "a session of X, for its venue (managedSession)", call: (actor, w) => managedSession(actor, w.sessionX), allowed: [...venueX] },
  {
    // Venue Y is shown its own venue, never X.
    name: "the venue a venue page is about (pickVenue)",
    call: async (actor, w) => {
      const picked = await pickVenue(actor, w.venueX);
      if (actor.kind === "user" && actor.role === "VENUE" && !actor.venueIds.includes(w.venueX) && picked?.id === w.venueX)
        throw new Error("venue X shown to another venue");
      return picked;
    },
    allowed: ["admin", "venueX", "venueY"],
  },
  {
    // A published event's image is for whoever may see the offer; the public may not.
    name: "an event's image (getEventImage)",
    call: (actor, w) => getEventImage(actor, w.eventX),
    allowed: ["admin", "partnerA", "partnerB", "venueX", "venueY", "visitorA"],
  },
  {
    // What lib/venue's cancelEvent calls once it has found the event: it checks the actor again.
    name: "cancel the sessions of an event of X (cancelEventSessions)",
    call: async (actor, w) => cancelEventSessions(actor, { id: w.eventX, venueId: w.venueX }, "Travaux", new Date()),
    allowed: [...venueX],
  },
];
