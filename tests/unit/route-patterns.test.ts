// Issue 31.3: logs and metrics name a request by its route's pattern in app/, never by its path (ids,
// tokens), and a path no page answers by one fixed label.
import path from "node:path";
import { readRoutes, routeMatcher, UNKNOWN_ROUTE } from "@/lib/observability/routes";

const routeOf = routeMatcher(readRoutes(path.join(process.cwd(), "app")));

describe("route patterns", () => {
  it("replaces ids and tokens by the segment's name, and drops the query", () => {
    expect(routeOf("/admin/structures/0199a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b?onglet=x")).toBe("/admin/structures/[id]");
    expect(routeOf("/agenda/secret-feed-token")).toBe("/agenda/[token]");
    expect(routeOf("/mot-de-passe/reset-token-123")).toBe("/mot-de-passe/[token]");
    expect(routeOf("/offre/e1/reserver/s2")).toBe("/offre/[eventId]/reserver/[sessionId]");
    expect(routeOf("/api/auth/callback/credentials")).toBe("/api/auth/[...nextauth]");
  });

  it("prefers a literal segment to a parameter at the same place", () => {
    expect(routeOf("/lieu/evenements/nouveau")).toBe("/lieu/evenements/nouveau");
    expect(routeOf("/lieu/evenements/abc")).toBe("/lieu/evenements/[eventId]");
    expect(routeOf("/offre/avis")).toBe("/offre/avis");
    expect(routeOf("/")).toBe("/");
  });

  it("gives one label to what no page answers, and to Next.js' own files", () => {
    expect(routeOf("/wp-login.php")).toBe(UNKNOWN_ROUTE);
    expect(routeOf("/nulle-part/ESCALE26")).toBe(UNKNOWN_ROUTE);
    expect(routeOf("/_next/static/chunks/app.js")).toBe("/_next");
  });
});
