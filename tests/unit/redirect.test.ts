// Hardening item 9 and issue 27.2: after sign-in, ?suite= sends only to a path of this site, read as a
// browser reads it, and the path handed back must itself be read by a browser as a path of this site.
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

  // Issue 27.2: dot segments removed by the URL parser left a path starting with "//".
  it.each([
    "/.//evil.example/phish",
    "/..//evil.example",
    "/%2e//evil.example",
    "/a/..//evil.example",
    "/./%5Cevil.example",
    "/.\\/evil.example",
    "/%2e%2e//evil.example",
    "/a/%2e%2e//evil.example",
    "/./\\evil.example",
    "/.\t//evil.example",
  ])("refuses %j, which a browser would take off the site after dot segments", (value) => {
    expect(safeRedirectPath(value)).toBe("/accueil");
  });

  // A corpus of known open-redirect bypasses (backslashes, encoded dots and slashes, control characters,
  // scheme without slashes, protocol-relative forms).
  it.each([
    "/\t/evil.example",
    "\\/\\/evil.example",
    "\\\\evil.example",
    "/%09/evil.example",
    "/%0a/evil.example",
    "/%0d/evil.example",
    "/%2f%2fevil.example",
    "/%2F%2Fevil.example",
    "/%5c%5cevil.example",
    "/%5Cevil.example",
    "/%2f/evil.example",
    "/%252f%252fevil.example",
    "https:evil.example",
    "http:/evil.example",
    "https:/\\evil.example",
    "//evil.example",
    "///evil.example",
    "////evil.example",
    "/\\/evil.example",
    "/ /evil.example",
    "/\u0000/evil.example",
    " //evil.example",
    "\t//evil.example",
    "//evil.example@billetterie.invalid",
    "/\r\n/evil.example",
    "//%65vil.example",
    "/\u3002/evil.example",
    "/.%2f/evil.example",
    "/.%5c/evil.example",
    "/..%2f..%2f/evil.example",
    "data:text/html,<script>alert(1)</script>",
    "JaVaScRiPt:alert(1)",
    "/?x=1#//evil.example/..//evil.example",
  ])("does not let the known bypass %j leave the site", (value) => {
    const result = safeRedirectPath(value);
    // Either refused outright, or a path a browser reads on this site, and stable when read again.
    expect(safeRedirectPath(result, "/refus")).toBe(result);
    expect(new URL(result, "http://billetterie.invalid").origin).toBe("http://billetterie.invalid");
    expect(result).toMatch(/^\/(?![/\\])/);
    expect(result).not.toMatch(/[\t\n\r\\]/);
  });

  it.each(["/.//evil.example/phish", "/%2f%2fevil.example", "/%5Cevil.example", "/%09/evil.example", "/.%2f/evil.example"])(
    "never hands back a path whose decoded form starts with two slashes: %j",
    (value) => {
      const result = safeRedirectPath(value);
      expect(decodeURIComponent(result)).toMatch(/^\/(?![/\\])/);
    },
  );

  it("keeps a path of the site with its query and fragment, and drops a newline", () => {
    expect(safeRedirectPath("/offre?quand=mois&page=2#liste")).toBe("/offre?quand=mois&page=2#liste");
    expect(safeRedirectPath("/partenaire/\nreservations")).toBe("/partenaire/reservations");
    expect(safeRedirectPath("/partenaire/./reservations/../reservations")).toBe("/partenaire/reservations");
    expect(safeRedirectPath("/")).toBe("/");
    expect(safeRedirectPath(undefined, "/lieu")).toBe("/lieu");
  });
});
