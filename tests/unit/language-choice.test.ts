// Issue 34.1: the visitor's language applies to the person's pages only, never to a member of staff, and
// falls back to French on anything it does not know.
import { directionOf, languageFor, languageOf, isPersonPage, LANGUAGES } from "@/lib/i18n/languages";

describe("the language of a request", () => {
  it("is the visitor's choice on the person's pages", () => {
    for (const path of ["/offre", "/offre/0190a1b2-0000-7000-8000-000000000001", "/offre/avis", "/mon-referent", "/faq/facile"]) {
      expect(languageFor({ cookie: "ar", path, staff: false })).toBe("ar");
    }
  });

  it("stays French on the staff's pages, the booking form and the public pages", () => {
    for (const path of ["/partenaire", "/admin", "/offre/abc/reserver/def", "/faq", "/", "/connexion"]) {
      expect(languageFor({ cookie: "ar", path, staff: false })).toBe("fr");
    }
    expect(isPersonPage("/offrezzz")).toBe(false);
  });

  it("stays French for a signed-in member of staff, whatever the cookie", () => {
    expect(languageFor({ cookie: "uk", path: "/offre", staff: true })).toBe("fr");
  });

  it("ignores a cookie that names no language, and a request whose page is unknown", () => {
    expect(languageFor({ cookie: "de", path: "/offre", staff: false })).toBe("fr");
    expect(languageFor({ cookie: undefined, path: "/offre", staff: false })).toBe("fr");
    expect(languageFor({ cookie: "ar", path: null, staff: false })).toBe("fr");
  });

  it("names each language in its own words, right to left for Arabic and Dari", () => {
    expect(LANGUAGES.map((language) => language.name)).toEqual(["Français", "English", "العربية", "دری", "Українська", "Русский"]);
    expect(LANGUAGES.filter((language) => directionOf(language.code) === "rtl").map((language) => language.code)).toEqual(["ar", "fa-AF"]);
    // getLocale() gives the `intl` locale: it leads back to its language.
    expect(languageOf("fa-AF-u-nu-latn").code).toBe("fa-AF");
  });
});
