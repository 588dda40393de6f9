// The hand-written lists the national data set draws from (prisma/seed/national.ts): towns with their
// postal codes and areas, names of people, venues, structures and shows. Names are invented or common.
//
// Names of people hold no space, hyphen, apostrophe or dot, and no two entries of the lists read the
// same once case and accents are set aside: then two guests have the same person_name_key (the SQL
// notion of "the same person", docs/decisions/006) exactly when they have the same names, which the
// seed can rule out by construction. The first names of the people supported and those of their
// companions are two disjoint lists, so that a companion is never taken for a person of the list.
import type { EventCategory, Sector, VenueKind } from "../../lib/generated/prisma/client";

export interface Town {
  name: string;
  /** Relative share of the venues and structures. */
  weight: number;
  postalCodes: string[];
  areas: string[];
}

/** The demo's town (prisma/seed/catalog.ts): its structures and venues join the national ones here. */
export const DEMO_TOWN = "Lyon";

export const towns: Town[] = [
  { name: "Paris", weight: 14, postalCodes: ["75003", "75010", "75011", "75012", "75013", "75014", "75015", "75017", "75018", "75019", "75020"], areas: ["Belleville", "Montmartre", "Bastille", "République", "Goutte-d'Or", "Batignolles", "Butte-aux-Cailles", "Ménilmontant", "Marais", "Porte de Clignancourt", "Bercy", "Denfert-Rochereau"] },
  { name: "Marseille", weight: 6, postalCodes: ["13001", "13002", "13003", "13004", "13005", "13006", "13013", "13014", "13015"], areas: ["Belsunce", "Noailles", "Le Panier", "La Belle de Mai", "Saint-Mauront", "Cours Julien", "Castellane", "Quartiers Nord", "Vieux-Port"] },
  { name: DEMO_TOWN, weight: 6, postalCodes: ["69001", "69002", "69003", "69004", "69006", "69007", "69008", "69009"], areas: ["Croix-Rousse", "Presqu'île", "Guillotière", "Confluence", "Brotteaux", "Vaise", "Gerland", "Part-Dieu", "Monplaisir", "Saint-Just", "Pentes de la Croix-Rousse"] },
  { name: "Toulouse", weight: 4.5, postalCodes: ["31000", "31100", "31200", "31300", "31400", "31500"], areas: ["Capitole", "Saint-Cyprien", "Les Minimes", "Rangueil", "Bagatelle", "Empalot", "Borderouge"] },
  { name: "Lille", weight: 4.5, postalCodes: ["59000", "59160", "59260", "59777", "59800"], areas: ["Wazemmes", "Moulins", "Fives", "Vieux-Lille", "Lille-Sud", "Bois-Blancs"] },
  { name: "Bordeaux", weight: 4, postalCodes: ["33000", "33100", "33200", "33300", "33800"], areas: ["Saint-Michel", "Chartrons", "Bastide", "Saint-Pierre", "Bacalan", "Nansouty"] },
  { name: "Nantes", weight: 4, postalCodes: ["44000", "44100", "44200", "44300"], areas: ["Bouffay", "Île de Nantes", "Malakoff", "Bellevue", "Dervallières", "Chantenay"] },
  { name: "Strasbourg", weight: 3.5, postalCodes: ["67000", "67100", "67200"], areas: ["Krutenau", "Neudorf", "Hautepierre", "Cronenbourg", "Esplanade", "Meinau"] },
  { name: "Montpellier", weight: 3.5, postalCodes: ["34000", "34070", "34080", "34090"], areas: ["Écusson", "Figuerolles", "La Paillade", "Antigone", "Les Beaux-Arts", "Près d'Arènes"] },
  { name: "Nice", weight: 3, postalCodes: ["06000", "06100", "06200", "06300"], areas: ["Vieux-Nice", "Libération", "Les Moulins", "L'Ariane", "Port", "Saint-Roch"] },
  { name: "Rennes", weight: 3, postalCodes: ["35000", "35200", "35700"], areas: ["Centre", "Villejean", "Le Blosne", "Maurepas", "Bréquigny", "Thabor"] },
  { name: "Grenoble", weight: 2.5, postalCodes: ["38000", "38100"], areas: ["Hyper-centre", "Villeneuve", "Berriat", "Île Verte", "Teisseire", "Mistral"] },
  { name: "Saint-Étienne", weight: 2, postalCodes: ["42000", "42100"], areas: ["Centre-ville", "Montreynaud", "Tarentaize", "Crêt de Roc", "La Cotonne"] },
  { name: "Rouen", weight: 1.6, postalCodes: ["76000", "76100"], areas: ["Vieux-Rouen", "Rive gauche", "Les Sapins", "Grammont", "Saint-Sever"] },
  { name: "Villeurbanne", weight: 1.5, postalCodes: ["69100"], areas: ["Gratte-Ciel", "Buers", "Tonkin", "Saint-Jean", "Charpennes"] },
  { name: "Saint-Denis", weight: 1.5, postalCodes: ["93200"], areas: ["Centre-ville", "Franc-Moisin", "Pleyel", "La Plaine", "Floréal"] },
  { name: "Reims", weight: 1.5, postalCodes: ["51100"], areas: ["Centre", "Croix-Rouge", "Orgeval", "Wilson", "Europe"] },
  { name: "Le Havre", weight: 1.5, postalCodes: ["76600", "76610", "76620"], areas: ["Centre reconstruit", "Mont-Gaillard", "Caucriauville", "Les Neiges", "Sanvic"] },
  { name: "Toulon", weight: 1.4, postalCodes: ["83000", "83100", "83200"], areas: ["Haute-Ville", "Le Mourillon", "Pontcarral", "Sainte-Musse"] },
  { name: "Dijon", weight: 1.4, postalCodes: ["21000"], areas: ["Centre historique", "Grésilles", "Fontaine-d'Ouche", "Montchapet"] },
  { name: "Angers", weight: 1.4, postalCodes: ["49000", "49100"], areas: ["Centre", "Monplaisir", "Belle-Beille", "La Roseraie", "Doutre"] },
  { name: "Clermont-Ferrand", weight: 1.4, postalCodes: ["63000", "63100"], areas: ["Centre", "La Gauthière", "Saint-Jacques", "Croix-de-Neyrat", "Montferrand"] },
  { name: "Aix-en-Provence", weight: 1.3, postalCodes: ["13090", "13100"], areas: ["Centre ancien", "Jas de Bouffan", "Encagnane", "Mazarin"] },
  { name: "Tours", weight: 1.3, postalCodes: ["37000", "37100", "37200"], areas: ["Vieux-Tours", "Sanitas", "Rives du Cher", "Europe", "Fontaines"] },
  { name: "Nîmes", weight: 1.2, postalCodes: ["30000", "30900"], areas: ["Écusson", "Pissevin", "Valdegour", "Chemin-Bas"] },
  { name: "Le Mans", weight: 1.2, postalCodes: ["72000", "72100"], areas: ["Cité Plantagenêt", "Les Sablons", "Bellevue", "Ronceray"] },
  { name: "Brest", weight: 1.2, postalCodes: ["29200"], areas: ["Siam", "Recouvrance", "Pontanézen", "Bellevue", "Lambézellec"] },
  { name: "Amiens", weight: 1.2, postalCodes: ["80000", "80080", "80090"], areas: ["Saint-Leu", "Étouvie", "Amiens-Nord", "Henriville"] },
  { name: "Metz", weight: 1.2, postalCodes: ["57000", "57050", "57070"], areas: ["Ancienne Ville", "Borny", "Sablon", "Patrotte"] },
  { name: "Caen", weight: 1.2, postalCodes: ["14000"], areas: ["Centre", "Guérinière", "Chemin Vert", "Pierre-Heuzé"] },
  { name: "Nancy", weight: 1.2, postalCodes: ["54000", "54100"], areas: ["Ville-Vieille", "Haussonville", "Plateau de Haye", "Trois-Maisons"] },
  { name: "Orléans", weight: 1.1, postalCodes: ["45000", "45100"], areas: ["Bourgogne", "La Source", "Argonne", "Blossières"] },
  { name: "Limoges", weight: 1, postalCodes: ["87000", "87100", "87280"], areas: ["Centre", "Beaubreuil", "Val de l'Aurence", "La Bastide"] },
  { name: "Besançon", weight: 1, postalCodes: ["25000"], areas: ["Boucle", "Planoise", "Battant", "Montrapon"] },
  { name: "Perpignan", weight: 1, postalCodes: ["66000", "66100"], areas: ["Saint-Jacques", "Saint-Matthieu", "Bas-Vernet", "Moulin-à-Vent"] },
  { name: "Mulhouse", weight: 1, postalCodes: ["68100", "68200"], areas: ["Centre", "Bourtzwiller", "Coteaux", "Drouot"] },
  { name: "Roubaix", weight: 1, postalCodes: ["59100"], areas: ["Centre", "Alma", "Épeule", "Pile", "Trois-Ponts"] },
  { name: "Montreuil", weight: 1, postalCodes: ["93100"], areas: ["Bas-Montreuil", "La Boissière", "Croix-de-Chavaux", "Montreau"] },
  { name: "Avignon", weight: 1, postalCodes: ["84000"], areas: ["Intra-muros", "Saint-Chamand", "Monclar", "Champfleury"] },
  { name: "Poitiers", weight: 0.9, postalCodes: ["86000"], areas: ["Centre", "Les Couronneries", "Beaulieu", "Trois-Cités"] },
  { name: "Annecy", weight: 0.9, postalCodes: ["74000", "74960"], areas: ["Vieille ville", "Novel", "Les Teppes", "Seynod"] },
  { name: "La Rochelle", weight: 0.8, postalCodes: ["17000"], areas: ["Vieux-Port", "Mireuil", "Villeneuve-les-Salines", "Laleu"] },
  { name: "Pau", weight: 0.8, postalCodes: ["64000"], areas: ["Centre", "Saragosse", "Ousse-des-Bois", "Le Hameau"] },
  { name: "Calais", weight: 0.7, postalCodes: ["62100"], areas: ["Calais-Nord", "Beau-Marais", "Fort-Nieulay", "Saint-Pierre"] },
  { name: "Bayonne", weight: 0.7, postalCodes: ["64100"], areas: ["Petit Bayonne", "Grand Bayonne", "Saint-Esprit", "Sainte-Croix"] },
  { name: "Chambéry", weight: 0.7, postalCodes: ["73000"], areas: ["Centre", "Bissy", "Les Hauts-de-Chambéry", "Biollay"] },
  { name: "Valence", weight: 0.6, postalCodes: ["26000"], areas: ["Centre", "Fontbarlettes", "Le Plan", "Polygone"] },
  { name: "Lorient", weight: 0.6, postalCodes: ["56100"], areas: ["Centre", "Kervénanec", "Bois du Château", "Merville"] },
];

