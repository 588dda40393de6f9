"use client";

// One structure or venue chosen among thousands: the person types two letters or more, the first matches
// come as buttons, a press chooses one (its id goes in a hidden field named `name`, so it works in a
// server action's form as in a GET filter form). No form lists every row of a table (issue 14).
// Keyboard: after a choice the focus goes to "Changer"; "Changer" empties the choice and goes back to
// the search. The number of matches is said as it changes.
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Choice, ChoiceKind } from "@/lib/association/choices";
import { useField } from "./form-context";
import { useSearchAsYouType } from "./use-search-as-you-type";

const input = "w-full rounded-md border px-3 py-2";

export function ChoicePicker({
  name,
  label,
  kind,
  search,
  chosen: initial = null,
}: {
  name: string;
  label: string;
  kind: ChoiceKind;
  search: (kind: ChoiceKind, typed: string) => Promise<Choice[]>;
  /** Already chosen (from the URL or the record). */
  chosen?: Choice | null;
}) {
  const t = useTranslations("choicePicker");
  const { id, errorId, errors, invalid } = useField(name);
  const [chosen, setChosen] = useState<Choice | null>(initial);
  const [typed, setTyped] = useState("");
  const found = useSearchAsYouType(
    typed,
    useCallback((q: string) => search(kind, q), [search, kind]),
  );
  const change = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const focusNext = useRef<"change" | "search" | null>(null);
  const root = useRef<HTMLDivElement>(null);

  // A form emptied after a success (ActionForm's resetOnSuccess) empties the choice too.
  useEffect(() => {
    const form = root.current?.closest("form");
    if (!form) return;
    const reset = () => {
      setChosen(initial);
      setTyped("");
    };
    form.addEventListener("reset", reset);
    return () => form.removeEventListener("reset", reset);
  }, [initial]);

  useEffect(() => {
    if (focusNext.current === "change") change.current?.focus();
    if (focusNext.current === "search") field.current?.focus();
    focusNext.current = null;
  }, [chosen]);

  const describe = (choice: Choice) => (choice.detail ? `${choice.name} (${choice.detail})` : choice.name);

  return (
    <div ref={root}>
      <input type="hidden" name={name} value={chosen?.id ?? ""} />
      {chosen ? (
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span id={id} className="font-semibold">
            {t("chosen", { label, name: describe(chosen) })}
          </span>
          <button
            ref={change}
            type="button"
            aria-label={t("changeLabel", { label: label.toLowerCase() })}
            className="underline"
            onClick={() => {
              focusNext.current = "search";
              setChosen(null);
              setTyped("");
            }}
          >
            {t("change")}
          </button>
        </p>
      ) : (
        <>
          <label htmlFor={id} className="mb-1 block font-semibold">
            {label}
          </label>
          <span id={`${id}-aide`} className="mb-1 block text-sm">
            {t("hint", { kind })}
          </span>
          <input
            ref={field}
            id={id}
            type="search"
            autoComplete="off"
            value={typed}
            aria-invalid={invalid || undefined}
            aria-describedby={[`${id}-aide`, invalid ? errorId : null].filter(Boolean).join(" ")}
            onChange={(event) => {
              setTyped(event.target.value);
            }}
            onKeyDown={(event) => {
              // Enter in the search must not send the whole form with nothing chosen.
              if (event.key === "Enter") event.preventDefault();
            }}
            className={`${input} ${invalid ? "border-2 border-red-800" : "border-gray-500"}`}
          />
          <div aria-live="polite">
            {found ? (
              <>
                <p className="mt-1 text-sm">{t("results", { count: found.length })}</p>
                <ul className="mt-1 flex flex-wrap gap-2">
                  {found.map((choice) => (
                    <li key={choice.id}>
                      <button
                        type="button"
                        className="rounded-md border border-brand-700 px-3 py-1 font-semibold text-brand-800 hover:bg-brand-50"
                        onClick={() => {
                          focusNext.current = "change";
                          setChosen(choice);
                        }}
                      >
                        {t("choose", { name: describe(choice) })}
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        </>
      )}
      {invalid ? (
        <span id={errorId} className="mt-1 block font-semibold text-red-800">
          {errors.join(" ")}
        </span>
      ) : null}
    </div>
  );
}
