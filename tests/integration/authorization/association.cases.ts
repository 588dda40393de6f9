// The association's back office in the authorization matrix (lib/association): the onboarding of
// structures, venues, memberships, every booking, the journal, the home's to-do. Everything is the
// association's alone, except a structure's own membership (its state and its answer).
import { associationTodo } from "@/lib/association/dashboard";
import { getBookingForAssociation, searchBookings, readBookingSearch, bookingsCsv } from "@/lib/association/bookings";
import { journalCsv, readJournalFilters, listJournal } from "@/lib/association/journal";
import {
  answerMembership,
  getMembershipState,
  inviteAllToJoin,
  listMemberships,
  membersCsv,
  membershipCampaign,
  recordMembership,
  remindToJoin,
} from "@/lib/association/memberships";
import { addConvention, recordStep, structureSteps } from "@/lib/association/onboarding";
import { choiceById, searchChoices } from "@/lib/association/choices";
import { getStructure, listStructures, readStructureFilters, structureBoard, structuresCsv, updateStructure } from "@/lib/association/structures";
import { createVenue, getVenueForAssociation, listVenues, readVenueFilters, venuesCsv } from "@/lib/association/venues";
import { revokeQuotaException } from "@/lib/booking/quota";
import type { MatrixWorld } from "../../factories/matrix";
import type { AuthorizationCase } from "./invitation.cases";

const admin = ["admin"] as const;
const SEASON = 2026;
const label = (key: string) => key;

