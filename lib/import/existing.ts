// Issue 31.1: what the database already holds that an import compares its rows with, read once for the
// whole file (a 5,000-row file must preview in seconds): structures by SIRET and by normalised name and
// postcode, venues by name and postcode, and accounts by address.
import "server-only";
import type { Tx } from "@/lib/db/sql";
import { nameKey, normalise } from "./words";

export interface ExistingPartner {
  id: string;
  name: string;
  sector: string;
  siret: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  area: string | null;
  phone: string | null;
  email: string | null;
  /** "from|until" of each convention. */
  conventions: Set<string>;
  steps: Set<string>;
}

export interface ExistingVenue {
  id: string;
  name: string;
  kind: string;
  addressLine: string;
  postalCode: string;
  city: string;
  ticketOfficePhone: string;
  email: string | null;
  accessibility: string[];
}

export interface ExistingAccount {
  role: string;
  partnerId: string | null;
  venueIds: string[];
}

export interface Existing {
  partnersBySiret: Map<string, ExistingPartner>;
  partnersByKey: Map<string, ExistingPartner>;
  partnersByName: Map<string, ExistingPartner[]>;
  venuesByKey: Map<string, ExistingVenue>;
  venuesByName: Map<string, ExistingVenue[]>;
  accounts: Map<string, ExistingAccount>;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export async function loadExisting(tx: Tx): Promise<Existing> {
  const [partners, conventions, steps, venues, users] = await Promise.all([
    tx.partner.findMany({
      select: { id: true, name: true, sector: true, siret: true, addressLine: true, postalCode: true, city: true, area: true, phone: true, email: true },
    }),
    tx.convention.findMany({ select: { partnerId: true, validFrom: true, validUntil: true } }),
    tx.onboardingStep.findMany({ select: { partnerId: true, kind: true }, distinct: ["partnerId", "kind"] }),
    tx.venue.findMany({
      select: { id: true, name: true, kind: true, addressLine: true, postalCode: true, city: true, ticketOfficePhone: true, email: true, accessibility: true },
    }),
    tx.user.findMany({ select: { email: true, role: true, partnerId: true, managedVenues: { select: { venueId: true } } } }),
  ]);
  const existing: Existing = {
    partnersBySiret: new Map(),
    partnersByKey: new Map(),
    partnersByName: new Map(),
    venuesByKey: new Map(),
    venuesByName: new Map(),
    accounts: new Map(),
  };
  const byId = new Map<string, ExistingPartner>();
  for (const partner of partners) {
    const entry: ExistingPartner = { ...partner, conventions: new Set(), steps: new Set() };
    byId.set(partner.id, entry);
    if (partner.siret) existing.partnersBySiret.set(partner.siret, entry);
    existing.partnersByKey.set(nameKey(partner.name, partner.postalCode ?? undefined), entry);
    push(existing.partnersByName, normalise(partner.name), entry);
  }
  for (const convention of conventions) byId.get(convention.partnerId)?.conventions.add(`${day(convention.validFrom)}|${day(convention.validUntil)}`);
  for (const step of steps) byId.get(step.partnerId)?.steps.add(step.kind);
  for (const venue of venues) {
    existing.venuesByKey.set(nameKey(venue.name, venue.postalCode), venue);
    push(existing.venuesByName, normalise(venue.name), venue);
  }
  for (const user of users)
    existing.accounts.set(user.email, { role: user.role, partnerId: user.partnerId, venueIds: user.managedVenues.map((m) => m.venueId) });
  return existing;
}
