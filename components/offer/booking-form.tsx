"use client";

// The booking form: people from the structure's list (found as you type) or typed in on the spot,
// their companions, each guest's practical needs, and, when places run short, the partner's choice.
// lib/booking decides on the server; the figures shown here only announce what it will most likely say.
import { useActionState, useCallback, useEffect, useId, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useKeptValues } from "@/components/forms/use-kept-values";
import { useSearchAsYouType } from "@/components/forms/use-search-as-you-type";
import { GuestNeeds, sentNeeds, type GuestNeedsValue } from "@/components/offer/guest-needs";
import { initialActionState, type ActionState } from "@/lib/actions/state";

/** `uid` keys a guest's row while the list changes (a removed companion's fold must not pass to the next). */
type Person = { uid: number; personId?: string; firstName: string; lastName: string; keep?: boolean } & GuestNeedsValue;
type Companion = { uid: number; firstName: string; lastName: string; kind: "FAMILY_OR_FRIEND" | "PROFESSIONAL" } & GuestNeedsValue;
type Draft = { firstName: string; lastName: string; keep: boolean };

/** The server's answer: a refusal and its message, or where the booking now is (the form goes there). */
export interface BookingAnswer extends ActionState {
  outcome?: "CONFIRMED" | "WAITLISTED" | "SPLIT";
  /** The booking's page, with its result (`?resultat=`) for the banner that takes the focus there. */
  href?: string;
}

interface Props {
  sessionId: string;
  partnerId: string;
  /** Places the session has left, and what the quota leaves the structure (null: no quota). */
  placesLeft: number;
  quotaLeft: number | null;
  search: (partnerId: string, q: string) => Promise<{ id: string; firstName: string; lastName: string }[]>;
  book: (state: ActionState, formData: FormData) => Promise<BookingAnswer>;
  idempotencyKey: string;
  /** The wish of a person supported this booking answers (lib/wishes): handled once booked. */
  wishId?: string;
  /** A session drawn by lot (issue 17): the form files an application, with the fewest places accepted. */
  apply?: boolean;
}

const input = "w-full rounded-md border border-gray-500 px-3 py-2";
const secondary = "rounded-md border border-brand-700 px-3 py-2 font-semibold text-brand-800 hover:bg-brand-50";

