// Issue 14: the association's forms never list every structure, venue or account; they are found by typing.
import type { Actor } from "@/lib/auth/actor";
import { CHOICES_SHOWN, choiceById, searchChoices } from "@/lib/association/choices";
import { randomUUID } from "node:crypto";
import { getPrisma } from "@/lib/db/client";
import { AccessDeniedError } from "@/lib/errors";
import { adminActor, partnerActor } from "../factories/actors";
import { createPartner, createVenue } from "../factories";

let admin: Actor;
beforeEach(async () => {
  admin = await adminActor();
});

describe("finding a structure or a venue by typing", () => {
  it("finds by a part of the name or the town, whatever the case, first ones by name", async () => {
    await createPartner({ name: "CHRS L'Escale", city: "Lyon" });
    await createPartner({ name: "Foyer de l'escalier", city: "Villeurbanne" });
    await createPartner({ name: "Maison Relais", city: "Escalquens" });
    await createPartner({ name: "Accueil de jour", city: "Lyon" });
    const found = await searchChoices(admin, "PARTNER", "ESCAL");
    expect(found.map((choice) => choice.name)).toEqual(["CHRS L'Escale", "Foyer de l'escalier", "Maison Relais"]);
    expect(found[0]).toMatchObject({ detail: "Lyon" });
    expect((await searchChoices(admin, "PARTNER", "lyon")).map((choice) => choice.name)).toEqual(["Accueil de jour", "CHRS L'Escale"]);
  });

  it("shows a few matches only, and nothing for less than two letters", async () => {
    for (let i = 0; i < CHOICES_SHOWN + 3; i++) await createVenue({ name: `Théâtre numéro ${String(i).padStart(2, "0")}` });
    expect(await searchChoices(admin, "VENUE", "numéro")).toHaveLength(CHOICES_SHOWN);
    expect(await searchChoices(admin, "VENUE", "n")).toEqual([]);
    expect(await searchChoices(admin, "VENUE", " \u200b")).toEqual([]);
    expect(await searchChoices(admin, "VENUE", { not: "text" })).toEqual([]);
  });

  it("gives the one chosen by its id, or nothing for what is not one", async () => {
    const venue = await createVenue({ name: "Théâtre des Lilas", city: "Lyon" });
    await expect(choiceById(admin, "VENUE", venue.id)).resolves.toEqual({ id: venue.id, name: "Théâtre des Lilas", detail: "Lyon" });
    await expect(choiceById(admin, "PARTNER", venue.id)).resolves.toBeNull();
    await expect(choiceById(admin, "VENUE", "pas-un-id")).resolves.toBeNull();
    await expect(choiceById(admin, "VENUE", undefined)).resolves.toBeNull();
  });

  it("finds an account by a part of its name or address, for the journal's filter, and gives it back by id", async () => {
    const prisma = getPrisma();
    const unique = randomUUID().slice(0, 8);
    const nadia = await prisma.user.create({ data: { email: `nadia.${unique}@glycines.test`, name: `Nadia Benali ${unique}`, role: "ADMIN" } });
    await prisma.user.create({ data: { email: `paul.${unique}@lilas.test`, name: `Paul Roux ${unique}`, role: "ADMIN" } });
    expect((await searchChoices(admin, "ACCOUNT", `benali ${unique}`)).map((choice) => choice.id)).toEqual([nadia.id]);
    expect(await searchChoices(admin, "ACCOUNT", `glycines.test`)).toContainEqual({ id: nadia.id, name: nadia.name, detail: nadia.email });
    expect((await searchChoices(admin, "ACCOUNT", unique)).map((choice) => choice.name)).toEqual([`Nadia Benali ${unique}`, `Paul Roux ${unique}`]);
    await expect(choiceById(admin, "ACCOUNT", nadia.id)).resolves.toEqual({ id: nadia.id, name: nadia.name, detail: nadia.email });
    const structure = await createPartner({ name: "Foyer" });
    await expect(choiceById(admin, "ACCOUNT", structure.id)).resolves.toBeNull();
  });

  it("is for the association's team only", async () => {
    const partner = await createPartner({ name: "CHRS L'Escale" });
    await expect(searchChoices(await partnerActor(partner.id), "PARTNER", "Escale")).rejects.toBeInstanceOf(AccessDeniedError);
  });
});