/** First names of the people supported (Person and the main guest of a booking). */
export const personFirstNames = [
  "Amina", "Mohamed", "Fatou", "Karim", "Nadia", "Youssef", "Sabrina", "Mamadou", "Leila", "Rachid", "Aïcha", "Moussa",
  "Sophie", "Julien", "Camille", "Thomas", "Émilie", "Nicolas", "Laura", "Kevin", "Manon", "Jérôme", "Céline", "Sébastien",
  "Nathalie", "Christophe", "Isabelle", "Philippe", "Sandrine", "Stéphane", "Valérie", "Frédéric", "Martine", "Patrick",
  "Monique", "Michel", "Josiane", "Bernard", "Ginette", "Gérard", "Yvette", "Marcel", "Odette", "Roger", "Denise", "Lucien",
  "Inès", "Rayan", "Lina", "Adam", "Jade", "Nolan", "Chloé", "Enzo", "Océane", "Dylan", "Anaïs", "Théo", "Maëlle", "Lucas",
  "Ibrahim", "Mariam", "Samir", "Yasmine", "Bilal", "Salimata", "Ousmane", "Khadija", "Hamza", "Zineb", "Ali", "Rokia",
  "Ivan", "Olga", "Dimitri", "Svetlana", "Ahmed", "Farida", "Tarek", "Soraya", "Kenza", "Walid", "Dounia", "Abdou",
  "Pierre", "Marie", "Jean", "Anne", "Paul", "Claire", "Louis", "Jeanne", "Hugo", "Léa", "Arthur", "Alice", "Jules", "Zoé",
  "Gabriel", "Louise", "Raphaël", "Emma", "Noé", "Rose", "Sacha", "Lou", "Malik", "Sarah", "Yanis", "Nour",
];

