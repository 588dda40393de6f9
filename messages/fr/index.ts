// The French catalog, one file per part of the product so that parts can grow side by side; each
// file holds whole top-level namespaces, and no namespace may appear in two files.
import activities from "./activities.json";
import association from "./association.json";
import associationBookings from "./association-bookings.json";
import associationStructures from "./association-structures.json";
import associationVenues from "./association-venues.json";
import auth from "./auth.json";
import booking from "./booking.json";
import calendar from "./calendar.json";
import dataTransfer from "./data-transfer.json";
import easy from "./easy.json";
import invitation from "./invitation.json";
import language from "./language.json";
import languageNeeds from "./language-needs.json";
import latePlaces from "./late-places.json";
import mail from "./mail.json";
import offer from "./offer.json";
import platformState from "./platform-state.json";
import seasonImport from "./season-import.json";
import site from "./site.json";
import sms from "./sms.json";
import statistics from "./statistics.json";
import titles from "./titles.json";
import venue from "./venue.json";

const parts = [
  site,
  languageNeeds,
  booking,
  easy,
  offer,
  invitation,
  auth,
  venue,
  mail,
  association,
  associationStructures,
  associationVenues,
  associationBookings,
  titles,
  statistics,
  activities,
  calendar,
  sms,
  dataTransfer,
  platformState,
  latePlaces,
  seasonImport,
  language,
];

function merge(list: Record<string, unknown>[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const part of list) {
    for (const [namespace, messages] of Object.entries(part)) {
      if (namespace in merged) throw new Error(`Espace de messages en double : ${namespace}`);
      merged[namespace] = messages;
    }
  }
  return merged;
}

/** Add each new file to `parts` and to this type. */
export type Messages = typeof site &
  typeof booking &
  typeof easy &
  typeof offer &
  typeof invitation &
  typeof auth &
  typeof venue &
  typeof mail &
  typeof association &
  typeof associationStructures &
  typeof associationVenues &
  typeof associationBookings &
  typeof titles &
  typeof statistics &
  typeof activities &
  typeof calendar &
  typeof sms &
  typeof dataTransfer &
  typeof platformState &
  typeof latePlaces &
  typeof language;

const messages = merge(parts) as Messages;
export default messages;
