// Issue 16, "J'aimerais y aller": a person supported sends a wish with their structure's visitor code;
// the structure's referents see it, book it (which handles it) or set it aside; one visitor session sends
// at most WISHES_PER_SESSION, a structure's code WISHES_PER_DAY a Paris day (issue 27.7), even when they
// arrive together; a wish is erased once its session
// has started.
import type { Actor } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/db/client";
import { InvalidInput } from "@/lib/validation";
import { AccessDeniedError, NotFoundError, RuleViolation } from "@/lib/errors";
import { parisTime } from "@/lib/time";
import { handleWish, listWishes, makeWish, ownWish, purgeWishes, WISH_DATES_SHOWN, WISHES_PER_DAY, WISHES_PER_SESSION } from "@/lib/wishes/wishes";
import { partnerActor } from "../factories/actors";
import { createEvent, createPartner, createSession, createVenue } from "../factories";

const NOW = parisTime("2031-03-10", 15);
let partnerId: string;
let visitor: Actor;
let referent: Actor;
let eventId: string;
let first: { id: string; startsAt: Date };
let last: { id: string; startsAt: Date };

beforeAll(async () => {
  const venue = await createVenue({ name: "Théâtre des Envies" });
  const event = await createEvent({ venueId: venue.id, title: "Le Songe" });
  eventId = event.id;
  first = await createSession({ eventId, startsAt: parisTime("2031-03-20", 20) });
  last = await createSession({ eventId, startsAt: parisTime("2031-04-02", 20) });
  await createSession({ eventId, startsAt: parisTime("2031-03-01", 20) }); // already played
  partnerId = (await createPartner({ name: "Foyer des Envies" })).id;
  visitor = { kind: "visitor", partnerId };
  referent = await partnerActor(partnerId);
});

beforeEach(async () => {
  await getPrisma().wish.deleteMany({ where: { partnerId } });
});

