// The CSV downloads' route handlers (lib/http/csv-download.ts): signed out → 401, refused by lib → 403
// in French, otherwise the file as a private attachment with a byte-order mark. The signed-in actor is the
// only thing stood in for (next-auth needs a request); lib and the database are real.
import type { Actor } from "@/lib/auth/actor";
import { GET as bookingsExport } from "@/app/admin/reservations/export/route";
import { GET as journalExport } from "@/app/admin/journal/export/route";
import { GET as venuesExport } from "@/app/admin/lieux/export/route";
import { GET as membersExport } from "@/app/admin/adhesions/export/route";
import { GET as structuresExport } from "@/app/admin/structures/export/route";
import { GET as partnerStatisticsExport } from "@/app/partenaire/statistiques/export/route";
import { adminActor, partnerActor } from "../factories/actors";
import { createPartner } from "../factories";

let actor: Actor;
jest.mock("@/lib/auth/current", () => ({ currentActor: async () => actor }));
// next-intl reads the request's locale in a server component; here the French catalog is given directly.
jest.mock("@/lib/i18n/server", () => {
  const { createTranslator } = jest.requireActual<typeof import("use-intl/core")>("use-intl/core");
  const messages = jest.requireActual<{ default: Record<string, unknown> }>("@/messages/fr").default;
  return { getTranslations: async (namespace?: string) => createTranslator({ locale: "fr", messages, namespace: namespace as never }) };
});

let admin: Actor;
let partner: Actor;
beforeAll(async () => {
  admin = await adminActor();
  partner = await partnerActor((await createPartner()).id);
});

const request = (path: string) => new Request(`http://localhost${path}`);

describe("the association's list exports", () => {
  const exports = [
    {
      name: "bookings",
      get: bookingsExport,
      path: "/admin/reservations/export?tri=lieu&ordre=desc",
      file: /^reservations-\d{4}-\d{2}-\d{2}\.csv$/,
      header: "Numéro;Événement;Séance;Lieu;Structure;Places;État;Demandée le",
    },
    { name: "journal", get: journalExport, path: "/admin/journal/export", file: /^journal-\d{4}-\d{2}-\d{2}\.csv$/, header: null },
    { name: "venues", get: venuesExport, path: "/admin/lieux/export?tri=ville", file: /^lieux-\d{4}-\d{2}-\d{2}\.csv$/, header: null },
    { name: "members", get: membersExport, path: "/admin/adhesions/export?saison=2026", file: /^adherentes-2026-2027\.csv$/, header: null },
    {
      name: "structures",
      get: structuresExport,
      path: "/admin/structures/export?etape=TRAINED",
      file: /^structures-partenaires-\d{4}-\d{2}-\d{2}\.csv$/,
      header: null,
    },
  ];

  it.each(exports)("$name: a private CSV attachment for the association", async ({ get, path, file, header }) => {
    actor = admin;
    const response = await get(request(path));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const filename = /^attachment; filename="([^"]+)"$/.exec(response.headers.get("Content-Disposition") ?? "")?.[1];
    expect(filename).toMatch(file);
    // The byte-order mark's bytes (text() would decode it away): spreadsheets read the file as UTF-8.
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    if (header) expect(bytes.subarray(3).toString("utf8").split("\n")[0]).toBe(header);
  });

  it.each(exports)("$name: 401 signed out, 403 in French for a structure", async ({ get, path }) => {
    actor = { kind: "anonymous" };
    const signedOut = await get(request(path));
    expect(signedOut.status).toBe(401);
    expect(await signedOut.text()).toMatch(/^Connectez-vous pour télécharger/);
    actor = partner;
    const refused = await get(request(path));
    expect(refused.status).toBe(403);
    expect(refused.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await refused.text()).toBe("Réservé à l'équipe de l'association.");
  });
});

describe("a structure's statistics export", () => {
  it("is its own structure's, refused to the association, and names a table that does not exist", async () => {
    actor = partner;
    const own = await partnerStatisticsExport(request("/partenaire/statistiques/export?table=mois&saison=2026"));
    expect(own.status).toBe(200);
    expect(own.headers.get("Content-Disposition")).toBe('attachment; filename="statistiques-mois-2026-2027.csv"');
    const unknown = await partnerStatisticsExport(request("/partenaire/statistiques/export?table=personnes"));
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toMatch(/^Tableau inconnu : choisissez parmi /);
    actor = admin;
    const refused = await partnerStatisticsExport(request("/partenaire/statistiques/export?table=mois"));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe("Réservé aux structures partenaires.");
  });
});
