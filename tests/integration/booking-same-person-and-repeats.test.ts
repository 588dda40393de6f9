// Hardening items 7 and 8: one person holds at most one place per session (confirmed or waiting), and
// the same booking form sent again (a double click, ten clicks at once, a retry after a lost answer)
// books once and gets the first answer back; people typed in on the spot exist only with a booking.
import { randomUUID } from "node:crypto";
import { cancelBooking } from "@/lib/booking/cancel";
import { formatBookingNumber } from "@/lib/booking/number";
import { requestBooking } from "@/lib/booking/request";
import { getPrisma } from "@/lib/db/client";
import { bookFromForm } from "@/lib/partner/book-from-form";
import { createPerson } from "@/lib/people/people";
import { anotherSession, bookingsInOrder, partners, stage } from "../factories/booking";

const guest = (firstName: string, lastName: string, personId?: string) => ({ firstName, lastName, kind: "MAIN" as const, personId });

describe("item 7: a person holds one place per session", () => {
  it("refuses a second booking of the same person, by their list entry or by their name, and names the first booking", async () => {
    const { venueId, sessionId } = await stage({ capacity: 1 });
    const [partner] = await partners(1);
    const { id: personId } = await createPerson(partner!.actor, { partnerId: partner!.id, firstName: "Élodie", lastName: "Dupont" });
    const first = await requestBooking(partner!.actor, { sessionId, partnerId: partner!.id, guests: [guest("Élodie", "Dupont", personId)] });
    if (first.outcome !== "CONFIRMED") throw new Error("expected a confirmed booking");

    const again = requestBooking(partner!.actor, { sessionId, partnerId: partner!.id, guests: [guest("Élodie", "Dupont", personId)] });
    await expect(again).rejects.toMatchObject({
      code: "ALREADY_BOOKED",
      params: { bookingId: first.confirmed.id, number: formatBookingNumber(first.confirmed.number) },
    });
    // Typed again by hand, with other capitals, accents and spaces: the same person.
    const typed = requestBooking(partner!.actor, {
      sessionId,
      partnerId: partner!.id,
      guests: [guest("Ana", "Sow"), { ...guest(" elodie ", "DUPONT"), kind: "FAMILY_OR_FRIEND" }],
    });
    await expect(typed).rejects.toMatchObject({ code: "ALREADY_BOOKED" });
    expect(await bookingsInOrder(sessionId)).toHaveLength(1);

    // A waiting place counts too: the session is full, "Ana Sow" waits, and may not wait twice.
    const waiting = await requestBooking(partner!.actor, { sessionId, partnerId: partner!.id, guests: [guest("Ana", "Sow")] });
    expect(waiting.outcome).toBe("WAITLISTED");
    await expect(requestBooking(partner!.actor, { sessionId, partnerId: partner!.id, guests: [guest("Ana", "Sow")] })).rejects.toMatchObject({
      code: "ALREADY_BOOKED",
    });

    // Another session, or after a cancellation: welcome.
    const other = await anotherSession(venueId, { startsAt: new Date(Date.now() + 20 * 86_400_000) });
    await expect(
      requestBooking(partner!.actor, { sessionId: other, partnerId: partner!.id, guests: [guest("Élodie", "Dupont", personId)] }),
    ).resolves.toMatchObject({ outcome: "CONFIRMED" });
    await cancelBooking(partner!.actor, { bookingId: first.confirmed.id });
    // (Ana Sow, first in line, took the place freed: Élodie may wait for one again.)
    await expect(requestBooking(partner!.actor, { sessionId, partnerId: partner!.id, guests: [guest("Élodie", "Dupont", personId)] })).resolves.toMatchObject({
      outcome: "WAITLISTED",
    });
  });

  it("refuses the same person twice in one request, and lets two structures each book their own homonym", async () => {
    const { sessionId } = await stage({ capacity: 10 });
    const [a, b] = await partners(2);
    const twice = [guest("Marie", "Curie"), { ...guest("marie", "curie"), kind: "FAMILY_OR_FRIEND" as const }];
    await expect(requestBooking(a!.actor, { sessionId, partnerId: a!.id, guests: twice })).rejects.toMatchObject({ code: "SAME_PERSON_TWICE" });
    await expect(requestBooking(a!.actor, { sessionId, partnerId: a!.id, guests: [guest("Marie", "Curie")] })).resolves.toMatchObject({ outcome: "CONFIRMED" });
    await expect(requestBooking(b!.actor, { sessionId, partnerId: b!.id, guests: [guest("Marie", "Curie")] })).resolves.toMatchObject({ outcome: "CONFIRMED" });
  });
});

