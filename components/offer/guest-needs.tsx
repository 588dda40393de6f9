"use client";

// One guest's practical needs in the booking form, folded away until asked for: what the venue must
// prepare (a wheelchair place, a hearing loop…) and, with "other", a few words. The venue reads them on
// its guest list and nothing more (DESIGN: Booking), so the hint asks for nothing beyond that.
import { useId } from "react";
import { useTranslations } from "next-intl";
import { AccessNeed } from "@/lib/generated/prisma/enums";

export const ACCESS_NEEDS = Object.values(AccessNeed);
/** The same bound as lib/booking's guest schema (NEEDS_NOTE_MAX), which the client cannot import. */
const NOTE_MAX = 200;

export interface GuestNeedsValue {
  needs: AccessNeed[];
  needsNote: string;
}

/** What is sent for a guest: the needs in the order of the form, the note only with "other", as shown. */
export function sentNeeds({ needs, needsNote }: GuestNeedsValue): { needs: AccessNeed[]; needsNote?: string } {
  const ticked = ACCESS_NEEDS.filter((need) => needs.includes(need));
  return ticked.includes("OTHER") ? { needs: ticked, needsNote } : { needs: ticked };
}

export function GuestNeeds({ name, value, onChange }: { name: string; value: GuestNeedsValue; onChange: (value: GuestNeedsValue) => void }) {
  const t = useTranslations("bookingForm");
  const id = useId();
  const other = value.needs.includes("OTHER");

  return (
    <details className="rounded-md border border-gray-300 bg-white text-gray-900">
      <summary className="cursor-pointer px-3 py-2 font-semibold">
        {t("needsSummary")}
        <span className="sr-only">{t("needsFor", { name })}</span>
        {value.needs.length ? <span className="font-normal"> — {t("needsCount", { count: value.needs.length })}</span> : null}
      </summary>
      <fieldset className="group/needs space-y-2 px-3 pb-3">
        <legend className="sr-only">{t("needsLegend", { name })}</legend>
        <p className="text-sm">{t("needsHint")}</p>
        <div className="grid gap-x-4 sm:grid-cols-2">
          {ACCESS_NEEDS.map((need) => (
            <label key={need} className="flex items-start gap-2 py-1">
              <input
                type="checkbox"
                value={need}
                data-need={need}
                checked={value.needs.includes(need)}
                onChange={(event) => onChange({ ...value, needs: event.target.checked ? [...value.needs, need] : value.needs.filter((n) => n !== need) })}
                className="mt-0.5 h-5 w-5 shrink-0"
              />
              {t(`needs.${need}`)}
            </label>
          ))}
        </div>
        {/* Always in the page; shown by CSS alone once "other" is ticked, so it works before any script runs. */}
        <p className="hidden group-has-[[data-need=OTHER]:checked]/needs:block">
          <label htmlFor={`${id}-note`} className="mb-1 block font-semibold">
            {t("needsNote")}
          </label>
          <span id={`${id}-note-hint`} className="mb-1 block text-sm">
            {t("needsNoteHint")}
          </span>
          <input
            id={`${id}-note`}
            value={value.needsNote}
            onChange={(event) => onChange({ ...value, needsNote: event.target.value })}
            // A browser that stops the form for this empty field must be able to show it: open the fold.
            onInvalid={(event) => {
              const fold = event.currentTarget.closest("details");
              if (fold) fold.open = true;
            }}
            required={other}
            maxLength={NOTE_MAX}
            aria-describedby={`${id}-note-hint`}
            className="w-full rounded-md border border-gray-500 px-3 py-2"
          />
        </p>
      </fieldset>
    </details>
  );
}