/** First names of companions (family, friends, professionals): none is a first name of the list above. */
export const companionFirstNames = [
  "Agnès", "Alain", "Annie", "Antoine", "Audrey", "Aurélie", "Benoît", "Brigitte", "Bruno", "Carole", "Caroline", "Cécile",
  "Chantal", "Corinne", "Damien", "Daniel", "David", "Delphine", "Didier", "Dominique", "Éric", "Fabrice", "Florence",
  "Franck", "Françoise", "Gilles", "Hélène", "Hervé", "Jacqueline", "Jacques", "Joël", "Karine", "Laurent", "Lydie",
  "Marc", "Maryse", "Mathieu", "Muriel", "Nadine", "Olivier", "Pascal", "Pascale", "Régis", "Rémi", "Sylvie", "Serge",
  "Simone", "Thierry", "Véronique", "Vincent", "Virginie", "Xavier", "Yves", "Zohra", "Samia", "Nordine", "Habib", "Awa",
  "Binta", "Djibril", "Fanta", "Idriss", "Kader", "Latifa",
];

export const lastNames = [
  "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent",
  "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre",
  "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc",
  "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont",
  "Lopez", "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire",
  "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Perez", "Marchand",
  "Dufour", "Blanchard", "Marie", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin", "Fernandez",
  "Pierre", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal", "Bourgeois", "Renaud",
  "Lemoine", "Picard", "Gaillard", "Philippe", "Leclercq", "Lacroix", "Fabre", "Dupuis", "Olivier", "Rodriguez",
  "Benali", "Haddad", "Diallo", "Traoré", "Cissé", "Ndiaye", "Keita", "Mansouri", "Belkacem", "Bouzid", "Chaouch",
  "Hamdi", "Zerrouki", "Kaci", "Ouali", "Sow", "Camara", "Koné", "Touré", "Diop", "Bamba", "Coulibaly", "Fofana",
  "Tran", "Pham", "Le", "Vo", "Huang", "Wang", "Chen", "Ivanov", "Petrov", "Kowalski", "Nowak", "Silva", "Pereira",
  "Ferreira", "Rossi", "Bianchi", "Ricci", "Yilmaz", "Demir", "Kaya", "Ozturk", "Moulin", "Besson", "Carpentier",
  "Hubert", "Jacquet", "Collet", "Prévost", "Charpentier", "Tessier", "Baron", "Leblanc",
];

