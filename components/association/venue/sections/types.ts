// What the sections of the association's venue page share: the venue as lib/association gives it.
import type { getVenueForAssociation } from "@/lib/association/venues";
import type { ActionState } from "@/lib/actions/state";

export type VenueForAssociation = Awaited<ReturnType<typeof getVenueForAssociation>>;
export type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

export const box = "space-y-3 rounded-lg border border-brand-100 p-4";
export const h2 = "text-2xl font-semibold";
