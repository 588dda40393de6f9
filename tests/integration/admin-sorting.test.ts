// Issue 11, "every list sortable": the association's activities (/admin/activites) and the accounts
// (/comptes) follow the lists' convention (lib/lists.ts): `tri` names a column of the list's
// whitelist, `ordre` is asc|desc (the column's natural direction without it), the id breaks ties; a `tri`
// outside the whitelist is ignored (the default order), never an error; the pages hold every row once.
import { listActivities, readActivityFilters } from "@/lib/activities/admin";
import type { Actor } from "@/lib/auth/actor";
import { listAccounts, readAccountFilters } from "@/lib/auth/account-list";
import { getPrisma } from "@/lib/db/client";
import { parisTime } from "@/lib/time";
import { adminActor, partnerActor, venueActor } from "../factories/actors";
import { createPartner, createVenue } from "../factories";
import { preparedStatements, statementsOf } from "../support/statements";

jest.setTimeout(60_000);

const NOW = parisTime("2031-06-01", 10);
let admin: Actor;
let tokens = 0;
/** A word found in no other row: each test reads its own rows only (search by it). */
const token = () => `zq${process.pid}x${++tokens}`;
/** Two ids in the database's order (uuid compares byte by byte, as their lower-case text does). */
const ordered = (a: string, b: string) => (a < b ? [a, b] : [b, a]) as [string, string];

beforeAll(async () => {
  admin = await adminActor();
});

describe("the association's activities (listActivities)", () => {
  /**
   * To come: Alpha (workshop, 5 June, 5 registered), Bravo (training, 10 June, 3), and Charlie twice
   * (meeting, 20 June, 3: every column ties but the id). Past: Delta (1 May, 2), Echo (20 May, 1), and
   * Foxtrot starting at the very moment of the list (past: it has begun).
   */
  async function activitiesWorld() {
    const tok = token();
    const add = async (title: string, kind: "MEETING" | "TRAINING" | "WORKSHOP", startsAt: Date, confirmedPlaces: number) =>
      (
        await getPrisma().activity.create({
          data: { kind, title: `${title} ${tok}`, startsAt, place: "Maison des associations", capacity: 10, confirmedPlaces },
          select: { id: true },
        })
      ).id;
    const alpha = await add("Alpha", "WORKSHOP", parisTime("2031-06-05", 18), 5);
    const bravo = await add("Bravo", "TRAINING", parisTime("2031-06-10", 18), 3);
    const [c1, c2] = ordered(await add("Charlie", "MEETING", parisTime("2031-06-20", 18), 3), await add("Charlie", "MEETING", parisTime("2031-06-20", 18), 3));
    const delta = await add("Delta", "WORKSHOP", parisTime("2031-05-01", 18), 2);
    const echo = await add("Echo", "TRAINING", parisTime("2031-05-20", 18), 1);
    const foxtrot = await add("Foxtrot", "MEETING", NOW, 0);
    const ids = async (query: Record<string, unknown>, options: { pageSize?: number } = {}) =>
      (await listActivities(admin, readActivityFilters({ q: tok, ...query } as Record<string, string>), { now: NOW, ...options })).activities.map(
        (row) => row.id,
      );
    return { tok, alpha, bravo, c1, c2, delta, echo, foxtrot, ids };
  }

  it("keeps its default order: those to come the soonest first, past ones the latest first, each list apart", async () => {
    const { alpha, bravo, c1, c2, delta, echo, foxtrot, ids } = await activitiesWorld();
    expect(await ids({})).toEqual([alpha, bravo, c1, c2]);
    expect(await ids({ quand: "avenir" })).toEqual([alpha, bravo, c1, c2]);
    expect(await ids({ quand: "passees" })).toEqual([foxtrot, echo, delta]);
  });

  it("sorts by date, title, type and registered places, both ways, the id breaking ties", async () => {
    const { alpha, bravo, c1, c2, delta, echo, foxtrot, ids } = await activitiesWorld();
    expect(await ids({ tri: "date" })).toEqual([alpha, bravo, c1, c2]);
    expect(await ids({ tri: "date", ordre: "desc" })).toEqual([c2, c1, bravo, alpha]);
    expect(await ids({ quand: "passees", tri: "date" })).toEqual([foxtrot, echo, delta]);
    expect(await ids({ quand: "passees", tri: "date", ordre: "asc" })).toEqual([delta, echo, foxtrot]);
    expect(await ids({ tri: "titre" })).toEqual([alpha, bravo, c1, c2]);
    expect(await ids({ tri: "titre", ordre: "desc" })).toEqual([c2, c1, bravo, alpha]);
    expect(await ids({ tri: "type" })).toEqual([c1, c2, bravo, alpha]);
    expect(await ids({ tri: "type", ordre: "desc" })).toEqual([alpha, bravo, c2, c1]);
    // The most registered first by default; equal counts by date (the list's own direction), then id.
    expect(await ids({ tri: "inscrits" })).toEqual([alpha, bravo, c2, c1]);
    expect(await ids({ tri: "inscrits", ordre: "asc" })).toEqual([bravo, c1, c2, alpha]);
    expect(await ids({ quand: "passees", tri: "inscrits" })).toEqual([delta, echo, foxtrot]);
  });

  it("ignores a column outside its whitelist (the default order), and an unreadable direction or place in time", async () => {
    const { alpha, bravo, c1, c2, ids } = await activitiesWorld();
    expect(readActivityFilters({ tri: `"startsAt"; DROP TABLE "Activity"; --`, ordre: "sideways", quand: "hier", page: "-3" })).toEqual({ page: 1 });
    expect(await ids({ tri: "capacity" })).toEqual([alpha, bravo, c1, c2]);
    expect(await ids({ tri: `"startsAt"; DROP TABLE "Activity"; --`, ordre: "desc" })).toEqual([alpha, bravo, c1, c2]);
    expect(await ids({ tri: "titre", ordre: "sideways" })).toEqual([alpha, bravo, c1, c2]);
  });

  it("goes a page at a time, no activity on two pages or on none, in any order", async () => {
    const { tok, ids } = await activitiesWorld();
    for (const query of [{}, { tri: "inscrits" }, { tri: "titre", ordre: "desc" }, { tri: "type" }]) {
      const first = await ids({ ...query, page: "1" }, { pageSize: 3 });
      const second = await ids({ ...query, page: "2" }, { pageSize: 3 });
      expect(first).toHaveLength(3);
      expect([...first, ...second]).toEqual(await ids(query));
      expect(new Set([...first, ...second]).size).toBe(4);
    }
    const page = await listActivities(admin, { text: tok, page: 2 }, { now: NOW, pageSize: 3 });
    expect(page).toMatchObject({ total: 4, page: 2, pageCount: 2 });
    // A page past the end is empty, not an error.
    expect((await listActivities(admin, readActivityFilters({ q: tok, page: "9" }), { now: NOW, pageSize: 3 })).activities).toEqual([]);
  });
});