export const associationCases: AuthorizationCase<MatrixWorld>[] = [
  { name: "the structures by stage (listStructures)", call: (actor) => listStructures(actor, readStructureFilters({})), allowed: [...admin] },
  { name: "the structures as a board (structureBoard)", call: (actor) => structureBoard(actor, readStructureFilters({})), allowed: [...admin] },
  {
    name: "the structures as CSV (structuresCsv)",
    call: (actor) => structuresCsv(actor, readStructureFilters({}), { labels: label }),
    allowed: [...admin],
  },
  { name: "structure A's file (getStructure)", call: (actor, w) => getStructure(actor, w.partnerA), allowed: [...admin] },
  { name: "structures found by typing, for a choice (searchChoices)", call: (actor) => searchChoices(actor, "PARTNER", "Escale"), allowed: [...admin] },
  { name: "venues found by typing, for a choice (searchChoices)", call: (actor) => searchChoices(actor, "VENUE", "Lilas"), allowed: [...admin] },
  {
    name: "the structure chosen, by id (choiceById)",
    call: (actor) => choiceById(actor, "PARTNER", "00000000-0000-7000-8000-000000000000"),
    allowed: [...admin],
  },
  {
    name: "accounts found by typing, for the journal's filter (searchChoices)",
    call: (actor) => searchChoices(actor, "ACCOUNT", "culture"),
    allowed: [...admin],
  },
  {
    name: "the account chosen, by id (choiceById)",
    call: (actor) => choiceById(actor, "ACCOUNT", "00000000-0000-7000-8000-000000000000"),
    allowed: [...admin],
  },
  {
    name: "edit structure A (updateStructure)",
    call: (actor, w) => updateStructure(actor, { partnerId: w.partnerA, name: "Structure A", sector: "SOCIAL", notes: "Appeler le lundi" }),
    allowed: [...admin],
  },
  { name: "structure A's steps (structureSteps)", call: (actor, w) => structureSteps(actor, w.partnerA), allowed: [...admin] },
  {
    // Structure A has its convention: its next step is its first referent's account (lib/association/onboarding.ts).
    name: "record a step of structure A (recordStep)",
    call: (actor, w) => recordStep(actor, { kind: "ACCOUNT_CREATED", partnerId: w.partnerA, name: "Claire", email: `claire.${w.partnerA}@matrice.test` }),
    allowed: [...admin],
  },
  {
    name: "add a convention to structure A (addConvention)",
    call: (actor, w) => addConvention(actor, { partnerId: w.partnerA, signedOn: "2026-11-20", validFrom: "2027-09-01", validUntil: "2028-08-31" }),
    allowed: [...admin],
  },
  {
    name: "create a venue (createVenue)",
    call: (actor) =>
      createVenue(actor, { name: "Salle Z", kind: "THEATRE", addressLine: "1 rue Z", postalCode: "69001", city: "Lyon", ticketOfficePhone: "04 72 00 00 00" }),
    allowed: [...admin],
  },
  { name: "venue X's file (getVenueForAssociation)", call: (actor, w) => getVenueForAssociation(actor, w.venueX), allowed: [...admin] },
  { name: "the venues (listVenues)", call: (actor) => listVenues(actor, readVenueFilters({})), allowed: [...admin] },
  {
    name: "revoke partner A's exception at venue X (revokeQuotaException)",
    call: (actor, w) => revokeQuotaException(actor, { venueId: w.venueX, partnerId: w.partnerA, reason: "Fin du projet" }),
    allowed: [...admin],
  },
  { name: "a season's campaign (membershipCampaign)", call: (actor) => membershipCampaign(actor, SEASON), allowed: [...admin] },
  { name: "invite every structure to join (inviteAllToJoin)", call: (actor) => inviteAllToJoin(actor, { season: SEASON }), allowed: [...admin] },
  {
    name: "remind the structures that have not answered (remindToJoin)",
    call: (actor) => remindToJoin(actor, { season: SEASON, afterDays: 14 }),
    allowed: [...admin],
  },
  {
    name: "record structure A's membership (recordMembership)",
    call: (actor, w) =>
      recordMembership(actor, { partnerId: w.partnerA, season: SEASON, joinedOn: "2026-10-02", amount: "30", paymentMeans: "Chèque", receiptNumber: "R-12" }),
    allowed: [...admin],
  },
  { name: "a season's memberships (listMemberships)", call: (actor) => listMemberships(actor, SEASON), allowed: [...admin] },
  { name: "the members as CSV (membersCsv)", call: (actor) => membersCsv(actor, SEASON, label), allowed: [...admin] },
  { name: "structure A's membership state (getMembershipState)", call: (actor, w) => getMembershipState(actor, w.partnerA), allowed: ["admin", "partnerA"] },
  {
    name: "structure A answers 'we join' (answerMembership)",
    call: (actor, w) => answerMembership(actor, { partnerId: w.partnerA, answer: "JOIN" }),
    allowed: ["admin", "partnerA"],
  },
  { name: "search every booking (searchBookings)", call: (actor) => searchBookings(actor, readBookingSearch({ nom: "Zoé" })), allowed: [...admin] },
  { name: "a booking with its history (getBookingForAssociation)", call: (actor, w) => getBookingForAssociation(actor, w.bookingId), allowed: [...admin] },
  { name: "the journal (listJournal)", call: (actor, w) => listJournal(actor, readJournalFilters({ structure: w.partnerA })), allowed: [...admin] },
  // Issue 11's CSV exports of the lists, as filtered and sorted (the routes only call these).
  {
    name: "every booking found, as CSV (bookingsCsv)",
    call: (actor, w) => bookingsCsv(actor, readBookingSearch({ structure: w.partnerA, tri: "lieu", ordre: "desc" })),
    allowed: [...admin],
  },
  {
    name: "the journal as CSV (journalCsv)",
    call: (actor, w) => journalCsv(actor, readJournalFilters({ structure: w.partnerA, tri: "acteur" })),
    allowed: [...admin],
  },
  { name: "the venues as CSV (venuesCsv)", call: (actor) => venuesCsv(actor, { q: "Lilas", tri: "ville" }), allowed: [...admin] },
  { name: "what needs the association's attention (associationTodo)", call: (actor) => associationTodo(actor), allowed: [...admin] },
];
