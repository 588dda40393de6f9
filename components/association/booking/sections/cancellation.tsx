// A cancelled booking says who cancelled, when and why; a live one can be cancelled here for a person who
// phones the association (rule 4 of lib/booking), until its session starts.
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import { formatBookingNumber } from "@/lib/booking/number";
import { CANCEL_CODES } from "@/lib/booking/schemas";
import { formatMoment } from "@/lib/format/dates";
import type { Action, AssociationBooking } from "./types";

export async function CancellationSection({ booking, cancel }: { booking: AssociationBooking; cancel: Action }) {
  const t = await getTranslations("bookingsAdmin.booking");
  const labels = await getTranslations("associationLabels");
  const codes = await getTranslations("cancelCodes");
  if (booking.status === "CANCELLED")
    return (
      <section aria-labelledby="annulation" className="space-y-3 rounded-lg bg-amber-50 p-4 text-amber-950">
        <h2 id="annulation" className="text-2xl font-semibold">
          {t("cancellationTitle")}
        </h2>
        <dl className="grid gap-4 sm:grid-cols-2">
          {booking.cancelledAt ? (
            <div>
              <dt className="font-semibold">{t("cancelledAt")}</dt>
              <dd>{formatMoment(booking.cancelledAt)}</dd>
            </div>
          ) : null}
          {/* Without an account (timed rules, a deleted account), "who" is the reason alone. */}
          {booking.cancelledBy ? (
            <div>
              <dt className="font-semibold">{t("cancelledBy")}</dt>
              <dd>{booking.cancelledBy.name}</dd>
            </div>
          ) : null}
          {booking.cancelReason ? (
            <div>
              <dt className="font-semibold">{t("reason")}</dt>
              <dd>{labels(`cancelReason.${booking.cancelReason}`)}</dd>
            </div>
          ) : null}
          {booking.cancelCode ? (
            <div>
              <dt className="font-semibold">{t("code")}</dt>
              <dd>{codes(booking.cancelCode)}</dd>
            </div>
          ) : null}
          {booking.cancelNote ? (
            <div className="sm:col-span-2">
              <dt className="font-semibold">{t("note")}</dt>
              <dd className="whitespace-pre-line break-words">{booking.cancelNote}</dd>
            </div>
          ) : null}
        </dl>
      </section>
    );
  if (booking.session.startsAt <= new Date()) return <p className="rounded-lg bg-brand-50 p-4">{t("tooLate")}</p>;
  return (
    <section aria-labelledby="annuler" className="space-y-3 rounded-lg border border-red-700 p-4">
      <h2 id="annuler" className="text-2xl font-semibold text-red-800">
        {t("cancelTitle")}
      </h2>
      <p>{t("cancelLead")}</p>
      <ActionForm action={cancel} submit={t("cancelSubmit")} confirm={t("cancelConfirm", { number: formatBookingNumber(booking.number) })} danger>
        <input type="hidden" name="bookingId" value={booking.id} />
        <SelectField
          name="code"
          label={t("codeLabel")}
          defaultValue=""
          options={[["", t("chooseCode")], ...CANCEL_CODES.map((code): [string, string] => [code, codes(code)])]}
        />
        <TextField name="note" label={t("noteLabel")} multiline />
      </ActionForm>
    </section>
  );
}
