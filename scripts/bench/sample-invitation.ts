// An invitation built in memory, as lib/invitation would load it: for the benchmark and for looking
// at a page without a database.
import "../lib/allow-server-only";
import type { InvitationData } from "../../lib/invitation/invitation";
import { encodeInvitationCode } from "../../lib/invitation/code";

const names: [string, string][] = [
  ["Zoé", "Lefèvre"],
  ["Jérôme", "Ndiaye"],
  ["Maëlle", "Côté-Brémond"],
  ["Noé", "Şahin"],
  ["Agnès", "Ørsted"],
  ["François", "Dupré"],
  ["Inès", "Benaïssa"],
  ["Loïc", "Gaël"],
  ["Hélène", "Œuvray"],
  ["Björn", "Pérez"],
];

export function sampleInvitation(guests: number, number = "K7QM3RTX"): InvitationData {
  return {
    number,
    startsAt: new Date("2026-12-12T19:30:00Z"),
    event: { title: "Le Malade imaginaire, comédie-ballet de Molière" },
    venue: {
      name: "Théâtre des Lilas",
      addressLine: "12 rue des Églantiers",
      postalCode: "69004",
      city: "Lyon",
      accessInfo: "Métro C, arrêt Croix-Rousse, puis 5 minutes à pied. Entrée de plain-pied par la cour ; ascenseur jusqu'à la salle.",
      ticketOfficeName: "Billetterie du Théâtre des Lilas",
      ticketOfficePhone: "04 72 00 12 34",
      ticketOfficeEmail: "billetterie@theatre-des-lilas.test",
    },
    feedbackUrl: "https://culture-pour-tous.example/offre/avis",
    partner: { name: "CHRS L'Escale", phone: "04 78 00 56 78", email: "referente@escale.test" },
    guests: Array.from({ length: guests }, (_, position) => {
      const [firstName, lastName] = names[position % names.length]!;
      return {
        position,
        firstName,
        lastName,
        code: encodeInvitationCode({ number, position, venueId: "5f0c2a52-6a8e-4c47-9b7e-2f7c3b7f9a10", startsAt: new Date("2026-12-12T19:30:00Z") }),
        feedbackCode: `AVIS${position + 22}`.slice(0, 6),
      };
    }),
  };
}
