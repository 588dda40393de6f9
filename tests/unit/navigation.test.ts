// Issue 29.10: each role's statistics page is in its header menu (they were reachable only from a home
// page's link), and every link of a menu names a page that exists.
import fs from "node:fs";
import path from "node:path";
import { navigation } from "@/lib/navigation";
import messages from "@/messages/fr/site.json";

const pageExists = (href: string) => fs.existsSync(path.join(process.cwd(), "app", href === "/" ? "" : href, "page.tsx"));

describe("the header menus", () => {
  it("offer each role its statistics", () => {
    expect(navigation.ADMIN.map((item) => item.href)).toContain("/admin/statistiques");
    expect(navigation.VENUE.map((item) => item.href)).toContain("/lieu/statistiques");
    expect(navigation.PARTNER.map((item) => item.href)).toContain("/partenaire/statistiques");
  });

  it("offer the association the platform's state (issue 31.3)", () => {
    expect(navigation.ADMIN.map((item) => item.href)).toContain("/admin/etat");
  });

  it("link pages that exist, each with its words", () => {
    for (const items of Object.values(navigation)) {
      for (const item of items) {
        expect([item.href, pageExists(item.href)]).toEqual([item.href, true]);
        expect(messages.nav).toHaveProperty(item.label);
      }
    }
  });
});
