"use client";

// The guests chosen so far: the structure's people, then their companions (family, friends or
// professionals), each with their practical needs for the venue. Each guest is a place.
import { useTranslations } from "next-intl";
import { GuestNeeds } from "@/components/offer/guest-needs";
import { GuestTextChoice } from "./texts";
import { fullName, input, type Companion, type Person } from "./types";

type Update<T> = (change: (list: T[]) => T[]) => void;

/** `texts`: whether the guests may get texts (not on an application to a draw, which books nobody yet). */
export function SelectedPeople({ id, people, setPeople, texts = true }: { id: string; people: Person[]; setPeople: Update<Person>; texts?: boolean }) {
  const t = useTranslations("bookingForm");
  return (
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
              {texts ? (
                <GuestTextChoice
                  id={`${id}-p${index}-sms`}
                  name={fullName(person)}
                  onFile={person.mobile}
                  value={person.text}
                  onChange={(text) => setPeople((list) => list.map((p, i) => (i === index ? { ...p, text } : p)))}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CompanionRows({
  id,
  companions,
  setCompanions,
  texts = true,
}: {
  id: string;
  companions: Companion[];
  setCompanions: Update<Companion>;
  texts?: boolean;
}) {
  const t = useTranslations("bookingForm");
  const nameOf = (companion: Companion, index: number) =>
    companion.firstName.trim() || companion.lastName.trim() ? fullName(companion).trim() : t("companionNumber", { number: index + 1 });
  const change = (index: number, fields: Partial<Companion>) => setCompanions((list) => list.map((c, i) => (i === index ? { ...c, ...fields } : c)));
  return companions.map((companion, index) => (
    <div key={companion.uid} className="grid gap-3 rounded-md border border-gray-300 p-3 sm:grid-cols-4 sm:items-end">
      <p>
        <label htmlFor={`${id}-c${index}-first`} className="mb-1 block">
          {t("firstName")}
        </label>
        <input
          id={`${id}-c${index}-first`}
          value={companion.firstName}
          onChange={(e) => change(index, { firstName: e.target.value })}
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
          onChange={(e) => change(index, { lastName: e.target.value })}
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
          onChange={(e) => change(index, { kind: e.target.value as Companion["kind"] })}
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
        <GuestNeeds name={nameOf(companion, index)} value={companion} onChange={(needs) => change(index, needs)} />
        {texts ? (
          <GuestTextChoice id={`${id}-c${index}-sms`} name={nameOf(companion, index)} value={companion.text} onChange={(text) => change(index, { text })} />
        ) : null}
      </div>
    </div>
  ));
}
