// Issue 31.1: the template of each kind of file, to download and fill: the headers the mapping step
// recognises, and one example row (to delete) that the dry run accepts as it is.
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { toCsv } from "@/lib/csv";
import { NotFoundError } from "@/lib/errors";
import { FIELDS, IMPORT_KINDS, type ImportKind } from "./kinds";

const EXAMPLES: Record<ImportKind, string[]> = {
  structures: [
    "Foyer Les Tilleuls",
    "Social",
    "12345678900012",
    "3 rue des Lilas",
    "69003",
    "Lyon",
    "Montchat",
    "04 78 00 00 00",
    "contact@tilleuls.example",
    "01/09/2026",
    "31/08/2027",
    "Convention signée",
    "Inès Morel",
    "ines.morel@tilleuls.example",
  ],
  lieux: [
    "Théâtre de la Croix-Rousse",
    "Théâtre",
    "Place Joannès Ambre",
    "69004",
    "Lyon",
    "04 72 07 49 49",
    "billetterie@theatre.example",
    "fauteuil, boucle magnétique",
    "Anne Rey",
    "anne.rey@theatre.example",
  ],
  personnes: ["Karim Saïdi", "karim.saidi@tilleuls.example", "Foyer Les Tilleuls", "69003"],
};

export function importTemplate(actor: Actor, kind: string): { csv: string; filename: string } {
  ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new NotFoundError("modèle");
  const known = kind as ImportKind;
  return {
    csv: toCsv(
      FIELDS[known].map((field) => field.label),
      [EXAMPLES[known]],
    ),
    filename: `modele-${known}.csv`,
  };
}
