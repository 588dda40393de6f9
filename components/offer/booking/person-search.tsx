"use client";

// Who is invited: people of the structure's list, found as you type, or someone typed in on the spot. A
// person who already holds a place, or waits for one, on this session is marked and cannot be added: lib/
// booking would refuse the whole request (ALREADY_BOOKED), and saying it only after sending costs a trip
// (issue 29.12).
import { useCallback, useState } from "react";
import { useTranslations } from "next-intl";
import { useSearchAsYouType } from "@/components/forms/use-search-as-you-type";
import { fullName, input, secondary, type Found } from "./types";

type Draft = { firstName: string; lastName: string; keep: boolean };

export function PersonSearch({
  id,
  partnerId,
  search,
  chosen,
  booked,
  onFound,
  onTyped,
}: {
  id: string;
  partnerId: string;
  search: (partnerId: string, q: string) => Promise<Found[]>;
  /** People already in the form, and people already booked or waiting on the session (lib/partner/booking-form). */
  chosen: Set<string>;
  booked: Set<string>;
  onFound: (person: Found) => void;
  onTyped: (person: Draft) => void;
}) {
  const t = useTranslations("bookingForm");
  const [query, setQuery] = useState("");
  const found = useSearchAsYouType(
    query,
    useCallback((q: string) => search(partnerId, q), [search, partnerId]),
  );
  const [draft, setDraft] = useState<Draft>({ firstName: "", lastName: "", keep: true });
  return (
    <>
      <p>
        <label htmlFor={`${id}-search`} className="mb-1 block font-semibold">
          {t("searchLabel")}
        </label>
        <span id={`${id}-hint`} className="mb-1 block text-sm">
          {t("searchHint")}
        </span>
        <input
          id={`${id}-search`}
          type="search"
          autoComplete="off"
          aria-describedby={`${id}-hint`}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
          }}
          className={input}
        />
      </p>
      <div aria-live="polite">
        {found ? (
          <>
            <p className="text-sm">{t("searchResults", { count: found.length })}</p>
            <ul className="mt-2 flex flex-wrap gap-2">
              {found
                .filter((person) => !chosen.has(person.id))
                .map((person) => (
                  <li key={person.id}>
                    {booked.has(person.id) ? (
                      <span className="block rounded-md border border-gray-400 bg-gray-100 px-3 py-2 text-gray-800">
                        {t("alreadyBooked", { name: fullName(person) })}
                      </span>
                    ) : (
                      <button type="button" className={secondary} onClick={() => onFound(person)}>
                        {t("add", { name: fullName(person) })}
                      </button>
                    )}
                  </li>
                ))}
            </ul>
          </>
        ) : null}
      </div>
      <details className="rounded-md border border-gray-300 p-3">
        <summary className="cursor-pointer font-semibold">{t("newPerson")}</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <p>
            <label htmlFor={`${id}-first`} className="mb-1 block">
              {t("firstName")}
            </label>
            <input id={`${id}-first`} value={draft.firstName} onChange={(e) => setDraft({ ...draft, firstName: e.target.value })} className={input} />
          </p>
          <p>
            <label htmlFor={`${id}-last`} className="mb-1 block">
              {t("lastName")}
            </label>
            <input id={`${id}-last`} value={draft.lastName} onChange={(e) => setDraft({ ...draft, lastName: e.target.value })} className={input} />
          </p>
          <label className="flex items-center gap-2 sm:col-span-2">
            <input type="checkbox" checked={draft.keep} onChange={(e) => setDraft({ ...draft, keep: e.target.checked })} className="h-5 w-5" />
            {t("keep")}
          </label>
          <p>
            <button
              type="button"
              className={secondary}
              disabled={!draft.firstName.trim() || !draft.lastName.trim()}
              onClick={() => {
                onTyped({ firstName: draft.firstName.trim(), lastName: draft.lastName.trim(), keep: draft.keep });
                setDraft({ firstName: "", lastName: "", keep: true });
              }}
            >
              {t("addPerson")}
            </button>
          </p>
        </div>
      </details>
    </>
  );
}
