// The booking form's guests as the partner fills them in (components/offer/booking-form.tsx).
import type { GuestNeedsValue } from "@/components/offer/guest-needs";

/** `uid` keys a guest's row while the list changes (a removed companion's fold must not pass to the next). */
export type Person = { uid: number; personId?: string; firstName: string; lastName: string; keep?: boolean } & GuestNeedsValue;
export type Companion = { uid: number; firstName: string; lastName: string; kind: "FAMILY_OR_FRIEND" | "PROFESSIONAL" } & GuestNeedsValue;
export type Found = { id: string; firstName: string; lastName: string };

export const input = "w-full rounded-md border border-gray-500 px-3 py-2";
export const secondary = "rounded-md border border-brand-700 px-3 py-2 font-semibold text-brand-800 hover:bg-brand-50";
export const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;