describe("item 8: a booking form sent again books once", () => {
  it("ten identical sends at once make one booking and one new person, and all get its answer", async () => {
    const { sessionId } = await stage({ capacity: 10 });
    const [partner] = await partners(1);
    const form = {
      sessionId,
      partnerId: partner!.id,
      idempotencyKey: randomUUID(),
      people: [{ firstName: "Yanis", lastName: "Benali", keep: true }],
      companions: [{ firstName: "Nora", lastName: "Benali", kind: "FAMILY_OR_FRIEND" as const }],
    };
    const answers = await Promise.all(Array.from({ length: 10 }, () => bookFromForm(partner!.actor, form)));

    const bookings = await bookingsInOrder(sessionId);
    expect(bookings).toHaveLength(1);
    expect(answers.every((answer) => answer.outcome === "CONFIRMED" && answer.confirmed.id === bookings[0]!.id)).toBe(true);
    expect(answers.filter((answer) => answer.repeated)).toHaveLength(9);
    expect(await getPrisma().person.count({ where: { partnerId: partner!.id } })).toBe(1);
    const [main] = await getPrisma().bookingGuest.findMany({ where: { bookingId: bookings[0]!.id, position: 0 }, select: { personId: true } });
    expect(main!.personId).toEqual((await getPrisma().person.findFirstOrThrow({ where: { partnerId: partner!.id } })).id);
  });

  it("gives the first answer of a split back, parts and waitlist rank included", async () => {
    const { sessionId } = await stage({ capacity: 1 });
    const [partner] = await partners(1);
    const form = {
      sessionId,
      partnerId: partner!.id,
      idempotencyKey: randomUUID(),
      ifShort: "SPLIT" as const,
      people: [{ firstName: "Lina", lastName: "Haddad", keep: false }],
      companions: [{ firstName: "Sami", lastName: "Haddad", kind: "FAMILY_OR_FRIEND" as const }],
    };
    const first = await bookFromForm(partner!.actor, form);
    const retry = await bookFromForm(partner!.actor, form);
    expect(first.outcome).toBe("SPLIT");
    expect(retry).toMatchObject({
      outcome: "SPLIT",
      repeated: true,
      confirmed: { id: (first as { confirmed: { id: string } }).confirmed.id },
      waitlisted: { id: (first as { waitlisted: { id: string } }).waitlisted.id, position: 1 },
    });
    expect(await bookingsInOrder(sessionId)).toHaveLength(2);
  });

  it("creates nobody when nothing is booked, and refuses the key on another session", async () => {
    const { venueId, sessionId } = await stage({ capacity: 1 });
    const [partner, other] = await partners(2);
    await requestBooking(other!.actor, { sessionId, partnerId: other!.id, guests: [guest("Iris", "Moreau")] });
    const key = randomUUID();
    const refused = await bookFromForm(partner!.actor, {
      sessionId,
      partnerId: partner!.id,
      idempotencyKey: key,
      ifShort: "NOTHING",
      people: [{ firstName: "Jade", lastName: "Petit", keep: true }],
    });
    expect(refused.outcome).toBe("NOT_BOOKED");
    expect(await getPrisma().person.count({ where: { partnerId: partner!.id } })).toBe(0);

    const elsewhere = await anotherSession(venueId, { startsAt: new Date(Date.now() + 20 * 86_400_000) });
    await bookFromForm(partner!.actor, {
      sessionId: elsewhere,
      partnerId: partner!.id,
      idempotencyKey: key,
      people: [{ firstName: "Jade", lastName: "Petit", keep: true }],
    });
    await expect(
      bookFromForm(partner!.actor, { sessionId, partnerId: partner!.id, idempotencyKey: key, people: [{ firstName: "Jade", lastName: "Petit", keep: true }] }),
    ).rejects.toMatchObject({
      code: "IDEMPOTENCY_KEY_REUSED",
    });
    expect(await getPrisma().person.count({ where: { partnerId: partner!.id } })).toBe(1);
  });
});