/** Share of the venues of each kind, the invitations a session offers and how a venue plans its events. */
export const venueKinds: {
  kind: VenueKind;
  share: number;
  names: string[];
  /** Local show times, "HH:MM". */
  times: string[];
  capacity: [min: number, max: number];
  /** Sessions per event on average, and the days an event's sessions spread over. */
  sessionsPerEvent: number;
  spanDays: number;
  categories: [EventCategory, number][];
}[] = [
  {
    kind: "THEATRE", share: 28, times: ["20:00", "20:30", "15:00", "19:00"], capacity: [12, 60], sessionsPerEvent: 6, spanDays: 28,
    names: ["Théâtre municipal", "Théâtre de la Ville", "Théâtre de Poche", "Théâtre des Halles", "Théâtre du Marché", "Théâtre de l'Atelier", "Théâtre La Licorne", "Théâtre du Rond-Point", "Théâtre des Carmes", "Théâtre Le Colombier", "Scène nationale", "Théâtre du Quai", "Comédie", "Théâtre de la Renaissance", "Théâtre des Vents"],
    categories: [["THEATRE", 60], ["YOUNG_AUDIENCE", 14], ["CIRCUS", 8], ["DANCE", 6], ["OPERA", 4], ["TALK", 4], ["MUSIC", 4]],
  },
  {
    kind: "CINEMA", share: 18, times: ["14:00", "16:30", "18:00", "20:30"], capacity: [9, 45], sessionsPerEvent: 8, spanDays: 35,
    names: ["Cinéma Le Rex", "Cinéma Le Méliès", "Cinéma L'Écran", "Cinéma Le Studio", "Cinéma Utopia", "Cinéma Le Lumière", "Cinéma Le Select", "Cinéma Les Variétés", "Cinéma Le Star", "Cinéma Jean-Vigo"],
    categories: [["CINEMA", 88], ["YOUNG_AUDIENCE", 8], ["TALK", 4]],
  },
  {
    kind: "MUSEUM", share: 14, times: ["10:30", "14:30", "16:00"], capacity: [9, 38], sessionsPerEvent: 10, spanDays: 120,
    names: ["Musée des Beaux-Arts", "Musée d'histoire", "Musée d'art moderne", "Musée des Confluences", "Muséum d'histoire naturelle", "Musée de l'Imprimerie", "Musée du Textile", "Musée de la Mine", "Maison de la photographie", "Centre d'art contemporain"],
    categories: [["EXHIBITION", 60], ["HERITAGE", 20], ["WORKSHOP", 15], ["YOUNG_AUDIENCE", 5]],
  },
  {
    kind: "CONCERT_HALL", share: 12, times: ["20:00", "20:30", "18:00"], capacity: [15, 75], sessionsPerEvent: 2, spanDays: 10,
    names: ["Salle des fêtes", "Auditorium", "La Cigale", "Le Chabada", "La Sirène", "L'Aéronef", "Le Rocher", "La Laiterie", "Le Transbordeur", "Opéra", "Salle Pleyel-Est", "Le Fil"],
    categories: [["MUSIC", 78], ["OPERA", 10], ["FESTIVAL", 4], ["YOUNG_AUDIENCE", 4], ["DANCE", 4]],
  },
  {
    kind: "LIBRARY", share: 11, times: ["10:00", "14:00", "18:30"], capacity: [9, 30], sessionsPerEvent: 3, spanDays: 30,
    names: ["Médiathèque", "Bibliothèque municipale", "Médiathèque Louise-Michel", "Bibliothèque Aimé-Césaire", "Médiathèque Simone-Veil", "Médiathèque des Quartiers"],
    categories: [["TALK", 40], ["WORKSHOP", 35], ["YOUNG_AUDIENCE", 15], ["MUSIC", 10]],
  },
  {
    kind: "DANCE", share: 7, times: ["20:00", "16:00", "19:30"], capacity: [15, 60], sessionsPerEvent: 3, spanDays: 14,
    names: ["Maison de la Danse", "Centre chorégraphique", "Le Pacifique", "La Briqueterie", "Studio des Arts du mouvement"],
    categories: [["DANCE", 80], ["YOUNG_AUDIENCE", 8], ["WORKSHOP", 6], ["MUSIC", 6]],
  },
  {
    kind: "FESTIVAL", share: 5, times: ["15:00", "19:00", "21:00"], capacity: [30, 120], sessionsPerEvent: 4, spanDays: 6,
    names: ["Festival des Arts de la rue", "Festival Jazz au parc", "Festival Lumières d'été", "Rencontres des musiques du monde", "Festival du conte", "Festival des cultures urbaines"],
    categories: [["FESTIVAL", 55], ["MUSIC", 25], ["CIRCUS", 10], ["YOUNG_AUDIENCE", 10]],
  },
  {
    kind: "OTHER", share: 5, times: ["14:00", "18:00", "20:00"], capacity: [12, 45], sessionsPerEvent: 3, spanDays: 20,
    names: ["Tiers-lieu La Friche", "Maison de quartier", "Centre culturel", "La Fabrique", "Chapiteau"],
    categories: [["OTHER", 30], ["CIRCUS", 20], ["WORKSHOP", 20], ["TALK", 15], ["MUSIC", 15]],
  },
];

