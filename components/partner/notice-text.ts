// The words of one notice of the partner's news (notifications-panel.tsx), from the catalog: what happened
// and, for a cancellation by the venue or the association, who made it and why. A plain function of
// the translations it is given, so that the wording can be checked without rendering the page.
import { formatBookingNumber } from "@/lib/booking/number";
import type { PartnerNotification } from "@/lib/partner/notifications";

export interface NoticeWords {
  /** The "partnerHome" messages. */
  t: (key: string, values?: Record<string, string>) => string;
  /** The "cancelCodes" messages. */
  codes: (key: string) => string;
  /** A session's date and time, as the page writes it. */
  date: (date: Date) => string;
}

export function noticeText(item: PartnerNotification, { t, codes, date }: NoticeWords): { text: string; why: string | null } {
  const values = {
    number: item.bookingNumber ? formatBookingNumber(item.bookingNumber) : "",
    event: item.eventTitle ?? "",
    date: item.startsAt ? date(item.startsAt) : "",
  };
  // The venue by its name; the account in brackets ("none" leaves them out).
  const by = item.by && {
    who: item.by.who === "VENUE" ? (item.by.venueName ?? t("theVenue")) : t("theAssociation"),
    name: item.by.accountName ?? "none",
  };
  let text: string;
  if (item.type === "GUEST_WITHDRAWN" && item.guest) {
    text = t("guestWithdrawn", { ...values, guest: `${item.guest.firstName} ${item.guest.lastName}`, ...(by ?? { who: t("theAssociation"), name: "none" }) });
  } else if (item.type === "BOOKING_CANCELLED" && by) {
    text = t("cancelledBy", { ...values, ...by });
  } else {
    text = t(`type.${item.type}`, values);
  }
  const reasons = item.reason ? [item.reason.code ? codes(item.reason.code) : null, item.reason.note].filter(Boolean) : [];
  return { text, why: reasons.length ? t("why", { why: reasons.join(" — ") }) : null };
}
