"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/forms/submit-button";
import { useKeptValues } from "@/components/forms/use-kept-values";
import { initialActionState, type ActionState } from "@/lib/actions/state";

interface Guest {
  position: number;
  firstName: string;
  lastName: string;
  attendance: "ATTENDED" | "NO_SHOW" | null;
}

export function AttendanceForm({
  bookingId,
  guests,
  mood,
  record,
}: {
  bookingId: string;
  guests: Guest[];
  mood: string | null;
  record: (state: ActionState, data: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("myBookings");
  const id = useId();
  const [state, action, pending] = useActionState(record, initialActionState);
  const send = useKeptValues(action);
  return (
    <form onSubmit={send} className="mt-3 space-y-3 rounded-md bg-brand-50 p-3">
      <input type="hidden" name="bookingId" value={bookingId} />
      <fieldset className="space-y-2">
        <legend className="font-semibold">{t("attendanceTitle")}</legend>
        {/* Nothing is chosen in advance: a guest nobody answers for stays unknown (recorded answers show). */}
        {guests.map((guest) => (
          <fieldset key={guest.position} className="flex flex-wrap items-center gap-x-4">
            <legend className="pt-1 sm:float-left sm:mr-4 sm:min-w-40 sm:py-2">
              {guest.firstName} {guest.lastName}
            </legend>
            {(["ATTENDED", "NO_SHOW"] as const).map((answer) => (
              <label key={answer} className="flex min-h-11 items-center gap-2 pr-2">
                <input type="radio" name={`presence-${guest.position}`} value={answer} defaultChecked={guest.attendance === answer} className="h-5 w-5" />
                {t(`attendance.${answer}`)}
              </label>
            ))}
          </fieldset>
        ))}
      </fieldset>
      <fieldset>
        <legend className="font-semibold">{t("moodLegend")}</legend>
        <div className="flex flex-wrap gap-4">
          {(["LOVED", "LIKED", "NOT_FOR_ME"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="mood" value={value} defaultChecked={mood === value} className="h-5 w-5" />
              {t(`mood.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <p>
        <label htmlFor={`${id}-comment`} className="mb-1 block">
          {t("comment")}
        </label>
        <textarea id={`${id}-comment`} name="comment" rows={2} maxLength={500} className="w-full rounded-md border border-gray-500 px-3 py-2" />
      </p>
      <div aria-live="polite">
        {state.message ? <p className={state.ok ? "font-semibold text-green-900" : "font-semibold text-red-800"}>{state.message}</p> : null}
      </div>
      <SubmitButton pending={pending}>{t("attendanceSave")}</SubmitButton>
    </form>
  );
}