/** Titles of shows, by category: a touring show plays in several towns, so titles repeat. */
export const titles: Record<EventCategory, string[]> = {
  THEATRE: ["Le Misanthrope", "Les Femmes savantes", "Le Malade imaginaire", "Antigone", "En attendant Godot", "Le Jeu de l'amour et du hasard", "Roméo et Juliette", "La Mouette", "Les Bonnes", "Art", "Le Dindon", "Britannicus", "Un fil à la patte", "Les Trois Sœurs", "La Résistible Ascension", "Rhinocéros", "Le Cid", "Dom Juan", "On ne badine pas avec l'amour", "Les Fausses Confidences"],
  MUSIC: ["Requiem de Mozart", "Nuit du blues", "Carmen en concert", "Chants du Sahel", "Les Quatre Saisons", "Fanfare des Balkans", "Soirée électro-acoustique", "Chorale gospel", "Trio jazz", "Rap et orchestre", "Chansons de Barbara", "Symphonie fantastique", "Musiques celtiques", "Récital de guitare", "Bal musette"],
  DANCE: ["Boléro", "Giselle", "Danses urbaines", "Tango argentin", "Roméo et Juliette dansé", "Krump et ballet", "Danse contemporaine en plein air", "Les Noces", "Casse-Noisette", "Danse africaine"],
  OPERA: ["La Traviata", "La Flûte enchantée", "Les Noces de Figaro", "Madame Butterfly", "Le Barbier de Séville", "Orphée aux Enfers", "La Bohème"],
  CIRCUS: ["Cirque acrobatique", "Clowns en piste", "Jonglage et lumières", "Le Cirque des étoiles", "Équilibres", "Voltige aérienne", "Cabaret circassien"],
  CINEMA: ["Ciné-club : Les Enfants du paradis", "Les Misérables", "Intouchables", "Le Grand Bleu", "Persepolis", "Kirikou et la Sorcière", "La Haine", "Le Fabuleux Destin d'Amélie Poulain", "Les Choristes", "Mon oncle", "Divines", "Ernest et Célestine", "Le Ballon d'or", "Timbuktu", "Petit Paysan", "La Famille Bélier", "Ciné-débat : la ville de demain", "Courts métrages d'animation"],
  EXHIBITION: ["Impressionnistes en région", "Photographies du quotidien", "Mémoires ouvrières", "Art brut", "Bande dessinée, cent ans d'histoire", "Lumières d'Orient", "Design et objets du quotidien", "Voyages au bout du monde", "Portraits de femmes", "La Mer et ses rivages"],
  HERITAGE: ["Visite du vieux quartier", "Les coulisses du théâtre", "Balade architecturale", "Visite en langue des signes", "Patrimoine industriel", "La ville au Moyen Âge"],
  FESTIVAL: ["Soirée d'ouverture", "Grande parade", "Concerts sous chapiteau", "Nuit des arts de la rue", "Journée des familles", "Scène ouverte"],
  TALK: ["Rencontre avec un auteur", "Lecture à voix haute", "Conférence : l'histoire du jazz", "Débat citoyen", "Lecture musicale", "Rencontre avec une illustratrice", "Café philo"],
  WORKSHOP: ["Atelier d'écriture", "Atelier théâtre", "Atelier percussions", "Atelier photo", "Atelier gravure", "Atelier cuisine du monde", "Atelier slam", "Atelier danse en famille"],
  YOUNG_AUDIENCE: ["Le Petit Chaperon rouge", "Pierre et le Loup", "Contes du monde", "La Sorcière du placard", "Marionnettes en voyage", "Le Chat botté", "Spectacle d'ombres", "Alice au pays des merveilles"],
  OTHER: ["Karaoké solidaire", "Soirée jeux", "Scène ouverte amateurs", "Projection en plein air", "Fête de quartier"],
};

