// The venue's managers: who may act for it, whether they have signed in, and an invitation for a new one.
// Deactivating someone ends their sessions, so it is asked first; nobody deactivates themselves.
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import { ScrollTable } from "@/components/scroll-table";
import { formatMoment } from "@/lib/format/dates";
import { box, h2, type Action, type VenueForAssociation } from "./types";
import { VenueIdField } from "./venue-id-field";

export async function ManagersSection({ venue, userId, setActive, invite }: { venue: VenueForAssociation; userId: string; setActive: Action; invite: Action }) {
  const t = await getTranslations("venuesAdmin");
  const hidden = <VenueIdField venueId={venue.id} />;
  return (
    <section aria-labelledby="responsables" className={box}>
      <h2 id="responsables" className={h2}>
        {t("managersTitle")}
      </h2>
      <p>{t("managersLead")}</p>
      {venue.managers.length === 0 ? (
        <p className="rounded-lg bg-amber-50 p-4 font-semibold">{t("managersEmpty")}</p>
      ) : (
        <ScrollTable label={t("managersScroll")}>
          <table className="w-full min-w-[40rem] border-collapse text-left">
            <caption className="sr-only">{t("managersCaption", { name: venue.name })}</caption>
            <thead>
              <tr className="border-b-2 border-brand-100">
                <th scope="col" className="py-2 pr-3">
                  {t("managerColumns.name")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("managerColumns.state")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("managerColumns.lastSignIn")}
                </th>
                <th scope="col" className="py-2">
                  {t("managerColumns.action")}
                </th>
              </tr>
            </thead>
            <tbody>
              {venue.managers.map((manager) => (
                <tr key={manager.id} className="border-b border-brand-100 align-top">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <span className="font-semibold">{manager.name}</span>
                    <br />
                    <span className="break-all text-sm">{manager.email}</span>
                  </th>
                  <td className="py-2 pr-3">
                    {!manager.active ? t("managerStates.inactive") : manager.pending ? t("managerStates.pending") : t("managerStates.active")}
                  </td>
                  <td className="py-2 pr-3">{manager.lastSignInAt ? formatMoment(manager.lastSignInAt) : t("never")}</td>
                  <td className="py-2">
                    {manager.id === userId ? (
                      t("you")
                    ) : (
                      <ActionForm
                        action={setActive}
                        submit={manager.active ? t("deactivate", { name: manager.name }) : t("reactivate", { name: manager.name })}
                        confirm={manager.active ? t("deactivateConfirm", { name: manager.name }) : undefined}
                        danger={manager.active}
                        className="space-y-2"
                      >
                        {hidden}
                        <input type="hidden" name="userId" value={manager.id} />
                        <input type="hidden" name="name" value={manager.name} />
                        <input type="hidden" name="active" value={manager.active ? "false" : "true"} />
                      </ActionForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <h3 className="text-lg font-semibold">{t("inviteTitle")}</h3>
      <p className="text-sm">{t("inviteLead")}</p>
      <ActionForm action={invite} submit={t("invite")} resetOnSuccess>
        {hidden}
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField name="name" label={t("inviteName")} required />
          <TextField name="email" label={t("inviteEmail")} type="email" required />
        </div>
      </ActionForm>
    </section>
  );
}
