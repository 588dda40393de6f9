"use client";

// What the group asks, against what is left. When places or the quota run short, the partner chooses
// (rule 2 of lib/booking): take what is left and wait for the rest, wait for all, or book nothing. On a
// session drawn by lot (issue 17) the form files an application, with the fewest places accepted.
import { useTranslations } from "next-intl";
import { input } from "./types";

export type IfShort = "SPLIT" | "WAITLIST" | "NOTHING";

export function ApplicationPlaces({
  id,
  requested,
  minPlaces,
  setMinPlaces,
}: {
  id: string;
  requested: number;
  minPlaces: number;
  setMinPlaces: (count: number) => void;
}) {
  const t = useTranslations("bookingForm");
  return (
    <section className="space-y-3 rounded-lg bg-brand-50 p-4" aria-live="polite">
      <p className="text-lg font-semibold">{t("summary", { count: requested })}</p>
      <p>{t("applyMax")}</p>
      {requested > 1 ? (
        <p>
          <label htmlFor={`${id}-min`} className="mb-1 block font-semibold">
            {t("applyMinLabel")}
          </label>
          <span id={`${id}-min-hint`} className="mb-1 block text-sm">
            {t("applyMinHint")}
          </span>
          <select
            id={`${id}-min`}
            aria-describedby={`${id}-min-hint`}
            value={minPlaces}
            onChange={(event) => setMinPlaces(Number(event.target.value))}
            className={input}
          >
            {Array.from({ length: requested }, (_, index) => index + 1).map((count) => (
              <option key={count} value={count}>
                {t("applyMinOption", { count })}
              </option>
            ))}
          </select>
        </p>
      ) : null}
    </section>
  );
}

export function ShortPlaces({
  requested,
  available,
  choice,
  setIfShort,
}: {
  requested: number;
  available: number;
  choice: IfShort;
  setIfShort: (choice: IfShort) => void;
}) {
  const t = useTranslations("bookingForm");
  const short = requested > available;
  return (
    <section className="space-y-3 rounded-lg bg-brand-50 p-4" aria-live="polite">
      <p className="text-lg font-semibold">{t("summary", { count: requested })}</p>
      <p>{t("available", { count: available })}</p>
      {short && requested > 0 ? (
        <fieldset className="space-y-2">
          <legend className="font-semibold">{t("shortTitle")}</legend>
          {(available > 0 ? (["SPLIT", "WAITLIST", "NOTHING"] as const) : (["WAITLIST", "NOTHING"] as const)).map((option) => (
            <label key={option} className="flex items-start gap-2">
              <input
                type="radio"
                name="ifShortChoice"
                value={option}
                checked={choice === option}
                onChange={() => setIfShort(option)}
                className="mt-1 h-5 w-5"
              />
              {option === "SPLIT" ? t("SPLIT", { count: available }) : t(option)}
            </label>
          ))}
        </fieldset>
      ) : null}
    </section>
  );
}
