// Issue 31.1: a row of a file of referents and managers alone, attached to a structure or a venue already
// there, named as in the app (its postcode settles two of the same name). An address already attached
// there is left unchanged; one used by another account, or a place found nowhere or twice, is refused.
import type { FileMemory } from "./check-structures";
import type { Existing } from "./existing";
import { decide, type RowPlan } from "./plan";
import { isEmail, normalise } from "./words";

export interface PersonWork {
  plan: RowPlan;
  name: string;
  email: string;
  partnerId: string | null;
  venueId: string | null;
}

export function checkPerson(line: number, values: Record<string, string>, existing: Existing, memory: FileMemory): PersonWork {
  const reasons: string[] = [];
  const name = values.name!;
  const email = values.email!.toLowerCase();
  if (!name) reasons.push("Le nom manque.");
  if (name.length > 160) reasons.push("Le nom : 160 caractères au plus.");
  if (!email) reasons.push("L'adresse e-mail manque.");
  else if (!isEmail(email)) reasons.push(`« ${values.email} » n'est pas une adresse e-mail.`);
  const earlier = memory.emails.get(email);
  if (email && earlier !== undefined) reasons.push(`Doublon de la ligne ${earlier} (même adresse).`);
  else if (email) memory.emails.set(email, line);

  const placeName = normalise(values.place!);
  const postcode = values.postcode!.replace(/\s/g, "");
  const fits = (place: { postalCode: string | null }) => !postcode || place.postalCode === postcode;
  const partners = (existing.partnersByName.get(placeName) ?? []).filter(fits);
  const venues = (existing.venuesByName.get(placeName) ?? []).filter(fits);
  let partnerId: string | null = null;
  let venueId: string | null = null;
  if (!values.place) reasons.push("La structure ou le lieu manque.");
  else if (partners.length + venues.length === 0)
    reasons.push(`Aucune structure ni aucun lieu ne s'appelle « ${values.place} »${postcode ? ` au ${postcode}` : ""}.`);
  else if (partners.length + venues.length > 1) reasons.push(`Plusieurs structures ou lieux s'appellent « ${values.place} » : ajoutez le code postal.`);
  else if (partners[0]) partnerId = partners[0].id;
  else venueId = venues[0]!.id;

  const account = email ? existing.accounts.get(email) : undefined;
  const here =
    account &&
    ((partnerId && account.role === "PARTNER" && account.partnerId === partnerId) ||
      (venueId && account.role === "VENUE" && account.venueIds.includes(venueId)));
  if (account && !here && (partnerId || venueId)) reasons.push(`L'adresse ${email} est déjà celle d'un autre compte.`);
  return { plan: decide(line, name || "(sans nom)", reasons, !!account, []), name, email, partnerId, venueId };
}
