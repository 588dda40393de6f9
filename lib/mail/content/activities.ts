// The mails to a person registered for one of the association's activities.
import "server-only";
import { formatBookingNumber } from "@/lib/booking/number";
import { getPrisma } from "@/lib/db/client";
import { appUrl } from "@/lib/http/app-url";
import { formatSessionDate } from "@/lib/format/dates";
import { frame, t, type MailBody } from "./frame";

/**
 * The mails to a person registered for one of the association's activities (lib/activities). The address
 * was typed in a public form and nobody confirmed it: the mail says the association's words (the
 * activity, its date and place, the number) and none of the form's, not even the name (issue 27.6).
 */
export async function activityMail(
  kind: "ACTIVITY_REGISTERED" | "ACTIVITY_WAITLISTED" | "ACTIVITY_PROMOTED" | "ACTIVITY_CANCELLED",
  registrationId: string,
): Promise<MailBody | null> {
  const registration = /^[0-9a-f-]{36}$/i.test(registrationId)
    ? await getPrisma().activityRegistration.findUnique({
        where: { id: registrationId },
        select: { number: true, status: true, activity: { select: { title: true, startsAt: true, place: true } } },
      })
    : null;
  // Said only while still true: a registration cancelled since is not confirmed by a late mail.
  if (!registration || (kind !== "ACTIVITY_CANCELLED" && registration.status === "CANCELLED")) return null;
  const facts = { title: registration.activity.title, number: formatBookingNumber(registration.number) };
  const page = appUrl("/activites");
  return {
    ...frame(
      null,
      {
        subject: t(`${kind}.subject`, facts),
        paragraphs: [t(`${kind}.lead`, facts), formatSessionDate(registration.activity.startsAt), registration.activity.place],
        action: { label: t(`${kind}.action`), url: page },
        notes: kind === "ACTIVITY_CANCELLED" ? [] : [t("ACTIVITY.cancel", facts)],
      },
      t("ACTIVITY.why"),
    ),
    url: page,
  };
}
