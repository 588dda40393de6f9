// What every section of the association's booking page reads: the booking as lib/association gives it.
import type { getBookingForAssociation } from "@/lib/association/bookings";
import type { ActionState } from "@/lib/actions/state";

export type AssociationBooking = Awaited<ReturnType<typeof getBookingForAssociation>>;
export type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

export const link = "font-semibold text-brand-800 underline";