describe("the accounts (listAccounts)", () => {
  /**
   * Six accounts: Bravo (the association's), Alpha and Delta (deactivated) of the structure Kiwi, Charlie
   * (invitation pending) managing the venues Mango and Lime, and two association accounts named Echo with
   * nothing else to tell them apart but their id.
   */
  async function accountsWorld() {
    const tok = token();
    const kiwi = await createPartner({ name: `Kiwi ${tok}` });
    const mango = await createVenue({ name: `Mango ${tok}` });
    const lime = await createVenue({ name: `Lime ${tok}` });
    const add = async (
      name: string,
      mail: string,
      data: { role: "ADMIN" | "PARTNER" | "VENUE"; partnerId?: string; active?: boolean; pending?: boolean; venues?: string[] },
    ) =>
      (
        await getPrisma().user.create({
          data: {
            name: `${name} ${tok}`,
            email: `${mail}-${tok}@exemple.test`,
            role: data.role,
            partnerId: data.partnerId,
            active: data.active ?? true,
            passwordHash: data.pending ? null : "not-a-real-hash",
            managedVenues: data.venues ? { create: data.venues.map((venueId) => ({ venueId })) } : undefined,
          },
          select: { id: true },
        })
      ).id;
    const bravo = await add("Bravo", "c", { role: "ADMIN" });
    const alpha = await add("Alpha", "b", { role: "PARTNER", partnerId: kiwi.id });
    const charlie = await add("Charlie", "e", { role: "VENUE", pending: true, venues: [mango.id, lime.id] });
    const delta = await add("Delta", "a", { role: "PARTNER", partnerId: kiwi.id, active: false });
    const echoD1 = await add("Echo", "d1", { role: "ADMIN" });
    const echoD2 = await add("Echo", "d2", { role: "ADMIN" });
    const [echo1, echo2] = ordered(echoD1, echoD2);
    const ids = async (query: Record<string, unknown>, { actor = admin, pageSize }: { actor?: Actor; pageSize?: number } = {}) =>
      (await listAccounts(actor, { ...readAccountFilters({ q: tok, ...query } as Record<string, string>), pageSize })).accounts.map((row) => row.id);
    return { tok, kiwi, mango, lime, bravo, alpha, charlie, delta, echo1, echo2, echoD1, echoD2, ids };
  }

  it("keeps its default order: by role (association, structures, venues), then by name, the id breaking ties", async () => {
    const { bravo, alpha, charlie, delta, echo1, echo2, ids } = await accountsWorld();
    expect(await ids({})).toEqual([bravo, echo1, echo2, alpha, delta, charlie]);
    expect(await ids({ tri: "role" })).toEqual([bravo, echo1, echo2, alpha, delta, charlie]);
    expect(await ids({ tri: "role", ordre: "desc" })).toEqual([charlie, delta, alpha, echo2, echo1, bravo]);
  });

  it("sorts by name, address, structure or venue, and state, both ways", async () => {
    const { tok, bravo, alpha, charlie, delta, echo1, echo2, echoD1, echoD2, ids } = await accountsWorld();
    expect(await ids({ tri: "nom" })).toEqual([alpha, bravo, charlie, delta, echo1, echo2]);
    expect(await ids({ tri: "nom", ordre: "desc" })).toEqual([echo2, echo1, delta, charlie, bravo, alpha]);
    expect(await ids({ tri: "email" })).toEqual([delta, alpha, bravo, echoD1, echoD2, charlie]);
    expect(await ids({ tri: "email", ordre: "desc" })).toEqual([charlie, echoD2, echoD1, bravo, alpha, delta]);
    // The structure of a referent, the first venue (A→Z) of a manager; the association's accounts last either way.
    expect(await ids({ tri: "structure" })).toEqual([alpha, delta, charlie, bravo, echo1, echo2]);
    expect(await ids({ tri: "structure", ordre: "desc" })).toEqual([charlie, delta, alpha, echo2, echo1, bravo]);
    // Active, then invitation pending, then deactivated.
    expect(await ids({ tri: "etat" })).toEqual([alpha, bravo, echo1, echo2, charlie, delta]);
    expect(await ids({ tri: "etat", ordre: "desc" })).toEqual([delta, charlie, echo2, echo1, bravo, alpha]);
    const { accounts } = await listAccounts(admin, readAccountFilters({ q: tok, tri: "structure" }));
    expect(accounts.map((row) => row.structure)).toEqual([`Kiwi ${tok}`, `Kiwi ${tok}`, `Lime ${tok}, Mango ${tok}`, null, null, null]);
  });

  it("ignores a column outside its whitelist (the default order), and reads a search typed with wildcards as text", async () => {
    const { tok, bravo, alpha, charlie, delta, echo1, echo2, ids } = await accountsWorld();
    expect(readAccountFilters({ tri: `u."passwordHash"`, ordre: "sideways", page: "abc" })).toEqual({ page: 1 });
    expect(await ids({ tri: "lastSignInAt" })).toEqual([bravo, echo1, echo2, alpha, delta, charlie]);
    expect(await ids({ tri: `"name"; DROP TABLE "User"; --`, ordre: "desc" })).toEqual([bravo, echo1, echo2, alpha, delta, charlie]);
    expect(await ids({ q: `${tok}%` })).toEqual([]);
    expect(await ids({ q: `Ech_ ${tok}` })).toEqual([]);
  });

  it("reads a page of accounts in two statements, its count and its rows with their structure or venues (issue 35.2)", async () => {
    // The page once took six round trips (the count, the ids, then each account, structure, manager and
    // venue apart): under 16 clients on two cores they were most of what the accounts page waited for.
    const { tok, charlie } = await accountsWorld();
    for (const query of [{}, { tri: "structure", ordre: "desc" }]) {
      const { result, statements } = await statementsOf(() => listAccounts(admin, { ...readAccountFilters({ q: tok, ...query }), pageSize: 25 }));
      expect(statements).toBeLessThanOrEqual(2);
      expect(result.accounts.find((row) => row.id === charlie)).toMatchObject({
        role: "VENUE",
        active: true,
        pending: true,
        structure: `Lime ${tok}, Mango ${tok}`,
      });
    }
    // Both prepared once per connection: PostgreSQL plans them once, not on every view (decision 032).
    const prepared = await preparedStatements();
    expect(prepared.some((text) => text.includes('SELECT count(*)::int AS "total" FROM "User" u'))).toBe(true);
    expect(prepared.some((text) => text.includes('"passwordHash" IS NULL AS "pending"'))).toBe(true);
  });

  it("goes a page at a time, no account on two pages or on none, in any order", async () => {
    const { tok, ids } = await accountsWorld();
    for (const query of [{}, { tri: "structure", ordre: "desc" }, { tri: "etat" }, { tri: "nom" }]) {
      const first = await ids({ ...query, page: 1 }, { pageSize: 4 });
      const second = await ids({ ...query, page: "2" }, { pageSize: 4 });
      expect(first).toHaveLength(4);
      expect([...first, ...second]).toEqual(await ids(query));
      expect(new Set([...first, ...second]).size).toBe(6);
    }
    expect(await listAccounts(admin, { text: tok, page: 2, pageSize: 4 })).toMatchObject({ total: 6, page: 2, pageCount: 2 });
  });

  it("sorts within what the actor may see: a structure's referent, a venue's manager", async () => {
    const { kiwi, mango, alpha, charlie, delta, ids } = await accountsWorld();
    const referent = await partnerActor(kiwi.id);
    expect(await ids({ tri: "nom", ordre: "desc" }, { actor: referent })).toEqual([delta, alpha]);
    expect(await ids({ tri: "etat", ordre: "desc" }, { actor: referent })).toEqual([delta, alpha]);
    expect(await ids({ tri: "structure" }, { actor: await venueActor(mango.id) })).toEqual([charlie]);
  });
});
