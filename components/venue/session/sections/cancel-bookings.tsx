// Before the session, the venue cancels a booking for a person who phones (rule 4 of lib/booking), or
// withdraws one companion who will not come while the others keep their invitations.
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import type { ActionState } from "@/lib/actions/state";
import { formatBookingNumber } from "@/lib/booking/number";
import type { GuestList } from "@/lib/venue/guest-list";

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;
type Guest = GuestList["guests"][number];

/** `bookings`: one guest per booking; `companions`: per booking, those the venue may withdraw alone. */
export async function CancelBookingsSection({
  sessionId,
  bookings,
  companions,
  cancel,
  withdraw,
}: {
  sessionId: string;
  bookings: Guest[];
  companions: Map<string, Guest[]>;
  cancel: Action;
  withdraw: Action;
}) {
  const t = await getTranslations("venue.session");
  return (
    <section aria-labelledby="annuler" className="space-y-3 print:hidden">
      <h2 id="annuler" className="text-xl font-semibold">
        {t("cancelBooking")}
      </h2>
      <ul className="space-y-2">
        {bookings.map((guest) => (
          <li key={guest.bookingId}>
            <details className="rounded-md border border-gray-300 p-3">
              <summary className="cursor-pointer">
                {t("cancelTitle", { number: formatBookingNumber(guest.number) })} — {guest.partnerName}
              </summary>
              {/* A companion who will not come is withdrawn alone; the others keep their invitations. */}
              {companions.get(guest.bookingId)?.length ? (
                <div className="mt-3 space-y-2">
                  <p>{t("withdrawHint")}</p>
                  <ul className="space-y-2">
                    {companions.get(guest.bookingId)!.map((companion) => {
                      const name = `${companion.firstName} ${companion.lastName}`;
                      return (
                        <li key={companion.position}>
                          <ActionForm action={withdraw} submit={t("withdraw", { name })} danger confirm={t("withdrawConfirm", { name })}>
                            <input type="hidden" name="bookingId" value={guest.bookingId} />
                            <input type="hidden" name="position" value={companion.position} />
                            <input type="hidden" name="sessionId" value={sessionId} />
                          </ActionForm>
                        </li>
                      );
                    })}
                  </ul>
                </div>
              ) : null}
              <ActionForm action={cancel} submit={t("cancelSubmit")} danger className="mt-3 space-y-3">
                <input type="hidden" name="bookingId" value={guest.bookingId} />
                <input type="hidden" name="sessionId" value={sessionId} />
                <TextField name="note" label={t("cancelReason")} required />
              </ActionForm>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