describe("issue 26.6: names that differ only by typography are one person", () => {
  // Each pair differs by a dash, an apostrophe, a ligature or a separator set aside: one key.
  const pairs: [string, string][] = [
    ["Jean\u2011Pierre", "Jean-Pierre"],
    ["Jean\u2010Pierre", "Jean-Pierre"],
    ["Jean\u2013Pierre", "Jean-Pierre"],
    ["Jean\u2014Pierre", "Jean Pierre"],
    ["N\u02BCDiaye", "N'Diaye"],
    ["N\u2018Diaye", "N'Diaye"],
    ["N\u2019Diaye", "N'Diaye"],
    ["NDiaye", "N'Diaye"],
    ["JeanPierre", "Jean-Pierre"],
    ["Lætitia", "Laetitia"],
    ["Cœurdevey", "Coeurdevey"],
    ["CŒURDEVEY", "coeurdevey"],
    ["Ĳsselmeer", "IJsselmeer"],
  ];

  it("gives them one key in person_name_key, and keeps first and last names apart", async () => {
    const same = (a: [string, string], b: [string, string]) =>
      getPrisma()
        .$queryRawUnsafe<{ same: boolean }[]>(`SELECT person_name_key($1, $2) = person_name_key($3, $4) AS same`, a[0], a[1], b[0], b[1])
        .then(([row]) => row!.same);
    const differing: string[] = [];
    for (const [typed, listed] of pairs) {
      if (!(await same([typed, "Sow"], [listed, "Sow"]))) differing.push(`${typed} / ${listed} (first name)`);
      if (!(await same(["Awa", typed], ["Awa", listed]))) differing.push(`${typed} / ${listed} (last name)`);
    }
    expect(differing).toEqual([]);
    // Still two people: other letters, or letters moved from the first name to the last.
    expect(await same(["Ana", "Sow"], ["Anas", "Ow"])).toBe(false);
    expect(await same(["Jean", "Pierre"], ["Jean-Pierre", ""])).toBe(false);
  });

  it("writes the keys it always wrote, computed inline in the statements that call it (issue 35.1)", async () => {
    const key = (first: string, last: string) =>
      getPrisma()
        .$queryRawUnsafe<{ key: string }[]>(`SELECT person_name_key($1, $2) AS key`, first, last)
        .then(([row]) => row!.key);
    expect(await key("Jean\u2011Pierre", "N\u02BCDiaye")).toBe("jeanpierre ndiaye");
    expect(await key(" Lætitia ", "CŒURDEVEY-Sow")).toBe("laetitia coeurdeveysow");
    expect(await key("Ĳsselmeer", "Łøđ Ħı")).toBe("ijsselmeer lodhi");
    expect(await key("Ana", "")).toBe("ana ");
    expect(await getPrisma().$queryRawUnsafe<{ key: string | null }[]>(`SELECT person_name_key(NULL, 'Sow') AS key`)).toEqual([{ key: null }]);
    // Inlined: the plan shows the expression, not a call of the function (which ran as a query of its own).
    const plan = await getPrisma().$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN (VERBOSE) SELECT person_name_key(v.first, v.last) FROM (VALUES ('Awa', 'Sow'), ('Ana', 'Ba')) AS v(first, last)`,
    );
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain("regexp_replace");
    expect(text).not.toContain("person_name_key");
  });

  it("refuses a second place for N\u02BCDiaye when N'Diaye holds one, and the same person twice in one request", async () => {
    const { sessionId } = await stage({ capacity: 10 });
    const [partner] = await partners(1);
    await expect(requestBooking(partner!.actor, { sessionId, partnerId: partner!.id, guests: [guest("Jean-Pierre", "N'Diaye")] })).resolves.toMatchObject({
      outcome: "CONFIRMED",
    });
    await expect(
      requestBooking(partner!.actor, { sessionId, partnerId: partner!.id, guests: [guest("Jean\u2011Pierre", "N\u02BCDiaye")] }),
    ).rejects.toMatchObject({ code: "ALREADY_BOOKED" });
    const twice = [guest("Lætitia", "Cœurdevey"), { ...guest("Laetitia", "Coeurdevey"), kind: "FAMILY_OR_FRIEND" as const }];
    await expect(requestBooking(partner!.actor, { sessionId, partnerId: partner!.id, guests: twice })).rejects.toMatchObject({ code: "SAME_PERSON_TWICE" });
  });
});

describe("issue 26.7: a list entry is one person, named as the list names it", () => {
  it("refuses the same list entry twice in one request, whatever names were typed beside it", async () => {
    const { sessionId } = await stage({ capacity: 10 });
    const [partner] = await partners(1);
    const { id: personId } = await createPerson(partner!.actor, { partnerId: partner!.id, firstName: "Samir", lastName: "Haddad" });
    const twice = [guest("Samir", "Haddad", personId), { ...guest("Sam", "Hadad", personId), kind: "FAMILY_OR_FRIEND" as const }];
    await expect(requestBooking(partner!.actor, { sessionId, partnerId: partner!.id, guests: twice })).rejects.toMatchObject({ code: "SAME_PERSON_TWICE" });
    expect(await bookingsInOrder(sessionId)).toHaveLength(0);
  });

  it("books a listed person under the list's name, not the name typed with it", async () => {
    const { sessionId } = await stage({ capacity: 10 });
    const [partner] = await partners(1);
    const { id: personId } = await createPerson(partner!.actor, { partnerId: partner!.id, firstName: "Samir", lastName: "Haddad" });
    const booked = await requestBooking(partner!.actor, { sessionId, partnerId: partner!.id, guests: [guest("Quelqu'un", "D'autre", personId)] });
    if (booked.outcome !== "CONFIRMED") throw new Error("expected a confirmed booking");
    const guests = await getPrisma().bookingGuest.findMany({
      where: { bookingId: booked.confirmed.id },
      select: { firstName: true, lastName: true, personId: true },
    });
    expect(guests).toEqual([{ firstName: "Samir", lastName: "Haddad", personId }]);
    // Typed by hand afterwards, the list's name finds the place Samir holds.
    await expect(requestBooking(partner!.actor, { sessionId, partnerId: partner!.id, guests: [guest("Samir", "Haddad")] })).rejects.toMatchObject({
      code: "ALREADY_BOOKED",
    });
    // And the names typed with a list entry do not stand for someone else: "Quelqu'un D'autre" may book.
    await expect(requestBooking(partner!.actor, { sessionId, partnerId: partner!.id, guests: [guest("Quelqu'un", "D'autre")] })).resolves.toMatchObject({
      outcome: "CONFIRMED",
    });
  });
});

describe("issue 26.8: a form sent again with other content is not a repeat", () => {
  it("refuses the key met again with other guests, counts or choices, books nothing new, and still answers the same form as a repeat", async () => {
    const { sessionId } = await stage({ capacity: 10 });
    const [partner] = await partners(1);
    const key = randomUUID();
    const form = { sessionId, partnerId: partner!.id, idempotencyKey: key, people: [{ firstName: "Inès", lastName: "Bouaziz", keep: true }] };
    const first = await bookFromForm(partner!.actor, form);
    expect(first.outcome).toBe("CONFIRMED");

    // The answer was lost; the referent added three people and sent the same form again.
    const grown = {
      ...form,
      people: [
        ...form.people,
        { firstName: "Karim", lastName: "Bouaziz", keep: true },
        { firstName: "Lila", lastName: "Bouaziz", keep: true },
        { firstName: "Nadia", lastName: "Bouaziz", keep: true },
      ],
    };
    const changed = { code: "IDEMPOTENCY_KEY_CHANGED", message: "Ce formulaire a déjà été envoyé avec d'autres personnes : rechargez la page." };
    await expect(bookFromForm(partner!.actor, grown)).rejects.toMatchObject(changed);
    // Another person in the same place, a companion more, another choice for when places run short.
    await expect(bookFromForm(partner!.actor, { ...form, people: [{ firstName: "Inès", lastName: "Bouazizi", keep: true }] })).rejects.toMatchObject(changed);
    await expect(
      bookFromForm(partner!.actor, { ...form, companions: [{ firstName: "Omar", lastName: "Bouaziz", kind: "FAMILY_OR_FRIEND" }] }),
    ).rejects.toMatchObject(changed);
    await expect(bookFromForm(partner!.actor, { ...form, ifShort: "NOTHING" })).rejects.toMatchObject(changed);

    expect(await bookingsInOrder(sessionId)).toHaveLength(1);
    expect(await getPrisma().person.count({ where: { partnerId: partner!.id } })).toBe(1);
    // The very same form is still the same request: its first answer.
    await expect(bookFromForm(partner!.actor, form)).resolves.toMatchObject({ outcome: "CONFIRMED", repeated: true });
  });
});
