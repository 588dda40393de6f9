// Issue 31.1: bringing existing data in. Each kind of file (CSV with ";" or ",", UTF-8 with its BOM or
// Windows-1252, XLSX) previews and imports; a second run of the same file changes nothing; a broken row
// is named and refused while the others go in; a broken or too large file is refused whole.
import ExcelJS from "exceljs";
import { applyImport, previewImport } from "@/lib/import/import";
import { importTemplate } from "@/lib/import/templates";
import { getPrisma } from "@/lib/db/client";
import { RuleViolation } from "@/lib/errors";
import { adminActor, partnerActor } from "../factories/actors";
import { createPartner, createVenue } from "../factories";
import { forgetJobsAndMail } from "../support/jobs";

jest.setTimeout(60_000);
beforeEach(() => forgetJobsAndMail());

const utf8 = (text: string) => new Uint8Array(Buffer.from(`\uFEFF${text}`, "utf8"));
/** Windows-1252 as Excel for Windows writes it: é is one byte, 0xE9 (latin1 matches it for these letters). */
const cp1252 = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));

const STRUCTURES = [
  "Nom;Secteur;SIRET;Adresse;Code postal;Ville;Quartier;Téléphone;E-mail;Début de la convention;Fin de la convention;Étape;Référents;E-mails des référents",
  "Foyer Les Tilleuls;Social;123 456 789 00012;3 rue des Lilas;69003;Lyon;Montchat;04 78 00 00 00;contact@tilleuls.test;01/09/2026;31/08/2027;Convention signée;Inès Morel, Karim Saïdi;ines@tilleuls.test, karim@tilleuls.test",
  "Atelier d'insertion Étoile;Insertion;;12 avenue Jaurès;69007;Lyon;;;;;;Rendez-vous prévu;;",
].join("\r\n");

const count = () => getPrisma().partner.count();

describe("a file of structures, CSV with semicolons, UTF-8 with its BOM", () => {
  it("previews each row, imports them with conventions, steps and referents, audited once; a second run changes nothing", async () => {
    const admin = await adminActor();
    const input = { kind: "structures", file: utf8(STRUCTURES), fileName: "structures.csv" };
    const preview = await previewImport(admin, input);
    expect(preview.missing).toEqual([]);
    expect(preview.rows.map((row) => [row.line, row.label, row.action])).toEqual([
      [2, "Foyer Les Tilleuls", "create"],
      [3, "Atelier d'insertion Étoile", "create"],
    ]);

    const result = await applyImport(admin, input);
    expect(result.counts).toEqual({ create: 2, update: 0, unchanged: 0, refuse: 0 });
    const foyer = await getPrisma().partner.findUniqueOrThrow({ where: { siret: "12345678900012" }, include: { conventions: true, users: true, steps: true } });
    expect(foyer).toMatchObject({
      name: "Foyer Les Tilleuls",
      sector: "SOCIAL",
      postalCode: "69003",
      city: "Lyon",
      area: "Montchat",
      email: "contact@tilleuls.test",
      stage: "CONVENTION_SIGNED",
    });
    expect(foyer.conventions.map((c) => [c.validFrom.toISOString().slice(0, 10), c.validUntil.toISOString().slice(0, 10)])).toEqual([
      ["2026-09-01", "2027-08-31"],
    ]);
    expect(foyer.users.map((u) => [u.name, u.email, u.role]).sort()).toEqual([
      ["Inès Morel", "ines@tilleuls.test", "PARTNER"],
      ["Karim Saïdi", "karim@tilleuls.test", "PARTNER"],
    ]);
    const journal = await getPrisma().auditLog.findMany({ where: { action: "import.applied" } });
    expect(journal).toHaveLength(1);
    expect(journal[0]!.after).toMatchObject({ kind: "structures", file: "structures.csv", create: 2, update: 0, refuse: 0, invited: 0 });
    // No invitation unless asked.
    expect(await getPrisma().outboxMail.count()).toBe(0);

    const before = {
      partners: await count(),
      users: await getPrisma().user.count(),
      conventions: await getPrisma().convention.count(),
      steps: await getPrisma().onboardingStep.count(),
    };
    const again = await applyImport(admin, input);
    expect(again).toEqual({ counts: { create: 0, update: 0, unchanged: 2, refuse: 0 }, invited: 0, importId: null });
    expect({
      partners: await count(),
      users: await getPrisma().user.count(),
      conventions: await getPrisma().convention.count(),
      steps: await getPrisma().onboardingStep.count(),
    }).toEqual(before);
    expect(await getPrisma().auditLog.count({ where: { action: "import.applied" } })).toBe(1);
  });

  it("finds a structure without SIRET by its name and postcode, whatever the accents and case, and updates what differs (the app's spelling of the name stays)", async () => {
    const admin = await adminActor();
    const existing = await createPartner({ name: "Centre Social Éole", postalCode: "69008", city: "Lyon" });
    const file = utf8("Nom;Secteur;Code postal;Ville;Téléphone\nCENTRE SOCIAL EOLE;Social;69008;Lyon;04 72 00 00 00");
    const preview = await previewImport(admin, { kind: "structures", file });
    expect(preview.rows[0]).toMatchObject({ action: "update", changes: ["téléphone : «  » → « 04 72 00 00 00 »"] });
    await applyImport(admin, { kind: "structures", file });
    expect(await getPrisma().partner.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ name: "Centre Social Éole", phone: "04 72 00 00 00" });
  });

  it("sends the referents' invitations through the mail queue only when asked", async () => {
    const admin = await adminActor();
    const file = utf8("Nom;Secteur;Code postal;Référents;E-mails des référents\nMaison Relais Invitée;Social;69001;Lou Bernard;lou@relais.test");
    await applyImport(admin, { kind: "structures", file, invite: true });
    const user = await getPrisma().user.findUniqueOrThrow({ where: { email: "lou@relais.test" } });
    expect(await getPrisma().outboxMail.count({ where: { userId: user.id, kind: "ACCOUNT_INVITATION" } })).toBe(1);
  });
});

