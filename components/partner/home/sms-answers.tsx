"use client";

// A structure's home, "Réponses par SMS" (issue 30): what its people answered to a text, and what the
// answer did (a place freed, a booking kept for the referent to call…), until the referent says it is read.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import type { ActionState } from "@/lib/actions/state";

export interface ShownAnswer {
  id: string;
  outcome: "PLACE_FREED" | "REFERENT_TO_CALL" | "TOO_LATE" | "STOPPED" | "OTHER";
  text: string;
  name: string;
  bookingId: string | null;
  /** Already in words (lib/format/dates on the server). */
  receivedAt: string;
}

export function SmsAnswers({ answers, markRead }: { answers: ShownAnswer[]; markRead: (state: ActionState, data: FormData) => Promise<ActionState> }) {
  const t = useTranslations("sms.answers");
  return (
    <ul className="space-y-3">
      {answers.map((answer) => (
        <li key={answer.id} className="space-y-2 rounded-lg border border-brand-100 p-4">
          <p>{t(answer.outcome, { name: answer.name || "—", text: answer.text })}</p>
          <p className="text-sm">
            {answer.receivedAt}
            {answer.bookingId ? (
              <>
                {" · "}
                <Link href={`/partenaire/reservations/${answer.bookingId}`} className="text-brand-800 underline">
                  {t("booking")}
                </Link>
              </>
            ) : null}
          </p>
          <ActionForm action={markRead} submit={t("markRead")} className="">
            <input type="hidden" name="answerId" value={answer.id} />
          </ActionForm>
        </li>
      ))}
    </ul>
  );
}
