"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
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
  return (
    <form action={action} className="mt-3 space-y-3 rounded-md bg-brand-50 p-3">
      <input type="hidden" name="bookingId" value={bookingId} />
      <fieldset>
        <legend className="font-semibold">{t("attendanceTitle")}</legend>
        {guests.map((guest) => (
          <label key={guest.position} className="flex items-center gap-2">
            <input type="checkbox" name="attended" value={guest.position} defaultChecked={guest.attendance !== "NO_SHOW"} className="h-5 w-5" />
            {guest.firstName} {guest.lastName}
          </label>
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
      <div aria-live="polite">{state.message ? <p className={state.ok ? "font-semibold text-green-900" : "font-semibold text-red-800"}>{state.message}</p> : null}</div>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("attendanceSave")}
      </button>
    </form>
  );
}