describe("a CSV with commas in Windows-1252", () => {
  it("reads the accents right and imports", async () => {
    const admin = await adminActor();
    const file = cp1252("Nom,Secteur,Code postal,Ville\nRésidence Hélène Boucher,Médico-social,38000,Grenoble\n");
    const preview = await previewImport(admin, { kind: "structures", file });
    expect(preview.rows).toEqual([expect.objectContaining({ label: "Résidence Hélène Boucher", action: "create" })]);
    await applyImport(admin, { kind: "structures", file });
    expect(await getPrisma().partner.findFirstOrThrow({ where: { name: "Résidence Hélène Boucher" } })).toMatchObject({
      sector: "MEDICO_SOCIAL",
      city: "Grenoble",
    });
  });
});

describe("an XLSX file of venues", () => {
  it("previews, imports with its managers and accessibility, and a second run changes nothing", async () => {
    const admin = await adminActor();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Lieux");
    sheet.addRow(["Nom du lieu", "Type", "Adresse", "CP", "Ville", "Téléphone de la billetterie", "Accessibilité", "Responsables", "E-mails des responsables"]);
    sheet.addRow([
      "Théâtre des Célestins",
      "Théâtre",
      "4 rue Charles Dullin",
      69002,
      "Lyon",
      "04 72 77 40 00",
      "fauteuil, LSF",
      "Anne Rey",
      "anne@celestins.test",
    ]);
    const file = new Uint8Array(await workbook.xlsx.writeBuffer());
    const preview = await previewImport(admin, { kind: "lieux", file });
    expect(preview.rows).toEqual([expect.objectContaining({ label: "Théâtre des Célestins", action: "create", reasons: [] })]);
    await applyImport(admin, { kind: "lieux", file });
    const venue = await getPrisma().venue.findFirstOrThrow({ where: { name: "Théâtre des Célestins" }, include: { managers: { include: { user: true } } } });
    expect(venue).toMatchObject({ kind: "THEATRE", postalCode: "69002", ticketOfficePhone: "04 72 77 40 00", slug: "theatre-des-celestins" });
    expect(venue.accessibility.sort()).toEqual(["SIGN_LANGUAGE", "WHEELCHAIR"]);
    expect(venue.managers.map((m) => m.user.email)).toEqual(["anne@celestins.test"]);
    expect(await applyImport(admin, { kind: "lieux", file })).toMatchObject({ counts: { create: 0, update: 0, unchanged: 1, refuse: 0 }, importId: null });
  });
});

