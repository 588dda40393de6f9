"use client";

// The booking form: people from the structure's list (found as you type) or typed in on the spot,
// their companions, each guest's practical needs, and, when places run short, the partner's choice.
// lib/booking decides on the server; the figures shown here only announce what it will most likely say.
import { useActionState, useEffect, useId, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useKeptValues } from "@/components/forms/use-kept-values";
import { sentNeeds } from "@/components/offer/guest-needs";
import { CompanionRows, SelectedPeople } from "@/components/offer/booking/guest-rows";
import { PersonSearch } from "@/components/offer/booking/person-search";
import { ApplicationPlaces, ShortPlaces, type IfShort } from "@/components/offer/booking/short-places";
import { BookingTextChoices, sentTexts, type TextChoices } from "@/components/offer/booking/texts";
import { fullName, secondary, type Companion, type Found, type Person } from "@/components/offer/booking/types";
import { initialActionState, type ActionState } from "@/lib/actions/state";

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
  search: (partnerId: string, q: string) => Promise<Found[]>;
  book: (state: ActionState, formData: FormData) => Promise<BookingAnswer>;
  idempotencyKey: string;
  /** The structure's people already booked or waiting on this session (lib/partner/booking-form). */
  booked?: string[];
  /** The wish of a person supported this booking answers (lib/wishes): handled once booked. */
  wishId?: string;
  /** A session drawn by lot (issue 17): the form files an application, with the fewest places accepted. */
  apply?: boolean;
}

export function BookingForm({ sessionId, partnerId, placesLeft, quotaLeft, search, book, idempotencyKey, booked = [], wishId, apply = false }: Props) {
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
  const nextUid = useRef(0);
  const fresh = () => ({ uid: nextUid.current++, needs: [], needsNote: "" });
  const [ifShort, setIfShort] = useState<IfShort>("SPLIT");
  const [textChoices, setTextChoices] = useState<TextChoices>({ confirmation: false, mainMayCancel: false });
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
  // A refusal takes the focus, so that it is read at once, rather than leaving it on the page (issue 29.12).
  const refusal = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state !== initialActionState && !state.ok) refusal.current?.focus();
  }, [state]);

  const requested = people.length + companions.length;
  const available = Math.max(0, Math.min(placesLeft, quotaLeft ?? Infinity));
  const short = requested > available;
  const choice = short ? (available === 0 && ifShort === "SPLIT" ? "WAITLIST" : ifShort) : "WAITLIST";
  const chosen = new Set(people.flatMap((person) => (person.personId ? [person.personId] : [])));
  const { texts, mainTexted } = sentTexts([...people, ...companions], textChoices);
  const payload = JSON.stringify({
    sessionId,
    partnerId,
    idempotencyKey,
    people: people.map((p) => ({ personId: p.personId, firstName: p.firstName, lastName: p.lastName, keep: p.keep, ...sentNeeds(p) })),
    companions: companions.map((c) => ({ firstName: c.firstName, lastName: c.lastName, kind: c.kind, ...sentNeeds(c) })),
    ifShort: choice,
    ...(texts && !apply ? { texts } : {}),
    ...(apply ? { minPlaces: Math.min(minPlaces ?? requested, requested) } : {}),
  });

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
        <PersonSearch
          id={id}
          partnerId={partnerId}
          search={search}
          chosen={chosen}
          booked={new Set(booked)}
          onFound={(person) => {
            setPeople((list) => [...list, { ...fresh(), personId: person.id, firstName: person.firstName, lastName: person.lastName, mobile: person.mobile }]);
            // Back to the search, to add someone else; the addition is said.
            added(fullName(person), `${id}-search`);
          }}
          onTyped={(person) => {
            setPeople((list) => [...list, { ...fresh(), ...person }]);
            added(fullName(person), `${id}-first`);
          }}
        />
        <SelectedPeople id={id} people={people} setPeople={setPeople} texts={!apply} />
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-xl font-semibold">{t("companions")}</legend>
        <p className="text-sm">{t("companionsHint")}</p>
        <CompanionRows id={id} companions={companions} setCompanions={setCompanions} texts={!apply} />
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

      {texts && !apply ? <BookingTextChoices mainTexted={mainTexted} value={textChoices} onChange={setTextChoices} /> : null}

      {apply ? (
        <ApplicationPlaces id={id} requested={requested} minPlaces={Math.min(minPlaces ?? requested, requested)} setMinPlaces={setMinPlaces} />
      ) : (
        <ShortPlaces requested={requested} available={available} choice={choice} setIfShort={setIfShort} />
      )}

      {state.message ? (
        <div
          ref={refusal}
          tabIndex={-1}
          role="alert"
          className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900 focus:outline-3 focus:outline-offset-2"
        >
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
