// Issue 31.1: a row of a file of venues, found again by normalised name and postcode (venues have no
// SIRET here). Refused, with why: a missing name, address, postcode, town or ticket-office phone, an
// unknown type or accessibility, an address that is not an e-mail, a duplicate in the file.
import { randomUUID } from "node:crypto";
import type { Accessibility, VenueKind } from "@/lib/generated/prisma/enums";
import { newContacts, type FileMemory } from "./check-structures";
import type { Existing } from "./existing";
import { contactsOf, decide, type Contact, type RowPlan } from "./plan";
import { accessibilityOf, isEmail, listOf, nameKey, venueKindOf } from "./words";

export interface VenueFields {
  name: string;
  kind: VenueKind;
  addressLine: string;
  postalCode: string;
  city: string;
  ticketOfficePhone: string;
  email: string | null;
  accessibility: Accessibility[];
}

export interface VenueWork {
  plan: RowPlan;
  venueId: string;
  isNew: boolean;
  fields: Partial<VenueFields>;
  contacts: Contact[];
}

const LABELS: Record<keyof VenueFields, string> = {
  name: "nom",
  kind: "type",
  addressLine: "adresse",
  postalCode: "code postal",
  city: "ville",
  ticketOfficePhone: "téléphone de la billetterie",
  email: "e-mail",
  accessibility: "accessibilité",
};

export function checkVenue(line: number, values: Record<string, string>, existing: Existing, memory: FileMemory): VenueWork {
  const reasons: string[] = [];
  const missing: [string, string][] = [
    ["name", "Le nom"],
    ["address", "L'adresse"],
    ["postcode", "Le code postal"],
    ["town", "La ville"],
    ["phone", "Le téléphone de la billetterie"],
  ];
  for (const [key, what] of missing) if (!values[key]) reasons.push(`${what} manque.`);
  const postalCode = values.postcode!.replace(/\s/g, "");
  if (postalCode && !/^\d{5}$/.test(postalCode)) reasons.push(`Le code postal « ${values.postcode} » n'a pas 5 chiffres.`);
  const kind = venueKindOf(values.kind!);
  if (!kind) reasons.push(values.kind ? `Type de lieu inconnu : « ${values.kind} ».` : "Le type de lieu manque.");
  const email = values.email!.toLowerCase() || null;
  if (email && !isEmail(email)) reasons.push(`« ${values.email} » n'est pas une adresse e-mail.`);
  const accessibility: Accessibility[] = [];
  for (const word of listOf(values.accessibility)) {
    const value = accessibilityOf(word);
    if (value) accessibility.push(value);
    else reasons.push(`Accessibilité inconnue : « ${word} ».`);
  }
  for (const [key, max] of [
    ["name", 160],
    ["address", 200],
    ["town", 100],
    ["phone", 30],
  ] as const)
    if (values[key]!.length > max) reasons.push(`Une cellule dépasse ${max} caractères (${key}).`);
  const contacts = contactsOf(listOf(values.contactNames), listOf(values.contactEmails), isEmail, reasons);

  const key = nameKey(values.name!, postalCode);
  const earlier = memory.keys.get(key);
  if (values.name && earlier !== undefined) reasons.push(`Doublon de la ligne ${earlier} (même nom et code postal).`);
  else if (values.name) memory.keys.set(key, line);
  const found = existing.venuesByKey.get(key);
  const fresh = newContacts(contacts, line, memory, existing, (account) => account.role === "VENUE" && !!found && account.venueIds.includes(found.id), reasons);
  for (const contact of contacts) if (!memory.emails.has(contact.email)) memory.emails.set(contact.email, line);

  const given: VenueFields = {
    name: values.name!,
    kind: kind ?? "OTHER",
    addressLine: values.address!,
    postalCode,
    city: values.town!,
    ticketOfficePhone: values.phone!,
    email,
    accessibility: [...new Set(accessibility)].sort(),
  };
  const fields: Partial<VenueFields> = found ? {} : given;
  const changes: string[] = [];
  if (found) {
    for (const field of Object.keys(given) as (keyof VenueFields)[]) {
      if (field === "name") continue; // found by its normalised name: the app's spelling stays
      const now = given[field];
      const was = field === "accessibility" ? [...found.accessibility].sort().join(",") : found[field];
      const text = Array.isArray(now) ? now.join(",") : now;
      if (text !== null && !(field === "accessibility" && !values.accessibility) && text !== was) {
        (fields as Record<string, unknown>)[field] = now;
        changes.push(`${LABELS[field]} : « ${was ?? ""} » → « ${text} »`);
      }
    }
    for (const contact of fresh) changes.push(`responsable ${contact.name} ajouté`);
  }
  return {
    plan: decide(line, values.name || "(sans nom)", reasons, !!found, changes),
    venueId: found?.id ?? randomUUID(),
    isNew: !found,
    fields,
    contacts: fresh,
  };
}