describe("a file of referents and managers alone", () => {
  it("attaches each to its structure or venue by name", async () => {
    const admin = await adminActor();
    const partner = await createPartner({ name: "Foyer Rattaché", postalCode: "69005" });
    const venue = await createVenue({ name: "Musée Rattaché", postalCode: "69001" });
    const file = utf8(
      "Nom;E-mail;Structure ou lieu\nJeanne Roux;jeanne@rattache.test;foyer rattache\nPaul Roux;paul@rattache.test;Musée Rattaché\nNul Part;nul@rattache.test;Inconnue",
    );
    const preview = await previewImport(admin, { kind: "personnes", file });
    expect(preview.rows.map((row) => row.action)).toEqual(["create", "create", "refuse"]);
    expect(preview.rows[2]!.reasons).toEqual(["Aucune structure ni aucun lieu ne s'appelle « Inconnue »."]);
    await applyImport(admin, { kind: "personnes", file });
    expect(await getPrisma().user.findUniqueOrThrow({ where: { email: "jeanne@rattache.test" } })).toMatchObject({ role: "PARTNER", partnerId: partner.id });
    expect(await getPrisma().venueManager.count({ where: { venueId: venue.id, user: { email: "paul@rattache.test" } } })).toBe(1);
    expect((await previewImport(admin, { kind: "personnes", file })).counts).toEqual({ create: 0, update: 0, unchanged: 2, refuse: 1 });
  });
});

describe("broken rows and broken files", () => {
  it("names each broken row and why, in French, and imports only the others", async () => {
    const admin = await adminActor();
    const file = utf8(
      [
        "Nom;Secteur;Code postal;E-mail;Début de la convention;Fin de la convention",
        ";Social;69001;;;",
        "Foyer Sans Secteur;Culture;69001;;;",
        "Foyer Adresse;Social;69001;pas-une-adresse;;",
        "Foyer Convention;Social;69001;;01/09/2027;31/08/2027",
        "Foyer Bon;Social;69001;;;",
        "foyer bon;Social;69001;;;",
      ].join("\n"),
    );
    const preview = await previewImport(admin, { kind: "structures", file });
    expect(preview.rows.map((row) => [row.line, row.action, row.reasons])).toEqual([
      [2, "refuse", ["Le nom manque."]],
      [3, "refuse", ["Secteur inconnu : « Culture » (social, insertion, soin, handicap ou médico-social)."]],
      [4, "refuse", ["« pas-une-adresse » n'est pas une adresse e-mail."]],
      [5, "refuse", ["La convention finit (31/08/2027) avant de commencer (01/09/2027)."]],
      [6, "create", []],
      [7, "refuse", ["Doublon de la ligne 6 (même nom et code postal)."]],
    ]);
    const before = await count();
    expect((await applyImport(admin, { kind: "structures", file })).counts).toEqual({ create: 1, update: 0, unchanged: 0, refuse: 5 });
    expect(await count()).toBe(before + 1);
  });

  it.each([
    ["a CSV with an unclosed quote", utf8('Nom;Secteur\n"Foyer Ouvert;Social\nFoyer Fermé;Social'), /mal formé/],
    ["a file that only looks like XLSX", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /XLSX/],
    ["an empty file", new Uint8Array(), /vide/],
    [
      "more rows than allowed",
      utf8(`Nom;Secteur\n${Array.from({ length: 10_001 }, (_, i) => `Foyer ${i};Social`).join("\n")}`),
      /10000 permises|10 000|permises/,
    ],
  ])("refuses %s in French and imports nothing", async (_name, file, message) => {
    const admin = await adminActor();
    const before = await count();
    await expect(previewImport(admin, { kind: "structures", file })).rejects.toThrow(message);
    await expect(applyImport(admin, { kind: "structures", file })).rejects.toBeInstanceOf(RuleViolation);
    expect(await count()).toBe(before);
  });

  it("is the association's alone", async () => {
    const partner = await createPartner();
    await expect(previewImport(await partnerActor(partner.id), { kind: "structures", file: utf8(STRUCTURES) })).rejects.toThrow("Réservé");
  });
});

describe("the templates", () => {
  it.each(["structures", "lieux", "personnes"])("the template of %s previews as one row accepted, every column recognised", async (kind) => {
    const admin = await adminActor();
    // The example row names the structure of the first test: create it when this test runs alone.
    if (kind === "personnes" && !(await getPrisma().partner.count({ where: { name: "Foyer Les Tilleuls" } })))
      await createPartner({ name: "Foyer Les Tilleuls", postalCode: "69003" });
    const { csv } = importTemplate(admin, kind);
    const preview = await previewImport(admin, { kind, file: new Uint8Array(Buffer.from(csv, "utf8")) });
    expect(Object.values(preview.mapping)).not.toContain(null);
    expect(preview.rows).toEqual([expect.objectContaining({ reasons: [] })]);
    expect(["create", "update"]).toContain(preview.rows[0]!.action);
  });
});
