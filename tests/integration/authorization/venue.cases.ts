// The venue's side in the authorization matrix: only venue X's managers and admin, for venue X.
import sharp from "sharp";
import { encodeInvitationCode } from "@/lib/invitation/code";
import { getPrisma } from "@/lib/db/client";
import { getEventAttendance } from "@/lib/venue/attendance";
import { checkInvitation, markArrived } from "@/lib/venue/door";
import { cancelEvent, createEvent, getVenueEvent, listVenueEvents, publishEvent, updateEvent } from "@/lib/venue/events";
import { getGuestList, guestListCsv } from "@/lib/venue/guest-list";
import { setEventImage } from "@/lib/venue/images";
import { getVenueProfile, updateVenueProfile } from "@/lib/venue/profile";
import { addSessions } from "@/lib/venue/sessions";
import type { MatrixWorld } from "../../factories/matrix";
import type { AuthorizationCase } from "./invitation.cases";

const venueX = ["admin", "venueX"] as const;
const fields = { title: "Nouveau", description: "Une création.", category: "DANCE" };
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const number = async (w: MatrixWorld) => (await getPrisma().booking.findUniqueOrThrow({ where: { id: w.bookingId } })).number;

export const venueCases: AuthorizationCase<MatrixWorld>[] = [
  { name: "venue X's events (listVenueEvents)", call: (actor, w) => listVenueEvents(actor, w.venueX), allowed: [...venueX] },
  { name: "an event of X with its sessions (getVenueEvent)", call: (actor, w) => getVenueEvent(actor, w.eventX), allowed: [...venueX] },
  { name: "declare an event at X (createEvent)", call: (actor, w) => createEvent(actor, { venueId: w.venueX, ...fields }), allowed: [...venueX] },
  { name: "edit an event of X (updateEvent)", call: (actor, w) => updateEvent(actor, { eventId: w.eventX, ...fields }), allowed: [...venueX] },
  { name: "publish an event of X (publishEvent)", call: (actor, w) => publishEvent(actor, { eventId: w.eventX }), allowed: [...venueX] },
  { name: "cancel an event of X (cancelEvent)", call: (actor, w) => cancelEvent(actor, { eventId: w.eventX, note: "Travaux" }), allowed: [...venueX] },
  { name: "add sessions to an event of X (addSessions)", call: (actor, w) => addSessions(actor, { eventId: w.eventX, from: tomorrow(), times: ["20:30"], capacity: 5 }), allowed: [...venueX] },
  {
    name: "set the image of an event of X (setEventImage)",
    call: async (actor, w) => setEventImage(actor, w.eventX, await sharp({ create: { width: 40, height: 20, channels: 3, background: "#000" } }).png().toBuffer()),
    allowed: [...venueX],
  },
  { name: "venue X's profile (getVenueProfile)", call: (actor, w) => getVenueProfile(actor, w.venueX), allowed: [...venueX] },
  {
    name: "edit venue X's profile (updateVenueProfile)",
    call: (actor, w) => updateVenueProfile(actor, { venueId: w.venueX, name: "Théâtre X", addressLine: "1 rue", postalCode: "69001", city: "Lyon", ticketOfficePhone: "04" }),
    allowed: [...venueX],
  },
  { name: "a session's guest list at X (getGuestList)", call: (actor, w) => getGuestList(actor, w.sessionX), allowed: [...venueX] },
  { name: "a session's guest list at X as CSV (guestListCsv)", call: (actor, w) => guestListCsv(actor, w.sessionX), allowed: [...venueX] },
  { name: "mark a guest of X arrived (markArrived)", call: (actor, w) => markArrived(actor, { bookingId: w.bookingId, positions: [0] }), allowed: [...venueX] },
  { name: "attendance and feedback of an event of X (getEventAttendance)", call: (actor, w) => getEventAttendance(actor, w.eventX), allowed: [...venueX] },
  {
    // Venue Y may check a code too: it is told "another venue", and learns nothing more.
    name: "check an invitation at the door (checkInvitation)",
    call: async (actor, w) => checkInvitation(actor, { code: encodeInvitationCode({ number: await number(w), position: 0 }) }),
    allowed: ["admin", "venueX", "venueY"],
  },
];
