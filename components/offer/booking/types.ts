// The booking form's guests as the partner fills them in (components/offer/booking-form.tsx).
import type { GuestNeedsValue } from "@/components/offer/guest-needs";

/** Texts to this guest (issue 30): a number typed for this booking only, with the person's consent. */
export type GuestText = { on: boolean; number: string; consent: boolean };

/** `uid` keys a guest's row while the list changes (a removed companion's fold must not pass to the next). */
export type Person = {
  uid: number;
  personId?: string;
  firstName: string;
  lastName: string;
  keep?: boolean;
  /** A number on file, with consent. */ mobile?: boolean;
  text?: GuestText;
} & GuestNeedsValue;
export type Companion = { uid: number; firstName: string; lastName: string; kind: "FAMILY_OR_FRIEND" | "PROFESSIONAL"; text?: GuestText } & GuestNeedsValue;
export type Found = { id: string; firstName: string; lastName: string; mobile?: boolean };

export const input = "w-full rounded-md border border-gray-500 px-3 py-2";
export const secondary = "rounded-md border border-brand-700 px-3 py-2 font-semibold text-brand-800 hover:bg-brand-50";
export const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;