export function BookingForm({ sessionId, partnerId, placesLeft, quotaLeft, search, book, idempotencyKey, wishId, apply = false }: Props) {
  const t = useTranslations("bookingForm");
  const id = useId();
  const router = useRouter();
  // A booking made: off to its page, from inside the action, so that the button keeps saying
  // "Réservation en cours…" until that page is shown (React keeps the action pending while the
  // navigation it started runs; seen in Chromium). The server action answers where, and no more.
  const [state, action, pending] = useActionState(async (previous: BookingAnswer, data: FormData): Promise<BookingAnswer> => {
    const answer = await book(previous, data);
    if (answer.ok && answer.href) router.push(answer.href);
    return answer;
  }, initialActionState);
  const send = useKeptValues(action);
  const [people, setPeople] = useState<Person[]>([]);
  const [companions, setCompanions] = useState<Companion[]>([]);
  const [query, setQuery] = useState("");
  const found = useSearchAsYouType(query, useCallback((q: string) => search(partnerId, q), [search, partnerId]));
  const [draft, setDraft] = useState<Draft>({ firstName: "", lastName: "", keep: true });
  const nextUid = useRef(0);
  const fresh = () => ({ uid: nextUid.current++, needs: [], needsNote: "" });
  const [ifShort, setIfShort] = useState<"SPLIT" | "WAITLIST" | "NOTHING">("SPLIT");
  // An application's fewest places accepted: the whole group unless said otherwise.
  const [minPlaces, setMinPlaces] = useState<number | null>(null);
  // Where the keyboard goes after adding someone (the next thing to fill), and what is said of it.
  const focusNext = useRef<string | null>(null);
  const [said, setSaid] = useState("");
  const added = (name: string, nextFocus: string) => {
    setSaid(t("added", { name }));
    focusNext.current = nextFocus;
  };
  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  }, [people, companions]);


  const requested = people.length + companions.length;
  const available = Math.max(0, Math.min(placesLeft, quotaLeft ?? Infinity));
  const short = requested > available;
  const choice = short ? (available === 0 && ifShort === "SPLIT" ? "WAITLIST" : ifShort) : "WAITLIST";
  const chosen = new Set(people.flatMap((person) => (person.personId ? [person.personId] : [])));
  const payload = JSON.stringify({
    sessionId,
    partnerId,
    idempotencyKey,
    people: people.map((p) => ({ personId: p.personId, firstName: p.firstName, lastName: p.lastName, keep: p.keep, ...sentNeeds(p) })),
    companions: companions.map((c) => ({ firstName: c.firstName, lastName: c.lastName, kind: c.kind, ...sentNeeds(c) })),
    ifShort: choice,
    ...(apply ? { minPlaces: Math.min(minPlaces ?? requested, requested) } : {}),
  });
  const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

  return (
    <form
      className="space-y-8"
      // Sent by hand (useKeptValues), not through the form's `action`: React resets a form given to
      // `action` once the action returns, and a reset puts each radio and checkbox back as it was first
      // drawn while this component's state (and the JSON below) keeps the partner's choice. After a
      // refusal the form would show one choice and send another (issue 13, item 4). Nothing here is
      // uncontrolled, so nothing needs a reset; a success leaves the page.
      onSubmit={send}
    >
      <input type="hidden" name="booking" value={payload} />
      {wishId ? <input type="hidden" name="wish" value={wishId} /> : null}
      <p role="status" className="sr-only">
        {said}
      </p>
      <fieldset className="space-y-4">
        <legend className="text-xl font-semibold">{t("who")}</legend>
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
                      <button
                        type="button"
                        className={secondary}
                        onClick={() => {
                          setPeople((list) => [...list, { ...fresh(), personId: person.id, firstName: person.firstName, lastName: person.lastName }]);
                          // Back to the search, to add someone else; the addition is said.
                          added(fullName(person), `${id}-search`);
                        }}
                      >
                        {t("add", { name: fullName(person) })}
                      </button>
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
                  setPeople((list) => [...list, { ...fresh(), firstName: draft.firstName.trim(), lastName: draft.lastName.trim(), keep: draft.keep }]);
                  setDraft({ firstName: "", lastName: "", keep: true });
                  added(`${draft.firstName.trim()} ${draft.lastName.trim()}`, `${id}-first`);
                }}
              >
                {t("addPerson")}
              </button>
            </p>
          </div>
        </details>
        <section aria-labelledby={`${id}-selected`}>
          <h2 id={`${id}-selected`} className="font-semibold">
            {t("selected")}
          </h2>
          {people.length === 0 ? (
            <p>{t("noneSelected")}</p>
          ) : (
            <ul className="mt-2 space-y-2">
              {people.map((person, index) => (
                <li key={person.uid} className="space-y-2 rounded-md bg-brand-50 px-3 py-2">
                  <div className="flex flex-wrap items-center justify-between gap-3">
                    <span className="font-semibold">{fullName(person)}</span>
                    <button type="button" className="underline" onClick={() => setPeople((list) => list.filter((_, i) => i !== index))}>
                      {t("remove", { name: fullName(person) })}
                    </button>
                  </div>
                  <GuestNeeds
                    name={fullName(person)}
                    value={person}
                    onChange={(needs) => setPeople((list) => list.map((p, i) => (i === index ? { ...p, ...needs } : p)))}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-xl font-semibold">{t("companions")}</legend>
        <p className="text-sm">{t("companionsHint")}</p>
        {companions.map((companion, index) => (
          <div key={companion.uid} className="grid gap-3 rounded-md border border-gray-300 p-3 sm:grid-cols-4 sm:items-end">
            <p>
              <label htmlFor={`${id}-c${index}-first`} className="mb-1 block">
                {t("firstName")}
              </label>
              <input
                id={`${id}-c${index}-first`}
                value={companion.firstName}
                onChange={(e) => setCompanions((list) => list.map((c, i) => (i === index ? { ...c, firstName: e.target.value } : c)))}
                className={input}
                required
              />
            </p>
            <p>
              <label htmlFor={`${id}-c${index}-last`} className="mb-1 block">
                {t("lastName")}
              </label>
              <input
                id={`${id}-c${index}-last`}
                value={companion.lastName}
                onChange={(e) => setCompanions((list) => list.map((c, i) => (i === index ? { ...c, lastName: e.target.value } : c)))}
                className={input}
                required
              />
            </p>
            <p>
              <label htmlFor={`${id}-c${index}-kind`} className="mb-1 block">
                {t("companionKind")}
              </label>
              <select
                id={`${id}-c${index}-kind`}
                value={companion.kind}
                onChange={(e) => setCompanions((list) => list.map((c, i) => (i === index ? { ...c, kind: e.target.value as Companion["kind"] } : c)))}
                className={input}
              >
                <option value="FAMILY_OR_FRIEND">{t("FAMILY_OR_FRIEND")}</option>
                <option value="PROFESSIONAL">{t("PROFESSIONAL")}</option>
              </select>
            </p>
            <p>
              <button type="button" className="underline" onClick={() => setCompanions((list) => list.filter((_, i) => i !== index))}>
                {t("removeCompanion")}
              </button>
            </p>
            <div className="sm:col-span-4">
              <GuestNeeds
                name={companion.firstName.trim() || companion.lastName.trim() ? fullName(companion).trim() : t("companionNumber", { number: index + 1 })}
                value={companion}
                onChange={(needs) => setCompanions((list) => list.map((c, i) => (i === index ? { ...c, ...needs } : c)))}
              />
            </div>
          </div>
        ))}
        <button
          type="button"
          className={secondary}
          onClick={() => {
            setCompanions((list) => [...list, { ...fresh(), firstName: "", lastName: "", kind: "FAMILY_OR_FRIEND" }]);
            // The new companion's first field takes the focus: the next thing to type.
            focusNext.current = `${id}-c${companions.length}-first`;
          }}
        >
          {t("addCompanion")}
        </button>
      </fieldset>

      {apply ? (
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
              <select id={`${id}-min`} aria-describedby={`${id}-min-hint`} value={Math.min(minPlaces ?? requested, requested)} onChange={(event) => setMinPlaces(Number(event.target.value))} className={input}>
                {Array.from({ length: requested }, (_, index) => index + 1).map((count) => (
                  <option key={count} value={count}>
                    {t("applyMinOption", { count })}
                  </option>
                ))}
              </select>
            </p>
          ) : null}
        </section>
      ) : (
      <section className="space-y-3 rounded-lg bg-brand-50 p-4" aria-live="polite">
        <p className="text-lg font-semibold">{t("summary", { count: requested })}</p>
        <p>{t("available", { count: available })}</p>
        {short && requested > 0 ? (
          <fieldset className="space-y-2">
            <legend className="font-semibold">{t("shortTitle")}</legend>
            {(available > 0 ? (["SPLIT", "WAITLIST", "NOTHING"] as const) : (["WAITLIST", "NOTHING"] as const)).map((option) => (
              <label key={option} className="flex items-start gap-2">
                <input type="radio" name="ifShortChoice" value={option} checked={choice === option} onChange={() => setIfShort(option)} className="mt-1 h-5 w-5" />
                {option === "SPLIT" ? t("SPLIT", { count: available }) : t(option)}
              </label>
            ))}
          </fieldset>
        ) : null}
      </section>
      )}

      {state.message ? (
        <div role="alert" className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900">
          <p className="font-semibold">{state.message}</p>
          {state.link ? (
            <p>
              <Link href={state.link.href} className="font-semibold underline">
                {state.link.label}
              </Link>
            </p>
          ) : null}
          {state.fieldErrors ? (
            <ul className="list-disc pl-5">
              {Object.values(state.fieldErrors)
                .flat()
                .map((message, index) => (
                  <li key={index}>{message}</li>
                ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <button
        type="submit"
        disabled={pending || people.length === 0}
        aria-describedby={people.length === 0 ? `${id}-need` : undefined}
        className="rounded-md bg-brand-700 px-6 py-3 text-lg font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? t("pending") : apply ? t("submitApply") : short && choice === "WAITLIST" ? t("submitWaitlist") : t("submit")}
      </button>
      {people.length === 0 ? (
        <p id={`${id}-need`} className="text-sm">
          {t("needSomeone")}
        </p>
      ) : null}
    </form>
  );
}