/** The sentence that opens an event's description, by category. */
export const pitches: Record<EventCategory, string> = {
  THEATRE: "Une pièce portée par une troupe engagée, dans une mise en scène claire et vivante.",
  MUSIC: "Un concert pour tous les publics, présenté morceau par morceau.",
  DANCE: "Un spectacle de danse plein d'énergie, sans paroles : chacun le comprend.",
  OPERA: "Un opéra surtitré en français, avec une courte présentation avant le lever de rideau.",
  CIRCUS: "Acrobates, jongleurs et clowns sous le regard du public.",
  CINEMA: "Une projection sur grand écran, suivie d'un échange pour qui le souhaite.",
  EXHIBITION: "Une exposition à parcourir avec une médiatrice, à son rythme.",
  HERITAGE: "Une visite guidée pour découvrir un lieu et son histoire.",
  FESTIVAL: "Un temps fort du festival, en plein air ou sous chapiteau.",
  TALK: "Une rencontre simple et chaleureuse, où l'on peut poser ses questions.",
  WORKSHOP: "Un atelier pour faire soi-même, sans rien savoir à l'avance.",
  YOUNG_AUDIENCE: "Un spectacle pour les enfants et leurs parents.",
  OTHER: "Un moment convivial, ouvert à tous.",
};

