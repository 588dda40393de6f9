// The hand-written part of the demo: a French city's venues and their season. Names are invented.
import type { Accessibility, EventCategory, QuotaPeriod, Sector, VenueKind } from "../../lib/generated/prisma/client";

export interface DemoVenue {
  slug: string;
  name: string;
  kind: VenueKind;
  addressLine: string;
  postalCode: string;
  area: string;
  accessInfo: string;
  accessibility: Accessibility[];
  quota?: { period: QuotaPeriod; maxPlaces: number; liftDaysBefore?: number };
  events: [title: string, category: EventCategory, pitch: string, minAge?: number][];
}

export const city = "Lyon";

export const venues: DemoVenue[] = [
  {
    slug: "theatre-des-lilas",
    name: "Théâtre des Lilas",
    kind: "THEATRE",
    addressLine: "12 rue des Lilas",
    postalCode: "69004",
    area: "Croix-Rousse",
    accessInfo: "Métro C, arrêt Croix-Rousse. Entrée de plain-pied côté cour.",
    accessibility: ["WHEELCHAIR", "HEARING_LOOP", "AUDIO_DESCRIPTION", "RELAXED"],
    quota: { period: "SESSION", maxPlaces: 4, liftDaysBefore: 3 },
    events: [
      ["Les Fourberies de Scapin", "THEATRE", "Molière joué à toute allure par une troupe de six comédiens.", 8],
      ["La Cantatrice chauve", "THEATRE", "L'absurde de Ionesco dans un salon anglais qui se dérègle.", 12],
      ["Le Petit Prince", "YOUNG_AUDIENCE", "Un conte poétique pour toute la famille, avec marionnettes.", 6],
      ["Huis clos", "THEATRE", "Trois personnes enfermées dans une pièce pour l'éternité.", 14],
      ["Ma ville en scène", "THEATRE", "Une création jouée par des habitants du quartier.", 10],
      ["Cyrano", "THEATRE", "Panache, amour et alexandrins dans une mise en scène moderne.", 10],
    ],
  },
  {
    slug: "salle-rameau-lumiere",
    name: "Salle Rameau-Lumière",
    kind: "CONCERT_HALL",
    addressLine: "4 quai Saint-Vincent",
    postalCode: "69001",
    area: "Presqu'île",
    accessInfo: "Métro A, arrêt Hôtel de Ville. Ascenseur à gauche de l'entrée.",
    accessibility: ["WHEELCHAIR", "HEARING_LOOP"],
    quota: { period: "MONTH", maxPlaces: 6 },
    events: [
      ["Symphonie du Nouveau Monde", "MUSIC", "L'orchestre régional joue Dvořák.", 7],
      ["Nuit du jazz manouche", "MUSIC", "Guitares et violons dans l'esprit de Django Reinhardt."],
      ["Chorale des quartiers", "MUSIC", "Deux cents voix amateurs réunies sur scène."],
      ["Concert du Nouvel An", "MUSIC", "Valses et polkas pour commencer l'année."],
      ["Musiques du Maghreb", "MUSIC", "Oud, percussions et chant arabo-andalou."],
      ["Piano en liberté", "MUSIC", "Un récital de Chopin à Satie, présenté pièce par pièce.", 8],
      ["Rock à l'orchestre", "MUSIC", "Les grands titres du rock arrangés pour cordes et cuivres."],
    ],
  },
  {
    slug: "musee-des-tisserands",
    name: "Musée des Tisserands",
    kind: "MUSEUM",
    addressLine: "30 montée de la Grande-Côte",
    postalCode: "69001",
    area: "Pentes de la Croix-Rousse",
    accessInfo: "Bus C13, arrêt Grande-Côte. Ascenseur jusqu'aux salles.",
    accessibility: ["WHEELCHAIR", "SIGN_LANGUAGE", "EASY_READ", "AUDIO_DESCRIPTION"],
    events: [
      ["Soie, histoire d'un fil", "EXHIBITION", "Visite guidée des ateliers et des métiers à tisser."],
      ["Couleurs du monde", "EXHIBITION", "Textiles d'Afrique, d'Asie et des Amériques."],
      ["Atelier tissage en famille", "WORKSHOP", "On apprend à tisser un petit carré à rapporter chez soi.", 6],
      ["Visite en langue des signes", "HERITAGE", "Le musée raconté en LSF par une guide sourde."],
      ["Mode et révolte", "EXHIBITION", "Quand les vêtements racontent les luttes sociales.", 12],
    ],
  },
  {
    slug: "cinema-le-rivoli",
    name: "Cinéma Le Rivoli",
    kind: "CINEMA",
    addressLine: "58 cours Gambetta",
    postalCode: "69007",
    area: "Guillotière",
    accessInfo: "Tram T1, arrêt Saxe-Gambetta. Salle 1 de plain-pied.",
    accessibility: ["WHEELCHAIR", "HEARING_LOOP", "AUDIO_DESCRIPTION", "RELAXED"],
    events: [
      ["Ciné-club : Les Temps modernes", "CINEMA", "Le classique de Chaplin, suivi d'un échange."],
      ["Le Voyage de Chihiro", "CINEMA", "Le film d'animation de Miyazaki en version française.", 8],
      ["Documentaire : Les Glaneuses", "CINEMA", "Projection suivie d'une rencontre avec une réalisatrice.", 12],
      ["Séance relax : Paddington", "CINEMA", "Lumière tamisée, son adouci, on peut bouger et parler.", 4],
      ["Courts métrages du monde", "CINEMA", "Sept films courts, sous-titrés, de cinq pays.", 12],
      ["Ciné-concert : Nosferatu", "CINEMA", "Le film muet accompagné en direct par un trio.", 12],
    ],
  },
  {
    slug: "maison-de-la-danse-du-confluent",
    name: "Maison de la Danse du Confluent",
    kind: "DANCE",
    addressLine: "2 place Nautique",
    postalCode: "69002",
    area: "Confluence",
    accessInfo: "Tram T2, arrêt Hôtel de Région. Places PMR au premier rang.",
    accessibility: ["WHEELCHAIR", "AUDIO_DESCRIPTION"],
    quota: { period: "SEASON", maxPlaces: 10, liftDaysBefore: 5 },
    events: [
      ["Hip-hop Symphonie", "DANCE", "Breakdance et orchestre à cordes sur le même plateau.", 7],
      ["Le Lac des cygnes", "DANCE", "Le ballet romantique par une compagnie de vingt danseurs.", 6],
      ["Flamenco puro", "DANCE", "Chant, guitare et zapateado dans la tradition andalouse."],
      ["Corps en mouvement", "DANCE", "Danseurs valides et en fauteuil pour une création partagée."],
      ["Bal participatif", "DANCE", "On apprend quelques pas, puis tout le monde danse."],
    ],
  },
  {
    slug: "scene-des-pentes",
    name: "Scène des Pentes",
    kind: "THEATRE",
    addressLine: "7 rue Burdeau",
    postalCode: "69001",
    area: "Pentes de la Croix-Rousse",
    accessInfo: "Métro C, arrêt Croix-Paquet. Salle au sous-sol, sans ascenseur.",
    accessibility: ["HEARING_LOOP", "SURTITLES"],
    events: [
      ["Stand-up : Rire ensemble", "THEATRE", "Quatre humoristes de la région, un soir de rires.", 14],
      ["Le Cirque minuscule", "CIRCUS", "Jonglage, équilibres et clowns dans une petite salle.", 5],
      ["Lecture : Lettres de poilus", "TALK", "Des lettres de la Grande Guerre lues à deux voix.", 12],
      ["Impro en folie", "THEATRE", "Le public propose, les comédiens inventent.", 10],
      ["Magie de près", "CIRCUS", "Un magicien à un mètre de vous.", 6],
    ],
  },
  {
    slug: "festival-quais-en-fete",
    name: "Festival Quais en fête",
    kind: "FESTIVAL",
    addressLine: "Berges du Rhône, quai Claude-Bernard",
    postalCode: "69007",
    area: "Guillotière",
    accessInfo: "Tram T1, arrêt Quai Claude-Bernard. Site en plein air, cheminements accessibles.",
    accessibility: ["WHEELCHAIR", "SIGN_LANGUAGE", "RELAXED"],
    events: [
      ["Grande soirée d'ouverture", "FESTIVAL", "Fanfares, arts de rue et feu d'artifice sur les quais."],
      ["Musiques du monde au bord de l'eau", "FESTIVAL", "Trois concerts sous chapiteau."],
      ["Contes à la belle étoile", "YOUNG_AUDIENCE", "Des conteurs pour petits et grands.", 4],
    ],
  },
  {
    slug: "mediatheque-du-parc",
    name: "Médiathèque du Parc",
    kind: "LIBRARY",
    addressLine: "25 boulevard des Belges",
    postalCode: "69006",
    area: "Brotteaux",
    accessInfo: "Bus C1, arrêt Parc Tête d'Or. Ascenseur.",
    accessibility: ["WHEELCHAIR", "EASY_READ"],
    events: [
      ["Rencontre avec une autrice", "TALK", "Une romancière lit et répond aux questions."],
      ["Club de lecture facile", "WORKSHOP", "Des livres en français facile, lus et discutés ensemble."],
      ["Concert de poche", "MUSIC", "Un duo violoncelle et voix entre les rayonnages."],
    ],
  },
];

