// Every kind of mail the platform sends, and the kinds a person may choose to receive later in a daily
// digest rather than at once (/mon-compte). Pure lists: the mails' words are in lib/mail/content/.
export const MAIL_KINDS = [
  "ACCOUNT_INVITATION",
  "PASSWORD_RESET",
  "BOOKING_CONFIRMED",
  "BOOKING_PROMOTED",
  "BOOKING_CANCELLED",
  "SESSION_CANCELLED",
  "SESSION_MOVED",
  "WAITLIST_EXPIRED",
  "OUTING_REMINDER",
  "ATTENDANCE_REQUEST",
  "DIGEST",
  "PARTNERSHIP_REQUEST",
  "PARTNERSHIP_ACK",
  "MEMBERSHIP_INVITATION",
  "MEMBERSHIP_REMINDER",
  "CONVENTION_ENDING",
  "ACTIVITY_REGISTERED",
  "ACTIVITY_WAITLISTED",
  "ACTIVITY_PROMOTED",
  "ACTIVITY_CANCELLED",
  "DRAW_RESULT",
  "DRAW_NOT_HELD",
  "SMS_BUDGET_SPENT",
  "LATE_PLACES",
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/**
 * Kinds sent in bulk on a schedule, about an outing days away or past or a campaign (lib/db/queue.ts,
 * JOB_PRIORITY): they leave after the mails someone is waiting for now. Cancellations, moves, a booking's
 * confirmation or move up, a draw's result and the account mails are not among them.
 */
export const SCHEDULED_KINDS = [
  "WAITLIST_EXPIRED",
  "OUTING_REMINDER",
  "ATTENDANCE_REQUEST",
  "DIGEST",
  "MEMBERSHIP_REMINDER",
  "CONVENTION_ENDING",
] as const satisfies readonly MailKind[];

/**
 * Kinds a user may receive at once, in a daily digest or not at all; the others always go at once:
 * cancellations (of a booking, of a session), account mails (invitation, new password), the digest itself,
 * and the mails to people without an account (activities, the acknowledgement of a partnership request).
 */
export const OPTIONAL_KINDS = [
  "BOOKING_CONFIRMED",
  "BOOKING_PROMOTED",
  "WAITLIST_EXPIRED",
  "OUTING_REMINDER",
  "ATTENDANCE_REQUEST",
  "DRAW_RESULT",
  "MEMBERSHIP_INVITATION",
  "MEMBERSHIP_REMINDER",
  "PARTNERSHIP_REQUEST",
  "CONVENTION_ENDING",
] as const satisfies readonly MailKind[];
export type OptionalKind = (typeof OPTIONAL_KINDS)[number];
export const isOptional = (kind: string): kind is OptionalKind => (OPTIONAL_KINDS as readonly string[]).includes(kind);

/**
 * The kinds that can wait each role receives, for its choices (/mon-compte): a structure's referents get
 * the mails about their bookings and the membership campaign, the association the partnership requests
 * and the conventions ending; a venue's managers get none of them.
 */
export const OPTIONAL_KINDS_BY_ROLE: Record<"ADMIN" | "PARTNER" | "VENUE", readonly OptionalKind[]> = {
  PARTNER: [
    "BOOKING_CONFIRMED",
    "BOOKING_PROMOTED",
    "WAITLIST_EXPIRED",
    "OUTING_REMINDER",
    "ATTENDANCE_REQUEST",
    "DRAW_RESULT",
    "MEMBERSHIP_INVITATION",
    "MEMBERSHIP_REMINDER",
  ],
  ADMIN: ["PARTNERSHIP_REQUEST", "CONVENTION_ENDING"],
  VENUE: [],
};
