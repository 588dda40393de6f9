// Hardening item 9: after sign-in, ?suite= sends only to a path of this site, read as a browser reads it.
import { safeRedirectPath } from "@/lib/http/redirect";

describe("where to go after signing in", () => {
  it.each([
    "/\\evil.example", // what /%5Cevil.example decodes to: a browser reads //evil.example
    "/\t/evil.example", // /%09/evil.example
    "/\n/evil.example",
    "//evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "",
  ])("refuses %j", (value) => {
    expect(safeRedirectPath(value)).toBe("/accueil");
  });

  it("keeps a path of the site with its query and fragment, and drops a newline", () => {
    expect(safeRedirectPath("/offre?quand=mois&page=2#liste")).toBe("/offre?quand=mois&page=2#liste");
    expect(safeRedirectPath("/partenaire/\nreservations")).toBe("/partenaire/reservations");
    expect(safeRedirectPath(undefined, "/lieu")).toBe("/lieu");
  });
});