describe("a wish", () => {
  it("reaches the structure's referents with the date wanted, and lives until that date", async () => {
    const { id } = await makeWish(visitor, { eventId, sessionId: first.id, name: "  Zoé ", message: "Avec ma sœur si possible" }, { now: NOW });
    const [wish] = await listWishes(referent, partnerId, { now: NOW });
    expect(wish).toMatchObject({
      id,
      name: "Zoé",
      message: "Avec ma sœur si possible",
      event: { id: eventId, title: "Le Songe", venueName: "Théâtre des Envies" },
      session: { id: first.id },
      bookSessionId: first.id,
    });
    expect((await getPrisma().wish.findUniqueOrThrow({ where: { id } })).expiresAt).toEqual(first.startsAt);
  });

  it("without a date, lets the referent choose among the dates to come (issue 29.14), and lives until the last one", async () => {
    const { id } = await makeWish(visitor, { eventId, sessionId: "", name: "Z. L." }, { now: NOW });
    const [wish] = await listWishes(referent, partnerId, { now: NOW });
    expect(wish).toMatchObject({ session: null, bookSessionId: null, message: null, moreDates: false });
    expect(wish!.dates).toEqual([
      { id: first.id, startsAt: first.startsAt },
      { id: last.id, startsAt: last.startsAt },
    ]);
    expect((await getPrisma().wish.findUniqueOrThrow({ where: { id } })).expiresAt).toEqual(last.startsAt);
  });

  it(`without a date, offers the first ${WISH_DATES_SHOWN} dates and says there are more (issue 29.14)`, async () => {
    const run = await createEvent({ venueId: (await getPrisma().event.findUniqueOrThrow({ where: { id: eventId } })).venueId, title: "Le Long Cours" });
    for (let day = 0; day <= WISH_DATES_SHOWN; day++)
      await createSession({ eventId: run.id, startsAt: parisTime(`2031-05-${String(day + 1).padStart(2, "0")}`, 20) });
    await makeWish(visitor, { eventId: run.id, name: "Z. L." }, { now: NOW });
    const [wish] = await listWishes(referent, partnerId, { now: NOW });
    expect(wish!.dates).toHaveLength(WISH_DATES_SHOWN);
    expect(wish!.dates[0]!.startsAt).toEqual(parisTime("2031-05-01", 20));
    expect(wish!.moreDates).toBe(true);
  });

  it("with a date, opens the booking on that date and offers no other", async () => {
    await makeWish(visitor, { eventId, sessionId: last.id, name: "Z. L." }, { now: NOW });
    const [wish] = await listWishes(referent, partnerId, { now: NOW });
    expect(wish).toMatchObject({ bookSessionId: last.id, dates: [], moreDates: false });
  });

  it("asks for a first name or initials, and nothing long", async () => {
    await expect(makeWish(visitor, { eventId, name: "   " }, { now: NOW })).rejects.toBeInstanceOf(InvalidInput);
    await expect(makeWish(visitor, { eventId, name: "x".repeat(41) }, { now: NOW })).rejects.toBeInstanceOf(InvalidInput);
    await expect(makeWish(visitor, { eventId, name: "Zoé", message: "x".repeat(301) }, { now: NOW })).rejects.toBeInstanceOf(InvalidInput);
  });

  it("is for a date still to come of a published event", async () => {
    const played = await getPrisma().session.findFirstOrThrow({ where: { eventId, startsAt: { lt: NOW } } });
    await expect(makeWish(visitor, { eventId, sessionId: played.id, name: "Zoé" }, { now: NOW })).rejects.toBeInstanceOf(NotFoundError);
    const draft = await createEvent({ venueId: (await getPrisma().event.findUniqueOrThrow({ where: { id: eventId } })).venueId, status: "DRAFT" });
    await createSession({ eventId: draft.id, startsAt: parisTime("2031-03-25", 20) });
    await expect(makeWish(visitor, { eventId: draft.id, name: "Zoé" }, { now: NOW })).rejects.toBeInstanceOf(NotFoundError);
    await expect(makeWish(visitor, { eventId, name: "Zoé" }, { now: parisTime("2031-04-03", 12) })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is sent through the visitor access only", async () => {
    await expect(makeWish(referent, { eventId, name: "Zoé" }, { now: NOW })).rejects.toBeInstanceOf(AccessDeniedError);
    const other = await partnerActor((await createPartner({ name: "Autre foyer" })).id);
    await makeWish(visitor, { eventId, name: "Zoé" }, { now: NOW });
    await expect(listWishes(other, partnerId, { now: NOW })).rejects.toBeInstanceOf(AccessDeniedError);
  });
});

describe("a visitor session", () => {
  it(`sends at most ${WISHES_PER_SESSION} wishes, even all at once; the structure's other visitors still send theirs (issue 27.7)`, async () => {
    const one: Actor = { kind: "visitor", partnerId, session: "une-session" };
    const answers = await Promise.allSettled(Array.from({ length: WISHES_PER_SESSION + 3 }, (_, n) => makeWish(one, { eventId, name: `S${n}` }, { now: NOW })));
    expect(answers.filter((answer) => answer.status === "fulfilled")).toHaveLength(WISHES_PER_SESSION);
    for (const answer of answers.filter((answer): answer is PromiseRejectedResult => answer.status === "rejected"))
      expect(answer.reason).toMatchObject({ code: "WISH_SESSION_LIMIT" });
    await expect(makeWish({ kind: "visitor", partnerId, session: "une-autre" }, { eventId, name: "Autre" }, { now: NOW })).resolves.toHaveProperty("id");
    // One session's wishes are a small share of the structure's day.
    expect(WISHES_PER_DAY).toBeGreaterThanOrEqual(10 * WISHES_PER_SESSION);
  });
});

describe("a structure's code", () => {
  it(`sends at most ${WISHES_PER_DAY} wishes a Paris day, even all at once from many sessions, and more the next day`, async () => {
    const lateEvening = parisTime("2031-03-10", 23, 30);
    const answers = await Promise.allSettled(
      Array.from({ length: WISHES_PER_DAY + 5 }, (_, n) =>
        makeWish({ kind: "visitor", partnerId, session: `soir-${n}` }, { eventId, name: `P${n}` }, { now: lateEvening }),
      ),
    );
    expect(answers.filter((answer) => answer.status === "fulfilled")).toHaveLength(WISHES_PER_DAY);
    const refused = answers.filter((answer): answer is PromiseRejectedResult => answer.status === "rejected");
    expect(refused).toHaveLength(5);
    for (const { reason } of refused) expect(reason).toMatchObject({ code: "WISH_LIMIT" });
    expect(refused[0]!.reason).toBeInstanceOf(RuleViolation);
    // Half an hour later it is the next day in Paris (22:30 UTC).
    await expect(makeWish(visitor, { eventId, name: "Demain" }, { now: parisTime("2031-03-11", 0, 0) })).resolves.toHaveProperty("id");
  });
});

describe("handling a wish", () => {
  it("hides it and erases its words; another structure cannot reach it", async () => {
    const { id } = await makeWish(visitor, { eventId, name: "Zoé", message: "Merci" }, { now: NOW });
    const other = await partnerActor((await createPartner({ name: "Foyer voisin" })).id);
    await expect(ownWish(other, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(handleWish(other, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await ownWish(referent, id)).toMatchObject({ name: "Zoé", message: "Merci" });
    await handleWish(referent, id, { now: NOW });
    expect(await listWishes(referent, partnerId, { now: NOW })).toEqual([]);
    expect(await getPrisma().wish.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "", message: null, handledAt: NOW });
    await expect(handleWish(referent, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("erases every wish whose session has started (the job wishes-purge, every hour)", async () => {
    const soon = await makeWish(visitor, { eventId, sessionId: first.id, name: "Tôt" }, { now: NOW });
    const later = await makeWish(visitor, { eventId, name: "Tard" }, { now: NOW });
    expect(await listWishes(referent, partnerId, { now: first.startsAt })).toEqual([expect.objectContaining({ id: later.id })]);
    expect(await purgeWishes(first.startsAt)).toBeGreaterThanOrEqual(1);
    expect(await getPrisma().wish.findUnique({ where: { id: soon.id } })).toBeNull();
    expect(await getPrisma().wish.findUnique({ where: { id: later.id } })).not.toBeNull();
    const { CRONTAB, tasks } = await import("@/lib/jobs/tasks");
    expect(CRONTAB).toContain("5 * * * * wishes-purge");
    expect(typeof tasks["wishes-purge"]).toBe("function");
  });
});
