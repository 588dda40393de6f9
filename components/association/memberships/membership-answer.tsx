"use client";

// Two buttons, one answer: the button pressed is sent with the form (its name and value), and shows
// "Envoi…" while the answer is on its way.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { initialActionState, type ActionState } from "@/lib/actions/state";

function AnswerButton({ value, children, primary }: { value: "JOIN" | "DECLINE"; children: string; primary?: boolean }) {
  const { pending, data } = useFormStatus();
  const common = useTranslations("common");
  const mine = pending && data?.get("answer") === value;
  return (
    <button
      type="submit"
      name="answer"
      value={value}
      disabled={pending}
      aria-busy={mine}
      className={`rounded-md px-4 py-2 font-semibold disabled:opacity-60 ${primary ? "bg-brand-700 text-white hover:bg-brand-800" : "border border-brand-700 text-brand-800 hover:bg-white"}`}
    >
      {mine ? (
        <>
          <span aria-hidden="true" className="mr-2 inline-block h-4 w-4 animate-spin rounded-full border-2 border-current border-t-transparent align-[-2px]" />
          {common("sending")}
        </>
      ) : (
        children
      )}
    </button>
  );
}

export function MembershipAnswer({ partnerId, answer }: { partnerId: string; answer: (state: ActionState, data: FormData) => Promise<ActionState> }) {
  const t = useTranslations("membershipHome");
  const [state, action] = useActionState(answer, initialActionState);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="partnerId" value={partnerId} />
      <fieldset>
        <legend className="mb-2 font-semibold">{t("answerLegend")}</legend>
        <div className="flex flex-wrap gap-3">
          <AnswerButton value="JOIN" primary>
            {t("join")}
          </AnswerButton>
          <AnswerButton value="DECLINE">{t("decline")}</AnswerButton>
        </div>
      </fieldset>
      <div aria-live="polite">
        {state.message ? (
          <p role={state.ok ? "status" : "alert"} className={state.ok ? "font-semibold text-green-900" : "font-semibold text-red-800"}>
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
