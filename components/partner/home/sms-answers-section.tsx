// A structure's home, "Réponses par SMS": shown only when its people answered something not yet read
// (lib/sms/outbox.ts reads them for the structure's own users and the association).
import { getTranslations } from "@/lib/i18n/server";
import type { ActionState } from "@/lib/actions/state";
import type { Actor } from "@/lib/auth/actor";
import { formatMoment } from "@/lib/format/dates";
import { listSmsAnswers } from "@/lib/sms/outbox";
import { SmsAnswers } from "./sms-answers";

export async function SmsAnswersSection({
  actor,
  partnerId,
  markRead,
}: {
  actor: Actor;
  partnerId: string;
  markRead: (state: ActionState, data: FormData) => Promise<ActionState>;
}) {
  const answers = await listSmsAnswers(actor, partnerId);
  if (answers.length === 0) return null;
  const t = await getTranslations("sms.answers");
  return (
    <section aria-labelledby="reponses-sms" className="space-y-3">
      <h2 id="reponses-sms" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <SmsAnswers answers={answers.map((answer) => ({ ...answer, receivedAt: formatMoment(answer.receivedAt) }))} markRead={markRead} />
    </section>
  );
}
