// Issue 31.1: the three kinds of file the association brings in (structures, venues, referents and
// managers alone) and, for each, the fields a row may fill, with the header words that name them in the
// spreadsheets seen so far (the mapping step guesses from these; the association corrects it).
export const IMPORT_KINDS = ["structures", "lieux", "personnes"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface FieldDefinition {
  key: string;
  /** The column's name in the template and in the mapping step. */
  label: string;
  /** Other headers that name it (compared without accents, case or punctuation). */
  aliases: readonly string[];
  required?: boolean;
}

const field = (key: string, label: string, aliases: string[] = [], required = false): FieldDefinition => ({ key, label, aliases, required });

export const FIELDS: Record<ImportKind, readonly FieldDefinition[]> = {
  structures: [
    field("name", "Nom", ["structure", "nom de la structure", "raison sociale"], true),
    field("sector", "Secteur", ["secteur d'activite", "type de structure"], true),
    field("siret", "SIRET", ["numero siret", "n siret"]),
    field("address", "Adresse", ["rue", "adresse postale"]),
    field("postcode", "Code postal", ["cp"]),
    field("town", "Ville", ["commune", "localite"]),
    field("area", "Quartier", ["secteur geographique", "zone"]),
    field("phone", "Téléphone", ["tel", "telephone de la structure"]),
    field("email", "E-mail", ["courriel", "mail", "adresse e-mail", "email"]),
    field("conventionFrom", "Début de la convention", ["convention du", "debut convention", "date de signature"]),
    field("conventionUntil", "Fin de la convention", ["convention au", "fin convention", "echeance"]),
    field("stage", "Étape", ["etape du partenariat", "statut", "avancement"]),
    field("contactNames", "Référents", ["referent", "noms des referents", "nom du referent"]),
    field("contactEmails", "E-mails des référents", ["e-mail du referent", "mail referent", "courriel du referent", "adresses des referents"]),
  ],
  lieux: [
    field("name", "Nom", ["lieu", "nom du lieu", "structure culturelle"], true),
    field("kind", "Type", ["type de lieu", "categorie"], true),
    field("address", "Adresse", ["rue", "adresse postale"], true),
    field("postcode", "Code postal", ["cp"], true),
    field("town", "Ville", ["commune", "localite"], true),
    field("phone", "Téléphone de la billetterie", ["telephone", "tel", "billetterie"], true),
    field("email", "E-mail", ["courriel", "mail", "email"]),
    field("accessibility", "Accessibilité", ["accessibilite", "acces"]),
    field("contactNames", "Responsables", ["responsable", "noms des responsables", "gestionnaires"]),
    field("contactEmails", "E-mails des responsables", ["e-mail du responsable", "mail responsable", "courriel du responsable"]),
  ],
  personnes: [
    field("name", "Nom", ["prenom nom", "nom et prenom", "personne"], true),
    field("email", "E-mail", ["courriel", "mail", "email", "adresse e-mail"], true),
    field("place", "Structure ou lieu", ["structure", "lieu", "rattachement"], true),
    field("postcode", "Code postal de la structure ou du lieu", ["code postal", "cp"]),
  ],
};

/** A column of the file for each field, by its position (null: the field is not in the file). */
export type Mapping = Record<string, number | null>;
