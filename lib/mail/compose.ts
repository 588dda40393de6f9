// What each kind of mail says, read from the database when its job runs (so that it says how things are
// when it leaves), in the words of the message catalog. Guests' names appear only in the reminder, which
// goes to the referent who booked for them. A mail to an address typed in a public form (an activity's
// registration, a partnership request) carries none of that form's words.
// One file per family of mails: lib/mail/content/*.ts.
import "server-only";
import { accountMail } from "./content/accounts";
import { activityMail } from "./content/activities";
import { bookingMail, drawNotHeldMail } from "./content/bookings";
import { digestMail } from "./content/digest";
import type { MailBody } from "./content/frame";
import type { BookingForMail } from "./booking-facts";
import { partnerMail, partnershipAckMail } from "./content/partners";
import { smsBudgetMail } from "./content/sms";
import { latePlacesMail } from "./content/late-places";

export interface MailSource {
  kind: string;
  props: Record<string, unknown>;
  recipientName: string | null;
  /** The booking a mail is about, when the caller has read it already (lib/mail/deliver.ts). */
  booking?: BookingForMail | null;
}

/** The content of a mail, or null when what it is about no longer exists (nothing to send). */
export async function mailContent({ kind, props, recipientName, booking }: MailSource): Promise<MailBody | null> {
  const string = (key: string) => String(props[key] ?? "");
  switch (kind) {
    case "ACCOUNT_INVITATION":
    case "PASSWORD_RESET":
      return accountMail(kind, props, recipientName);
    case "PARTNERSHIP_ACK":
      return partnershipAckMail();
    case "PARTNERSHIP_REQUEST":
    case "CONVENTION_ENDING":
    case "MEMBERSHIP_INVITATION":
    case "MEMBERSHIP_REMINDER":
      return partnerMail(kind, props, recipientName);
    case "ACTIVITY_REGISTERED":
    case "ACTIVITY_WAITLISTED":
    case "ACTIVITY_PROMOTED":
    case "ACTIVITY_CANCELLED":
      return activityMail(kind, string("registrationId"));
    case "DRAW_NOT_HELD":
      return drawNotHeldMail(string("sessionId"), recipientName);
    case "LATE_PLACES":
      return latePlacesMail(string("sessionId"), recipientName);
    case "SMS_BUDGET_SPENT":
      return smsBudgetMail(string("budget"), recipientName);
    case "DIGEST":
      return digestMail(props, recipientName);
    default:
      return bookingMail(kind, props, recipientName, booking);
  }
}
