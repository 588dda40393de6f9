// Issue 31.2: every table a person can read, as the export writes it: each column named and explained
// (the README of the ZIP is made from these words). Columns are listed one by one, never "SELECT *": a
// secret added to a table later (a password hash, a token, a visitor code, a signing key) stays out
// until someone adds it here on purpose, and tests/integration/export.test.ts scans the files for them.
export interface ExportColumn {
  name: string;
  /** The SQL expression, over the table's alias `t`. */
  sql: string;
  description: string;
}

export interface ExportTable {
  file: string;
  description: string;
  from: string;
  orderBy: string;
  columns: ExportColumn[];
}

const col = (name: string, sql: string, description: string): ExportColumn => ({ name, sql, description });
const id = (what: string) => col("id", `t."id"`, `Identifiant ${what}.`);
const created = col("cree_le", `t."createdAt"`, "Date de création (UTC, ISO 8601).");

export const EXPORT_TABLES: ExportTable[] = [
  {
    file: "structures.csv",
    description: "Les structures partenaires (coopérateurs).",
    from: `"Partner" t`,
    orderBy: `t."name", t."id"`,
    columns: [
      id("de la structure"),
      col("nom", `t."name"`, "Nom."),
      col("secteur", `t."sector"`, "Secteur : SOCIAL, INSERTION, CARE (soin), DISABILITY (handicap), MEDICO_SOCIAL."),
      col("siret", `t."siret"`, "SIRET, quand il est connu."),
      col("adresse", `t."addressLine"`, "Adresse."),
      col("code_postal", `t."postalCode"`, "Code postal."),
      col("ville", `t."city"`, "Ville."),
      col("quartier", `t."area"`, "Quartier."),
      col("telephone", `t."phone"`, "Téléphone."),
      col("email", `t."email"`, "E-mail."),
      col("notes", `t."notes"`, "Notes de l'association."),
      col("etape", `t."stage"`, "Étape du partenariat."),
      col("etape_le", `t."stageAt"`, "Date de la dernière étape."),
      created,
    ],
  },
  {
    file: "conventions.csv",
    description: "Les conventions signées et leur période de validité.",
    from: `"Convention" t`,
    orderBy: `t."partnerId", t."validFrom"`,
    columns: [
      id("de la convention"),
      col("structure_id", `t."partnerId"`, "La structure (structures.csv)."),
      col("signee_le", `t."signedOn"`, "Date de signature."),
      col("valide_du", `t."validFrom"`, "Premier jour de validité."),
      col("valide_au", `t."validUntil"`, "Dernier jour de validité (inclus)."),
      col("reference", `t."reference"`, "Où le document est rangé."),
    ],
  },
  {
    file: "etapes.csv",
    description: "L'historique du partenariat de chaque structure.",
    from: `"OnboardingStep" t`,
    orderBy: `t."partnerId", t."at"`,
    columns: [
      id("de l'étape"),
      col("structure_id", `t."partnerId"`, "La structure."),
      col("etape", `t."kind"`, "L'étape franchie."),
      col("le", `t."at"`, "Quand."),
      col("par_compte_id", `t."byUserId"`, "Qui l'a notée (comptes.csv)."),
      col("note", `t."note"`, "Note."),
    ],
  },
  {
    file: "adhesions.csv",
    description: "Les adhésions par saison (1er septembre – 31 août).",
    from: `"Membership" t`,
    orderBy: `t."season", t."partnerId"`,
    columns: [
      id("de l'adhésion"),
      col("structure_id", `t."partnerId"`, "La structure."),
      col("saison", `t."season"`, "Année où la saison commence."),
      col("statut", `t."status"`, "INVITED, JOINING, DECLINED ou MEMBER."),
      col("adhere_le", `t."joinedOn"`, "Date d'adhésion."),
      col("montant_centimes", `t."amountCents"`, "Montant en centimes d'euro."),
      col("moyen_de_paiement", `t."paymentMeans"`, "Moyen de paiement."),
      col("recu", `t."receiptNumber"`, "Numéro de reçu."),
    ],
  },
  {
    file: "lieux.csv",
    description: "Les lieux culturels.",
    from: `"Venue" t`,
    orderBy: `t."name", t."id"`,
    columns: [
      id("du lieu"),
      col("nom", `t."name"`, "Nom."),
      col("type", `t."kind"`, "Type de lieu."),
      col("adresse", `t."addressLine"`, "Adresse."),
      col("code_postal", `t."postalCode"`, "Code postal."),
      col("ville", `t."city"`, "Ville."),
      col("quartier", `t."area"`, "Quartier."),
      col("acces", `t."accessInfo"`, "Comment venir."),
      col("telephone", `t."phone"`, "Téléphone."),
      col("email", `t."email"`, "E-mail."),
      col("site", `t."website"`, "Site web."),
      col("billetterie_telephone", `t."ticketOfficePhone"`, "Téléphone de la billetterie."),
      col("billetterie_email", `t."ticketOfficeEmail"`, "E-mail de la billetterie."),
      col("accessibilite", `t."accessibility"`, "Accessibilité proposée, séparée par des virgules."),
      created,
    ],
  },
  {
    file: "responsables-de-lieux.csv",
    description: "Quel compte gère quel lieu.",
    from: `"VenueManager" t`,
    orderBy: `t."venueId", t."userId"`,
    columns: [col("lieu_id", `t."venueId"`, "Le lieu (lieux.csv)."), col("compte_id", `t."userId"`, "Le compte (comptes.csv)."), created],
  },
  {
    file: "evenements.csv",
    description: "Les offres des lieux.",
    from: `"Event" t`,
    orderBy: `t."venueId", t."title", t."id"`,
    columns: [
      id("de l'événement"),
      col("lieu_id", `t."venueId"`, "Le lieu."),
      col("titre", `t."title"`, "Titre."),
      col("categorie", `t."category"`, "Catégorie."),
      col("age_minimum", `t."minAge"`, "Âge conseillé."),
      col("duree_minutes", `t."durationMinutes"`, "Durée."),
      col("accessibilite", `t."accessibility"`, "Accessibilité."),
      col("prix_public_centimes", `t."publicPriceCents"`, "Prix public en centimes."),
      col("statut", `t."status"`, "DRAFT, PUBLISHED ou CANCELLED."),
      created,
    ],
  },
  {
    file: "seances.csv",
    description: "Les séances datées de chaque événement.",
    from: `"Session" t`,
    orderBy: `t."startsAt", t."id"`,
    columns: [
      id("de la séance"),
      col("evenement_id", `t."eventId"`, "L'événement."),
      col("debut", `t."startsAt"`, "Début (UTC)."),
      col("fin", `t."endsAt"`, "Fin (UTC)."),
      col("invitations_offertes", `t."capacity"`, "Nombre d'invitations offertes."),
      col("places_confirmees", `t."confirmedPlaces"`, "Places confirmées."),
      col("places_en_attente", `t."waitlistedPlaces"`, "Places en liste d'attente."),
      col("statut", `t."status"`, "Statut."),
      col("annulee_le", `t."cancelledAt"`, "Annulation."),
    ],
  },
  {
    file: "reservations.csv",
    description: "Les réservations.",
    from: `"Booking" t`,
    orderBy: `t."requestSeq"`,
    columns: [
      id("de la réservation"),
      col("numero", `t."number"`, "Numéro imprimé sur l'invitation."),
      col("seance_id", `t."sessionId"`, "La séance."),
      col("structure_id", `t."partnerId"`, "La structure."),
      col("par_compte_id", `t."createdById"`, "Qui a réservé."),
      col("statut", `t."status"`, "CONFIRMED, WAITLISTED ou CANCELLED."),
      col("places", `t."places"`, "Nombre de places."),
      col("demandee_le", `t."requestedAt"`, "Demande."),
      col("confirmee_le", `t."confirmedAt"`, "Confirmation."),
      col("annulee_le", `t."cancelledAt"`, "Annulation."),
      col("motif_annulation", `t."cancelReason"`, "Qui a annulé."),
      col("code_annulation", `t."cancelCode"`, "Pourquoi."),
    ],
  },
  {
    file: "invites.csv",
    description: "Les invités de chaque réservation (une ligne par place).",
    from: `"BookingGuest" t`,
    orderBy: `t."bookingId", t."position"`,
    columns: [
      id("de l'invité"),
      col("reservation_id", `t."bookingId"`, "La réservation."),
      col("rang", `t."position"`, "Rang dans la réservation."),
      col("genre", `t."kind"`, "MAIN (la personne), FAMILY_OR_FRIEND, PROFESSIONAL."),
      col("personne_id", `t."personId"`, "La personne (personnes.csv)."),
      col("prenom", `t."firstName"`, "Prénom (remplacé après la durée de conservation)."),
      col("nom", `t."lastName"`, "Nom (idem)."),
      col("besoins", `t."needs"`, "Besoins pratiques."),
      col("presence", `t."attendance"`, "ATTENDED ou NO_SHOW."),
      col("anonymise_le", `t."anonymizedAt"`, "Quand le nom a été effacé."),
    ],
  },
  {
    file: "personnes.csv",
    description: "Les personnes accompagnées par les structures.",
    from: `"Person" t`,
    orderBy: `t."partnerId", t."lastName", t."firstName", t."id"`,
    columns: [
      id("de la personne"),
      col("structure_id", `t."partnerId"`, "La structure."),
      col("prenom", `t."firstName"`, "Prénom."),
      col("nom", `t."lastName"`, "Nom."),
      col("notes", `t."notes"`, "Notes de la structure."),
      col("retiree_le", `t."archivedAt"`, "Retirée de la liste."),
      created,
    ],
  },
  {
    file: "comptes.csv",
    description: "Les comptes (équipe, référents, responsables de lieux), sans mot de passe.",
    from: `"User" t`,
    orderBy: `t."role", t."email"`,
    columns: [
      id("du compte"),
      col("email", `t."email"`, "Adresse de connexion."),
      col("nom", `t."name"`, "Nom."),
      col("role", `t."role"`, "ADMIN, PARTNER ou VENUE."),
      col("structure_id", `t."partnerId"`, "La structure d'un référent."),
      col("actif", `t."active"`, "Le compte peut se connecter."),
      col("derniere_connexion", `t."lastSignInAt"`, "Dernière connexion."),
      created,
    ],
  },
  {
    file: "journal.csv",
    description: "Le journal : qui a fait quoi, quand (avant et après, en JSON).",
    from: `"AuditLog" t`,
    orderBy: `t."id"`,
    columns: [
      col("id", `t."id"`, "Numéro de l'entrée."),
      col("le", `t."at"`, "Quand."),
      col("compte_id", `t."actorUserId"`, "Qui."),
      col("genre", `t."actorKind"`, "admin, partner, venue, system, visitor."),
      col("action", `t."action"`, "Ce qui a été fait."),
      col("objet", `t."entityType"`, "Sur quoi."),
      col("objet_id", `t."entityId"`, "Lequel."),
      col("avant", `t."before"`, "Avant."),
      col("apres", `t."after"`, "Après."),
    ],
  },
];
