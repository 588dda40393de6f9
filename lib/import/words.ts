// Issue 31.1: how the words of a spreadsheet are read: names and headers compared without accents, case
// or punctuation (so "Foyer  Saint-Éloi" and "FOYER ST ELOI"… at least "foyer saint eloi" match), the
// sectors, venue types, stages and accessibility in the association's own words, dates as French people
// type them, and lists of names or addresses in one cell.
import type { Accessibility, OnboardingStepKind, Sector, VenueKind } from "@/lib/generated/prisma/enums";

export function normalise(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** What finds a structure or venue again without a SIRET: its normalised name and its postcode. */
export const nameKey = (name: string, postcode: string | undefined) => `${normalise(name)}|${(postcode ?? "").replace(/\s/g, "")}`;

function lookup<T extends string>(table: Record<string, T>) {
  const index = new Map(Object.entries(table).map(([word, value]) => [normalise(word), value]));
  return (value: string): T | undefined => index.get(normalise(value));
}

export const sectorOf = lookup<Sector>({
  social: "SOCIAL",
  SOCIAL: "SOCIAL",
  insertion: "INSERTION",
  INSERTION: "INSERTION",
  soin: "CARE",
  sante: "CARE",
  CARE: "CARE",
  handicap: "DISABILITY",
  DISABILITY: "DISABILITY",
  "medico-social": "MEDICO_SOCIAL",
  "medico social": "MEDICO_SOCIAL",
  MEDICO_SOCIAL: "MEDICO_SOCIAL",
});

export const venueKindOf = lookup<VenueKind>({
  theatre: "THEATRE",
  "salle de concert": "CONCERT_HALL",
  concert: "CONCERT_HALL",
  musee: "MUSEUM",
  cinema: "CINEMA",
  danse: "DANCE",
  festival: "FESTIVAL",
  bibliotheque: "LIBRARY",
  mediatheque: "LIBRARY",
  autre: "OTHER",
});

export const stageOf = lookup<OnboardingStepKind>({
  "demande recue": "REQUEST_RECEIVED",
  demande: "REQUEST_RECEIVED",
  "rendez-vous prevu": "MEETING_PLANNED",
  "rendez-vous tenu": "MEETING_HELD",
  "rendez-vous fait": "MEETING_HELD",
  "convention signee": "CONVENTION_SIGNED",
  "compte cree": "ACCOUNT_CREATED",
  formee: "TRAINED",
  "equipe formee": "TRAINED",
  formation: "TRAINED",
});

export const accessibilityOf = lookup<Accessibility>({
  fauteuil: "WHEELCHAIR",
  "fauteuil roulant": "WHEELCHAIR",
  pmr: "WHEELCHAIR",
  "boucle magnetique": "HEARING_LOOP",
  lsf: "SIGN_LANGUAGE",
  "langue des signes": "SIGN_LANGUAGE",
  audiodescription: "AUDIO_DESCRIPTION",
  "audio description": "AUDIO_DESCRIPTION",
  relax: "RELAXED",
  "seance relax": "RELAXED",
  surtitrage: "SURTITLES",
  surtitres: "SURTITLES",
  falc: "EASY_READ",
});

/** Several names or addresses in one cell: separated by ";", "," or a line break. */
export const listOf = (value: string | undefined) =>
  (value ?? "")
    .split(/[;,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

/** A day as typed: 31/12/2027, 31-12-2027, 31.12.2027 or 2027-12-31 → "2027-12-31"; null when it is no real day. */
export function dayOf(value: string): string | null {
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = french ? [french[3], french[2], french[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!year) return null;
  const text = `${year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : text;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const isEmail = (value: string) => value.length <= 200 && EMAIL.test(value);
