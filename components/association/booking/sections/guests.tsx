// The booking's guests, one row each: a guest withdrawn stays, struck through, and a guest the person asked
// to withdraw by phone can be withdrawn here (lib/booking/withdraw-guest.ts decides who can).
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { ScrollTable } from "@/components/scroll-table";
import { formatMoment } from "@/lib/format/dates";
import { describeNeeds } from "@/lib/venue/guest-list";
import type { Action, AssociationBooking } from "./types";

export async function GuestsSection({ booking, withdraw }: { booking: AssociationBooking; withdraw: Action }) {
  const t = await getTranslations("bookingsAdmin.booking");
  const withdrawing = booking.guests.some((guest) => guest.canWithdraw);
  return (
    <section aria-labelledby="invites" className="space-y-3">
      <h2 id="invites" className="text-2xl font-semibold">
        {t("guestsTitle")}
      </h2>
      {withdrawing ? <p>{t("withdrawHint")}</p> : null}
      <ScrollTable label={t("guestsTable")}>
        <table className="w-full min-w-[32rem] border-collapse text-left">
          <caption className="sr-only">{t("guestsTable")}</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              {(["name", "kind", "needs", "attendance", ...(withdrawing ? (["withdraw"] as const) : [])] as const).map((column) => (
                <th key={column} scope="col" className="px-2 py-2">
                  {t(`guestColumns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {booking.guests.map((guest) => {
              const name = `${guest.firstName} ${guest.lastName}`;
              return (
                <tr key={guest.position} className="border-b border-gray-300 align-top">
                  <th scope="row" className="px-2 py-2 font-semibold">
                    {guest.withdrawnAt ? (
                      // Struck through, and said in words for whoever does not see the line.
                      <span className="font-normal text-gray-700">
                        <s>{name}</s> — {t("withdrawnOn", { date: formatMoment(guest.withdrawnAt) })}
                      </span>
                    ) : (
                      name
                    )}
                  </th>
                  <td className="px-2 py-2">{t(`kind.${guest.kind}`)}</td>
                  <td className="px-2 py-2">{guest.needs.length ? describeNeeds(guest.needs, guest.needsNote) : t("noNeeds")}</td>
                  <td className="px-2 py-2">{guest.withdrawnAt ? null : t(`attendance.${guest.attendance ?? "none"}`)}</td>
                  {withdrawing ? (
                    <td className="px-2 py-2">
                      {guest.canWithdraw ? (
                        <ActionForm action={withdraw} submit={t("withdraw")} danger confirm={t("withdrawConfirm", { name })} className="space-y-1">
                          <input type="hidden" name="bookingId" value={booking.id} />
                          <input type="hidden" name="position" value={guest.position} />
                        </ActionForm>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
