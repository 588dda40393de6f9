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
  ],
  visitor: [
    { href: "/offre", label: "offer" },
    { href: "/mon-referent", label: "referent" },
  ],
  PARTNER: [
    { href: "/partenaire", label: "partnerHome" },
    { href: "/offre", label: "offer" },
    { href: "/partenaire/reservations", label: "bookings" },
    { href: "/partenaire/personnes", label: "people" },
  ],
  VENUE: [
    { href: "/lieu", label: "venueHome" },
    { href: "/lieu/evenements", label: "events" },
    { href: "/lieu/controle", label: "doorCheck" },
  ],
  ADMIN: [
    { href: "/admin", label: "adminHome" },
    { href: "/admin/partenaires", label: "partners" },
    { href: "/admin/lieux", label: "venues" },
    { href: "/admin/reservations", label: "bookings" },
  ],
};
