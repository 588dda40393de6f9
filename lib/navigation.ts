// What the header offers to each kind of visitor. Showing a link is a convenience: every page and
// action checks rights again on the server, in the data layer.
export type Audience = "anonymous" | "visitor" | "PARTNER" | "VENUE" | "ADMIN";

export interface NavItem {
  href: string;
  /** Key under "nav" in the message catalog. */
  label: string;
}

export const navigation: Record<Audience, NavItem[]> = {
  anonymous: [
    { href: "/", label: "home" },
    { href: "/comment-ca-marche", label: "howItWorks" },
    { href: "/faq", label: "faq" },
    { href: "/devenir-partenaire", label: "becomePartner" },
    { href: "/activites", label: "activities" },
    { href: "/code", label: "visitorEntry" },
    { href: "/connexion", label: "signIn" },
  ],
  visitor: [
    { href: "/offre", label: "offer" },
    { href: "/mon-referent", label: "referent" },
    { href: "/activites", label: "activities" },
  ],
  PARTNER: [
    { href: "/partenaire", label: "partnerHome" },
    { href: "/offre", label: "offer" },
    { href: "/partenaire/reservations", label: "bookings" },
    { href: "/partenaire/personnes", label: "people" },
    { href: "/partenaire/statistiques", label: "statistics" },
    { href: "/comptes", label: "accounts" },
    { href: "/mon-compte", label: "myAccount" },
  ],
  VENUE: [
    { href: "/lieu", label: "venueHome" },
    { href: "/lieu/controle", label: "doorCheck" },
    { href: "/lieu/profil", label: "venueProfile" },
    { href: "/lieu/statistiques", label: "statistics" },
    { href: "/comptes", label: "accounts" },
    { href: "/mon-compte", label: "myAccount" },
  ],
  ADMIN: [
    { href: "/admin", label: "adminHome" },
    { href: "/admin/structures", label: "partners" },
    { href: "/admin/lieux", label: "venues" },
    { href: "/admin/reservations", label: "associationBookings" },
    { href: "/admin/adhesions", label: "memberships" },
    { href: "/admin/activites", label: "adminActivities" },
    { href: "/admin/journal", label: "journal" },
    { href: "/admin/statistiques", label: "statistics" },
    { href: "/admin/import", label: "dataImport" },
    { href: "/offre", label: "offer" },
    { href: "/comptes", label: "accounts" },
    { href: "/admin/courriels", label: "outbox" },
    { href: "/admin/etat", label: "platformState" },
    { href: "/mon-compte", label: "myAccount" },
  ],
};
