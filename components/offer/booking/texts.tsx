"use client";

// The booking form's texts to the guests (issue 30, decision 015). A person of the list whose number was
// recorded with consent gets them; for any other guest the referent may type a number for this booking
// only, with the consent box (lib/sms/consent.ts keeps nothing without it). Then, once someone will get
// texts: whether the confirmation is texted too, and whether a "NON" from the main guest cancels it all.
import { useTranslations } from "next-intl";
import { input, type GuestText } from "./types";

const off: GuestText = { on: false, number: "", consent: false };

export function GuestTextChoice({
  id,
  name,
  onFile,
  value = off,
  onChange,
}: {
  id: string;
  name: string;
  onFile?: boolean;
  value?: GuestText;
  onChange: (text: GuestText) => void;
}) {
  const t = useTranslations("sms.booking");
  if (onFile) return <p className="text-sm">{t("onFile", { name })}</p>;
  return (
    <div className="space-y-2">
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={value.on} onChange={(e) => onChange({ ...value, on: e.target.checked })} className="h-5 w-5" />
        {t("notify", { name })}
      </label>
      {value.on ? (
        <div className="space-y-2 pl-7">
          <p>
            <label htmlFor={`${id}-number`} className="mb-1 block">
              {t("guestNumber", { name })}
            </label>
            <input
              id={`${id}-number`}
              type="tel"
              autoComplete="off"
              value={value.number}
              onChange={(e) => onChange({ ...value, number: e.target.value })}
              className={input}
              required
            />
          </p>
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              checked={value.consent}
              onChange={(e) => onChange({ ...value, consent: e.target.checked })}
              className="mt-1 h-5 w-5"
              required
            />
            {t("guestAgreed", { name })}
          </label>
        </div>
      ) : null}
    </div>
  );
}

export interface TextChoices {
  confirmation: boolean;
  mainMayCancel: boolean;
}

export function BookingTextChoices({ mainTexted, value, onChange }: { mainTexted: boolean; value: TextChoices; onChange: (value: TextChoices) => void }) {
  const t = useTranslations("sms.booking");
  return (
    <fieldset className="space-y-2">
      <legend className="text-xl font-semibold">{t("legend")}</legend>
      <p className="text-sm">{t("lead")}</p>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={value.confirmation} onChange={(e) => onChange({ ...value, confirmation: e.target.checked })} className="h-5 w-5" />
        {t("confirmation")}
      </label>
      {mainTexted ? (
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={value.mainMayCancel} onChange={(e) => onChange({ ...value, mainMayCancel: e.target.checked })} className="h-5 w-5" />
          {t("mainMayCancel")}
        </label>
      ) : null}
    </fieldset>
  );
}

/** What the form sends about texts, or nothing when no guest will get any. Positions: people, then companions. */
export function sentTexts(guests: { mobile?: boolean; text?: GuestText }[], choices: TextChoices) {
  const typed = guests.flatMap((guest, position) =>
    !guest.mobile && guest.text?.on ? [{ position, number: guest.text.number, consent: guest.text.consent }] : [],
  );
  const main = guests[0];
  const mainTexted = Boolean(main && (main.mobile || main.text?.on));
  if (!typed.length && !guests.some((guest) => guest.mobile)) return { texts: undefined, mainTexted };
  return { texts: { confirmation: choices.confirmation, mainMayCancel: mainTexted && choices.mainMayCancel, guests: typed }, mainTexted };
}
