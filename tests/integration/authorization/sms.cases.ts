// Text messages (issue 30) in the authorization matrix: a person's number and its consent are their
// structure's (the association reads it masked), a booking's text choices its structure's, the SMS outbox
// and its settings the association's, the people's answers their structure's.
import { peopleWithMobile, personMobile, recordBookingTexts, recordPersonMobile, withdrawPersonMobile } from "@/lib/sms/consent";
import { listSmsAnswers, listTexts, markSmsAnswerRead, resendText, setSmsSettings } from "@/lib/sms/outbox";
import type { MatrixWorld } from "../../factories/matrix";
import type { AuthorizationCase } from "./invitation.cases";

export const smsCases: AuthorizationCase<MatrixWorld>[] = [
  {
    name: "record A's person's number with consent (recordPersonMobile)",
    call: (actor, w) => recordPersonMobile(actor, { personId: w.personA, number: "06 12 34 56 78", consent: "on" }),
    allowed: ["admin", "partnerA"],
  },
  { name: "read A's person's number (personMobile)", call: (actor, w) => personMobile(actor, w.personA), allowed: ["admin", "partnerA"] },
  {
    name: "withdraw A's person's consent (withdrawPersonMobile)",
    call: (actor, w) => withdrawPersonMobile(actor, { personId: w.personA }),
    allowed: ["admin", "partnerA"],
  },
  {
    name: "which of A's people have a number (peopleWithMobile)",
    call: (actor, w) => peopleWithMobile(actor, w.partnerA, [w.personA]),
    allowed: ["admin", "partnerA"],
  },
  {
    name: "choose texts for A's booking (recordBookingTexts)",
    call: (actor, w) => recordBookingTexts(actor, { bookingId: w.bookingId, confirmation: false }),
    allowed: ["admin", "partnerA"],
  },
  { name: "the SMS outbox (listTexts)", call: (actor) => listTexts(actor), allowed: ["admin"] },
  { name: "send a failed text again (resendText)", call: (actor, w) => resendText(actor, { smsId: w.failedSmsId }), allowed: ["admin"] },
  { name: "the texts' settings (setSmsSettings)", call: (actor) => setSmsSettings(actor, { reminderHour: 18, monthlyBudget: "" }), allowed: ["admin"] },
  { name: "A's people's answers (listSmsAnswers)", call: (actor, w) => listSmsAnswers(actor, w.partnerA), allowed: ["admin", "partnerA"] },
  {
    name: "mark an answer of A's read (markSmsAnswerRead)",
    call: (actor, w) => markSmsAnswerRead(actor, { answerId: w.smsAnswerA }),
    allowed: ["admin", "partnerA"],
  },
];