/** Share of the structures per sector, and how their names start. */
export const sectors: { sector: Sector; share: number; kinds: string[] }[] = [
  { sector: "SOCIAL", share: 35, kinds: ["CHRS", "Centre social", "Maison des solidarités", "Accueil de jour", "Résidence sociale", "Épicerie solidaire", "Centre d'hébergement"] },
  { sector: "INSERTION", share: 20, kinds: ["Mission locale", "Chantier d'insertion", "Régie de quartier", "Entreprise d'insertion", "Association intermédiaire", "PLIE"] },
  { sector: "CARE", share: 15, kinds: ["Hôpital de jour", "CMP", "Service d'addictologie", "CATTP", "Centre de soins", "Équipe mobile psychiatrie précarité"] },
  { sector: "DISABILITY", share: 18, kinds: ["ESAT", "Foyer de vie", "SAVS", "IME", "GEM", "Foyer d'hébergement"] },
  { sector: "MEDICO_SOCIAL", share: 12, kinds: ["EHPAD", "SAMSAH", "MECS", "Foyer d'accueil médicalisé", "Résidence autonomie", "Lits halte soins santé"] },
];

/** The second half of a structure's name. */
export const structureNames = [
  "L'Escale du Nord", "Les Tilleuls", "L'Horizon", "Le Phare", "Les Glycines", "La Passerelle", "Arc-en-ciel", "Les Lilas",
  "Le Relais", "La Boussole", "Les Marronniers", "L'Étape", "Le Trait d'union", "Les Peupliers", "La Source", "Le Fil d'Ariane",
  "Les Acacias", "Le Tremplin", "La Clairière", "Les Cèdres", "L'Envol", "Le Carrefour", "Les Hirondelles", "La Rencontre",
  "Les Mimosas", "Le Pont", "L'Olivier", "La Roseraie", "Les Platanes", "Le Cap", "Saint-Exupéry", "Jean-Jaurès",
  "Louise-Michel", "Victor-Hugo", "Simone-de-Beauvoir", "Pasteur", "Les Jardins", "La Maison ouverte", "Le Lien", "L'Abri",
];

export const streets = [
  "rue de la République", "avenue Jean-Jaurès", "rue Victor-Hugo", "boulevard Gambetta", "rue Pasteur", "place de la Mairie",
  "rue des Écoles", "avenue de la Gare", "rue du Moulin", "rue de la Paix", "quai des Arts", "rue Émile-Zola",
  "rue Voltaire", "allée des Tilleuls", "rue Jules-Ferry", "cours de la Libération", "rue Carnot", "rue du Marché",
];

/** Why a venue cancelled a session, as it told the partners. */
export const sessionCancelNotes = ["Artiste souffrant.", "Problème technique dans la salle.", "Intempéries annoncées.", "Grève des techniciens.", null];

/** Notes the association writes when it cancels a booking taken by phone. */
export const associationCancelNotes = ["Appel de la personne : rendez-vous médical.", "Demande de la structure par téléphone.", "Doublon avec une autre réservation.", "Le lieu a prévenu d'un changement.", null];
