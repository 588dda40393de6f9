"use client";

// One guest's arrival on the venue's guest list, on the evening of the session: a large box to tick
// with a thumb. The tick shows at once and is sent without reloading the page; the server's answer is
// announced to screen readers, and a refusal (or a lost connection) puts the box back as it was.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ArrivalAnswer } from "@/lib/venue/door";

interface Props {
  bookingId: string;
  position: number;
  /** The guest's name, as the list shows it. */
  name: string;
  arrived: boolean;
  tick: (input: { bookingId: string; position: number; arrived: boolean }) => Promise<ArrivalAnswer>;
}

export function ArrivalCheckbox({ bookingId, position, name, arrived: recorded, tick }: Props) {
  const t = useTranslations("venue.session");
  const [arrived, setArrived] = useState(recorded);
  // When the page is drawn again (another change on it), what the server has wins.
  const [shown, setShown] = useState(recorded);
  if (recorded !== shown) {
    setShown(recorded);
    setArrived(recorded);
  }
  const [pending, startTransition] = useTransition();
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);

  const change = (next: boolean) => {
    if (pending) return;
    setArrived(next);
    setSaid(null);
    startTransition(async () => {
      const answer = await tick({ bookingId, position, arrived: next }).catch((): ArrivalAnswer => ({ ok: false }));
      if (answer.ok) {
        setSaid({ ok: true, text: t(next ? "arrivalSaved" : "arrivalUndone", { name }) });
      } else {
        setArrived(!next);
        setSaid({ ok: false, text: answer.message ?? t("arrivalFailed") });
      }
    });
  };

  return (
    <>
      <label className="flex h-12 w-12 cursor-pointer items-center justify-center rounded-md hover:bg-brand-50">
        <input
          type="checkbox"
          checked={arrived}
          onChange={(event) => change(event.target.checked)}
          aria-label={t("arrivalOf", { name })}
          aria-busy={pending}
          className="h-7 w-7 cursor-pointer accent-brand-700"
        />
      </label>
      <span aria-live="polite" className={said && !said.ok ? "block max-w-48 text-sm font-semibold text-red-800" : "sr-only"}>
        {said?.text}
      </span>
    </>
  );
}