export const partners: [name: string, sector: Sector, area: string][] = [
  ["CHRS L'Escale", "SOCIAL", "Guillotière"],
  ["Maison des solidarités de la Croix-Rousse", "SOCIAL", "Croix-Rousse"],
  ["Centre social du Vieux-Moulin", "SOCIAL", "Vaise"],
  ["Mission locale Lyon Centre", "INSERTION", "Presqu'île"],
  ["Chantier d'insertion Les Jardins du Rhône", "INSERTION", "Gerland"],
  ["Association Tremplin Emploi", "INSERTION", "Part-Dieu"],
  ["Hôpital de jour Les Tilleuls", "CARE", "Monplaisir"],
  ["Centre médico-psychologique Saxe", "CARE", "Guillotière"],
  ["Service d'addictologie Le Relais", "CARE", "Brotteaux"],
  ["ESAT Les Ateliers du Confluent", "DISABILITY", "Confluence"],
  ["Foyer de vie Les Glycines", "DISABILITY", "Monplaisir"],
  ["SAVS Horizon", "DISABILITY", "Croix-Rousse"],
  ["EHPAD Les Balmes", "MEDICO_SOCIAL", "Saint-Just"],
  ["SAMSAH Rhône Centre", "MEDICO_SOCIAL", "Presqu'île"],
  ["Maison d'enfants à caractère social Les Ormes", "MEDICO_SOCIAL", "Vaise"],
];

/** Accounts printed at start-up; all share the demo password. */
export const demoAccounts = {
  password: "culture-pour-tous",
  admin: { email: "admin@culture-pour-tous.test", name: "Claire Martin" },
  partner: { email: "referente@escale.test", name: "Sophie Bernard" },
  venue: { email: "billetterie@theatre-des-lilas.test", name: "Julien Moreau" },
  visitorCode: "ESCALE26",
};
