// The person's page, "Messages sur le téléphone": their number and consent (lib/sms/consent.ts decides who
// may read it, and how: in full for the referents, masked for the association).
import { getTranslations } from "@/lib/i18n/server";
import type { Actor } from "@/lib/auth/actor";
import { formatMoment } from "@/lib/format/dates";
import { personMobile } from "@/lib/sms/consent";
import { PersonMobileForm } from "@/components/partner/person/mobile-form";
import type { ActionState } from "@/lib/actions/state";

type Save = (state: ActionState, data: FormData) => Promise<ActionState>;

export async function MobileSection({ actor, personId, record, withdraw }: { actor: Actor; personId: string; record: Save; withdraw: Save }) {
  const mobile = await personMobile(actor, personId);
  const t = await getTranslations("sms.consent");
  return (
    <section aria-labelledby="telephone" className="space-y-3">
      <h2 id="telephone" className="text-xl font-semibold">
        {t("legend")}
      </h2>
      <PersonMobileForm
        personId={personId}
        mobile={mobile ? { number: mobile.number, consentAt: formatMoment(mobile.consentAt), consentBy: mobile.consentBy } : null}
        record={record}
        withdraw={withdraw}
      />
    </section>
  );
}
