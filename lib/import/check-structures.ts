// Issue 31.1: a row of a file of structures, checked against the file's earlier rows and the database.
// It finds its structure by SIRET, else by normalised name and postcode, so that importing the same file
// twice changes nothing; an update writes only what the file gives and differs. Refused, with why: a
// missing name, an unknown sector, a SIRET or postcode of the wrong shape, an address that is not an
// e-mail, a convention ending before it starts, a duplicate in the file, an address already another's.
import { randomUUID } from "node:crypto";
import type { OnboardingStepKind, Sector } from "@/lib/generated/prisma/enums";
import type { Existing, ExistingPartner } from "./existing";
import { contactsOf, decide, type Contact, type RowPlan } from "./plan";
import { dayOf, isEmail, listOf, nameKey, normalise, sectorOf, stageOf } from "./words";

export interface StructureFields {
  name: string;
  sector: Sector;
  siret: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  area: string | null;
  phone: string | null;
  email: string | null;
}

export interface StructureWork {
  plan: RowPlan;
  partnerId: string;
  isNew: boolean;
  /** All fields for a new structure; only those that change for an existing one. */
  fields: Partial<StructureFields>;
  convention: { from: string; until: string } | null;
  stage: OnboardingStepKind | null;
  contacts: Contact[];
}

export interface FileMemory {
  /** Key of a structure or venue → the line that named it first. */
  keys: Map<string, number>;
  /** Address → the line that named it first. */
  emails: Map<string, number>;
}

export const newMemory = (): FileMemory => ({ keys: new Map(), emails: new Map() });

const LABELS: Record<keyof StructureFields, string> = {
  name: "nom",
  sector: "secteur",
  siret: "SIRET",
  addressLine: "adresse",
  postalCode: "code postal",
  city: "ville",
  area: "quartier",
  phone: "téléphone",
  email: "e-mail",
};

const optional = (value: string, max: number, what: string, reasons: string[]) => {
  if (value.length > max) reasons.push(`${what} : ${max} caractères au plus.`);
  return value || null;
};

/** The addresses of `contacts` the file or another account already uses: refusals in `reasons`; those left to create. */
export function newContacts(
  contacts: Contact[],
  line: number,
  memory: FileMemory,
  existing: Existing,
  ownedHere: (account: { role: string; partnerId: string | null; venueIds: string[] }) => boolean,
  reasons: string[],
): Contact[] {
  const fresh: Contact[] = [];
  for (const contact of contacts) {
    const earlier = memory.emails.get(contact.email);
    if (earlier !== undefined && earlier !== line) reasons.push(`L'adresse ${contact.email} est déjà sur la ligne ${earlier}.`);
    const account = existing.accounts.get(contact.email);
    if (account && !ownedHere(account)) reasons.push(`L'adresse ${contact.email} est déjà celle d'un autre compte.`);
    if (!account) fresh.push(contact);
  }
  return fresh;
}

export function checkStructure(line: number, values: Record<string, string>, existing: Existing, memory: FileMemory): StructureWork {
  const reasons: string[] = [];
  const name = values.name!;
  if (!name) reasons.push("Le nom manque.");
  if (name.length > 160) reasons.push("Le nom : 160 caractères au plus.");
  const siret = values.siret!.replace(/[\s.]/g, "") || null;
  if (siret && !/^\d{14}$/.test(siret)) reasons.push(`Le SIRET « ${values.siret} » n'a pas 14 chiffres.`);
  const postalCode = values.postcode!.replace(/\s/g, "") || null;
  if (postalCode && !/^\d{5}$/.test(postalCode)) reasons.push(`Le code postal « ${values.postcode} » n'a pas 5 chiffres.`);
  const sector = values.sector ? sectorOf(values.sector) : undefined;
  if (values.sector && !sector) reasons.push(`Secteur inconnu : « ${values.sector} » (social, insertion, soin, handicap ou médico-social).`);
  const email = values.email!.toLowerCase() || null;
  if (email && !isEmail(email)) reasons.push(`« ${values.email} » n'est pas une adresse e-mail.`);
  const stage = values.stage ? (stageOf(values.stage) ?? null) : null;
  if (values.stage && !stage) reasons.push(`Étape inconnue : « ${values.stage} ».`);
  const convention = conventionOf(values.conventionFrom!, values.conventionUntil!, reasons);
  const contacts = contactsOf(listOf(values.contactNames), listOf(values.contactEmails), isEmail, reasons);

  const key = siret ?? nameKey(name, postalCode ?? undefined);
  const earlier = memory.keys.get(key);
  if (name && earlier !== undefined) reasons.push(`Doublon de la ligne ${earlier} (même ${siret ? "SIRET" : "nom et code postal"}).`);
  else if (name) memory.keys.set(key, line);

  const found: ExistingPartner | undefined =
    (siret ? existing.partnersBySiret.get(siret) : undefined) ?? existing.partnersByKey.get(nameKey(name, postalCode ?? undefined));
  if (!found && !values.sector) reasons.push("Le secteur manque.");
  const given: Partial<StructureFields> = {
    name,
    siret,
    postalCode,
    email,
    ...(sector ? { sector } : {}),
    addressLine: optional(values.address!, 200, "L'adresse", reasons),
    city: optional(values.town!, 100, "La ville", reasons),
    area: optional(values.area!, 100, "Le quartier", reasons),
    phone: optional(values.phone!, 30, "Le téléphone", reasons),
  };
  const fresh = newContacts(contacts, line, memory, existing, (account) => account.role === "PARTNER" && account.partnerId === found?.id && !!found, reasons);
  for (const contact of contacts) if (!memory.emails.has(contact.email)) memory.emails.set(contact.email, line);

  const fields: Partial<StructureFields> = found ? {} : given;
  const changes: string[] = [];
  if (found) {
    for (const [field, value] of Object.entries(given) as [keyof StructureFields, string | null][]) {
      // A name that differs only by accents, case or punctuation keeps the app's spelling.
      if (field === "name" && normalise(value!) === normalise(found.name)) continue;
      if (value !== null && value !== found[field]) {
        (fields as Record<string, string>)[field] = value;
        changes.push(`${LABELS[field]} : « ${found[field] ?? ""} » → « ${value} »`);
      }
    }
  }
  const newConvention = convention && !found?.conventions.has(`${convention.from}|${convention.until}`) ? convention : null;
  if (found && newConvention) changes.push(`convention du ${newConvention.from} au ${newConvention.until} ajoutée`);
  const newStage = stage && !found?.steps.has(stage) ? stage : null;
  if (found && newStage) changes.push(`étape « ${values.stage} » ajoutée`);
  if (found) for (const contact of fresh) changes.push(`référent ${contact.name} ajouté`);
  return {
    plan: decide(line, name || "(sans nom)", reasons, !!found, changes),
    partnerId: found?.id ?? randomUUID(),
    isNew: !found,
    fields,
    convention: newConvention,
    stage: newStage,
    contacts: fresh,
  };
}

function conventionOf(fromText: string, untilText: string, reasons: string[]): { from: string; until: string } | null {
  if (!fromText && !untilText) return null;
  const from = fromText ? dayOf(fromText) : null;
  const until = untilText ? dayOf(untilText) : null;
  if (fromText && !from) reasons.push(`Début de convention illisible : « ${fromText} » (jj/mm/aaaa).`);
  if (untilText && !until) reasons.push(`Fin de convention illisible : « ${untilText} » (jj/mm/aaaa).`);
  if (!fromText || !untilText) reasons.push("La convention a besoin de ses deux dates, début et fin.");
  if (from && until && until < from) reasons.push(`La convention finit (${untilText}) avant de commencer (${fromText}).`);
  return from && until && until >= from ? { from, until } : null;
}
