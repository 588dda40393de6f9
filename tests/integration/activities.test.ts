// Issue 16, the association's own activities: meetings, trainings and critique workshops, free and open to
// all, with registration by name up to a capacity on lib/booking's rules (open until the start, confirmed
// while places are left then waitlisted, the waitlist moved up in order when a place frees, never more
// than the capacity even when everyone registers at once), the same answer whatever names exist (issue 27.8:
// a registration is keyed on its number, not on a name), cancellation by number and last name, the
// association's own cancellations, and the mails to those who left an address, without the form's words.
import type { Actor } from "@/lib/auth/actor";
import { cancelActivity, cancelRegistration, createActivity, getActivity, listActivities } from "@/lib/activities/admin";
import { cancelOwnRegistration, listUpcomingActivities, registerForActivity } from "@/lib/activities/registrations";
import { InvalidInput } from "@/lib/validation";
import { getPrisma } from "@/lib/db/client";
import { LIMITS } from "@/lib/auth/throttle";
import { mailContent } from "@/lib/mail/compose";
import { renderMail } from "@/lib/mail/template";
import { parisTime } from "@/lib/time";
import { adminActor, partnerActor, venueActor } from "../factories/actors";
import { createPartner, createVenue } from "../factories";

const NOW = parisTime("2031-06-01", 10);
let admin: Actor;
let ipCount = 0;
/** A fresh client address per call: the per-client limit is tested on its own. */
const ip = () => `10.1.${Math.floor(++ipCount / 250)}.${ipCount % 250}`;

async function plan(capacity: number, day = "2031-06-20") {
  return (
    await createActivity(
      admin,
      {
        kind: "WORKSHOP",
        title: `Atelier critique ${Math.random()}`,
        day,
        time: "18:30",
        place: "Maison des associations, salle 2",
        capacity: String(capacity),
        durationMinutes: "90",
      },
      { now: NOW },
    )
  ).id;
}

beforeAll(async () => {
  admin = await adminActor();
});

describe("planning an activity", () => {
  it("is the association's: at a Paris time, to come, with a capacity; refused to anyone else", async () => {
    const id = await plan(12);
    const activity = await getActivity(admin, id);
    expect(activity).toMatchObject({ kind: "WORKSHOP", capacity: 12, durationMinutes: 90, startsAt: parisTime("2031-06-20", 18, 30) });
    for (const actor of [await partnerActor((await createPartner()).id), await venueActor((await createVenue()).id), { kind: "anonymous" } as Actor]) {
      await expect(
        createActivity(actor, { kind: "MEETING", title: "x", day: "2031-06-20", time: "18:00", place: "ici", capacity: 5 }, { now: NOW }),
      ).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    }
    await expect(
      createActivity(admin, { kind: "MEETING", title: "Hier", day: "2031-05-01", time: "18:00", place: "ici", capacity: 5 }, { now: NOW }),
    ).rejects.toMatchObject({ code: "ACTIVITY_IN_PAST" });
    for (const bad of [{ capacity: 0 }, { capacity: 501 }, { time: "25:00" }, { day: "2031-02-30" }, { kind: "PARTY" }, { title: "" }]) {
      await expect(
        createActivity(admin, { kind: "MEETING", title: "Rencontre", day: "2031-06-20", time: "18:00", place: "ici", capacity: 5, ...bad }, { now: NOW }),
      ).rejects.toBeInstanceOf(InvalidInput);
    }
  });
});

describe("registering by name", () => {
  it("confirms while places are left, then waitlists in order, and says the rank", async () => {
    const id = await plan(2);
    const answers = [];
    for (const [firstName, lastName] of [
      ["Zoé", "Lefèvre"],
      ["Jérôme", "Ndiaye"],
      ["Awa", "Diallo"],
      ["Karim", "Haddad"],
    ]) {
      answers.push(await registerForActivity({ activityId: id, firstName, lastName }, ip(), { now: NOW }));
    }
    expect(answers.map(({ status, position }) => [status, position])).toEqual([
      ["CONFIRMED", null],
      ["CONFIRMED", null],
      ["WAITLISTED", 1],
      ["WAITLISTED", 2],
    ]);
    expect(answers[0]!.number).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    const [listed] = (await listUpcomingActivities({ now: NOW })).filter((activity) => activity.id === id);
    expect(listed).toMatchObject({ capacity: 2, placesLeft: 0, waiting: 2 });
    expect(JSON.stringify(listed)).not.toMatch(/Lefèvre/);
  });

  it("never fills beyond the capacity when twenty people register at once", async () => {
    const id = await plan(5);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => registerForActivity({ activityId: id, firstName: "Personne", lastName: `Numéro ${i}` }, ip(), { now: NOW })),
    );
    expect(answers.filter((answer) => answer.status === "CONFIRMED")).toHaveLength(5);
    expect(
      answers
        .filter((answer) => answer.status === "WAITLISTED")
        .map((answer) => answer.position)
        .sort((a, b) => a! - b!),
    ).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const activity = await getActivity(admin, id);
    expect(activity.confirmedPlaces).toBe(5);
    expect(activity.registrations.filter((registration) => registration.status === "CONFIRMED")).toHaveLength(5);
  });

  it("answers the same whether or not the name is taken: a stranger who used a name first takes nothing from its owner (issue 27.8)", async () => {
    const id = await plan(5);
    // Someone who knows that Zoé Lefèvre means to come registers her name first, with no address.
    const stranger = await registerForActivity({ activityId: id, firstName: "Zoé", lastName: "Lefèvre" }, ip(), { now: NOW });
    // Zoé's own registration is taken all the same, with its own number: the form says nothing of the first.
    const zoe = await registerForActivity({ activityId: id, firstName: "ZOE ", lastName: "lefevre", email: "zoe@exemple.test" }, ip(), { now: NOW });
    const nobody = await registerForActivity({ activityId: id, firstName: "Awa", lastName: "Diallo" }, ip(), { now: NOW });
    expect([stranger, zoe, nobody].map(({ status, position, title }) => ({ status, position, title }))).toEqual(
      Array(3).fill({ status: "CONFIRMED", position: null, title: stranger.title }),
    );
    expect(Object.keys(zoe).sort()).toEqual(Object.keys(nobody).sort());
    expect(new Set([stranger.number, zoe.number, nobody.number]).size).toBe(3);
    // The stranger cannot cancel Zoé's registration with her name: the number is the key.
    const refusals = await Promise.allSettled([
      cancelOwnRegistration({ number: "ZZZZZZZZ", lastName: "Lefèvre" }, ip(), { now: NOW }),
      cancelOwnRegistration({ number: zoe.number, lastName: "Diallo" }, ip(), { now: NOW }),
    ]);
    const answers = refusals.map((refusal) =>
      refusal.status === "rejected" ? { code: (refusal.reason as { code: string }).code, message: (refusal.reason as Error).message } : "cancelled",
    );
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({ code: "REGISTRATION_UNKNOWN" });
    await cancelOwnRegistration({ number: stranger.number, lastName: "Lefèvre" }, ip(), { now: NOW });
    const registrations = (await getActivity(admin, id)).registrations;
    expect(registrations.map((registration) => [registration.number, registration.status])).toEqual([
      [stranger.number, "CANCELLED"],
      [zoe.number, "CONFIRMED"],
      [nobody.number, "CONFIRMED"],
    ]);
  });

  it("closes when the activity starts, and for a cancelled or unknown one", async () => {
    const id = await plan(5);
    await expect(
      registerForActivity({ activityId: id, firstName: "Awa", lastName: "Diallo" }, ip(), { now: parisTime("2031-06-20", 18, 30) }),
    ).rejects.toMatchObject({ code: "ACTIVITY_CLOSED" });
    await cancelActivity(admin, { activityId: id }, { now: NOW });
    await expect(registerForActivity({ activityId: id, firstName: "Awa", lastName: "Diallo" }, ip(), { now: NOW })).rejects.toMatchObject({
      code: "ACTIVITY_CANCELLED",
    });
    await expect(
      registerForActivity({ activityId: "01890000-0000-7000-8000-000000000000", firstName: "Awa", lastName: "Diallo" }, ip(), { now: NOW }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("asks for a first and a last name with letters, and a valid address if any", async () => {
    const id = await plan(5);
    for (const bad of [{ firstName: "" }, { lastName: "123" }, { email: "pas-une-adresse" }, { activityId: "x" }]) {
      await expect(registerForActivity({ activityId: id, firstName: "Awa", lastName: "Diallo", ...bad }, ip(), { now: NOW })).rejects.toBeInstanceOf(
        InvalidInput,
      );
    }
  });

  it("takes at most 20 registrations in a quarter of an hour from one client", async () => {
    const id = await plan(50);
    const address = "10.9.9.9";
    for (let i = 0; i < 20; i++)
      await registerForActivity({ activityId: id, firstName: "Inscrit", lastName: `N${"abcdefghijklmnopqrstu"[i]}` }, address, { now: NOW });
    await expect(registerForActivity({ activityId: id, firstName: "Inscrit", lastName: "Nz" }, address, { now: NOW })).rejects.toMatchObject({
      code: "ACTIVITY_THROTTLED",
    });
    await expect(registerForActivity({ activityId: id, firstName: "Inscrit", lastName: "Nz" }, ip(), { now: NOW })).resolves.toMatchObject({
      status: "CONFIRMED",
    });
  });
});

describe("cancelling", () => {
  it("by the person, with the number and the last name: the first waiting takes the place and is told", async () => {
    const id = await plan(1);
    const zoe = await registerForActivity({ activityId: id, firstName: "Zoé", lastName: "Lefèvre" }, ip(), { now: NOW });
    const awa = await registerForActivity({ activityId: id, firstName: "Awa", lastName: "Diallo", email: "awa@exemple.test" }, ip(), { now: NOW });
    await registerForActivity({ activityId: id, firstName: "Karim", lastName: "Haddad" }, ip(), { now: NOW });
    await expect(cancelOwnRegistration({ number: zoe.number, lastName: "Diallo" }, ip(), { now: NOW })).rejects.toMatchObject({ code: "REGISTRATION_UNKNOWN" });
    await expect(
      cancelOwnRegistration({ number: `${zoe.number.slice(0, 4)}-${zoe.number.slice(4)}`.toLowerCase(), lastName: "lefevre" }, ip(), { now: NOW }),
    ).resolves.toMatchObject({ title: expect.stringContaining("Atelier critique") });
    const activity = await getActivity(admin, id);
    expect(activity.registrations.map((registration) => [registration.lastName, registration.status])).toEqual([
      ["Lefèvre", "CANCELLED"],
      ["Diallo", "CONFIRMED"],
      ["Haddad", "WAITLISTED"],
    ]);
    expect(activity.confirmedPlaces).toBe(1);
    const mails = await getPrisma().outboxMail.findMany({ where: { to: "awa@exemple.test" }, orderBy: { createdAt: "asc" }, select: { kind: true } });
    expect(mails.map((mail) => mail.kind)).toEqual(["ACTIVITY_WAITLISTED", "ACTIVITY_PROMOTED"]);
    await expect(cancelOwnRegistration({ number: zoe.number, lastName: "Lefèvre" }, ip(), { now: NOW })).rejects.toMatchObject({
      code: "REGISTRATION_UNKNOWN",
    });
    expect(awa.status).toBe("WAITLISTED");
  });

  it("by the association, one registration or the whole activity, those with an address told", async () => {
    const id = await plan(1);
    await registerForActivity({ activityId: id, firstName: "Zoé", lastName: "Lefèvre", email: "zoe2@exemple.test" }, ip(), { now: NOW });
    await registerForActivity({ activityId: id, firstName: "Awa", lastName: "Diallo" }, ip(), { now: NOW });
    const [zoe] = (await getActivity(admin, id)).registrations;
    await cancelRegistration(admin, { registrationId: zoe!.id }, { now: NOW });
    await expect(cancelRegistration(admin, { registrationId: zoe!.id }, { now: NOW })).rejects.toMatchObject({ code: "REGISTRATION_ALREADY_CANCELLED" });
    expect((await getActivity(admin, id)).registrations.map((registration) => registration.status)).toEqual(["CANCELLED", "CONFIRMED"]);
    await registerForActivity({ activityId: id, firstName: "Karim", lastName: "Haddad", email: "karim@exemple.test" }, ip(), { now: NOW });
    await expect(cancelActivity(admin, { activityId: id }, { now: NOW })).resolves.toEqual({ cancelled: 2 });
    const after = await getActivity(admin, id);
    expect(after.cancelledAt).not.toBeNull();
    expect(after.confirmedPlaces).toBe(0);
    expect(await getPrisma().outboxMail.count({ where: { to: "karim@exemple.test", kind: "ACTIVITY_CANCELLED" } })).toBe(1);
    expect((await listUpcomingActivities({ now: NOW })).some((activity) => activity.id === id)).toBe(false);
    const { activities } = await listActivities(admin, { text: after.title }, { now: NOW });
    expect(activities.find((activity) => activity.id === id)?.cancelledAt).not.toBeNull();
  });
});

describe("the mails", () => {
  it("carry none of the words typed in the form to the address left there, never confirmed (issue 27.6)", async () => {
    const id = await plan(3);
    const lure = { firstName: "Votre compte bancaire est suspendu", lastName: "URGENT appelez le huit" };
    const { number } = await registerForActivity({ activityId: id, ...lure, email: "victime@exemple.test" }, ip(), { now: NOW });
    const registration = await getPrisma().activityRegistration.findUniqueOrThrow({ where: { number } });
    const content = await mailContent({ kind: "ACTIVITY_REGISTERED", props: { registrationId: registration.id }, recipientName: null });
    expect(content).not.toBeNull();
    const written = JSON.stringify(await renderMail(content!));
    for (const words of ["bancaire", "suspendu", "URGENT", "appelez"]) expect(written).not.toContain(words);
    expect(written).toContain("Atelier critique");
  });

  it("are capped for all clients together, besides each client's limit (issue 27.6)", async () => {
    const id = await plan(5);
    const later = new Date(NOW.getTime() + 3600_000);
    // The quarter of an hour has seen all but one of the registrations it takes, each from another client
    // (the other tests' own are forgotten first, and afterwards: they keep their per-client counts).
    const everyone = { key: "activity-all:*" };
    await getPrisma().signInAttempt.deleteMany({ where: everyone });
    await getPrisma().signInAttempt.createMany({ data: Array.from({ length: LIMITS["activity-all"] - 1 }, () => ({ ...everyone, at: later })) });
    try {
      await expect(registerForActivity({ activityId: id, firstName: "Awa", lastName: "Diallo" }, ip(), { now: later })).resolves.toMatchObject({
        status: "CONFIRMED",
      });
      await expect(
        registerForActivity({ activityId: id, firstName: "Karim", lastName: "Haddad", email: "k@exemple.test" }, ip(), { now: later }),
      ).rejects.toMatchObject({ code: "ACTIVITY_BUSY" });
      expect(await getPrisma().activityRegistration.count({ where: { activityId: id } })).toBe(1);
      expect(await getPrisma().outboxMail.count({ where: { to: "k@exemple.test" } })).toBe(0);
    } finally {
      await getPrisma().signInAttempt.deleteMany({ where: everyone });
    }
  });

  it("say the activity, its date, its place and how to cancel; nothing once the registration is cancelled", async () => {
    const id = await plan(3);
    const { number } = await registerForActivity({ activityId: id, firstName: "Zoé", lastName: "Lefèvre", email: "zoe3@exemple.test" }, ip(), { now: NOW });
    const registration = await getPrisma().activityRegistration.findUniqueOrThrow({ where: { number } });
    const content = await mailContent({ kind: "ACTIVITY_REGISTERED", props: { registrationId: registration.id }, recipientName: null });
    expect(content?.subject).toMatch(/^Inscription confirmée : Atelier critique/);
    // The address was typed in a public form, never confirmed: the mail carries none of the form's words.
    expect(content?.greeting).not.toContain("Zoé");
    expect(content?.paragraphs.join(" ").replace(/\s+/g, " ")).toContain("vendredi 20 juin 2031 à 18 h 30");
    expect(content?.paragraphs.join(" ")).toContain("Maison des associations, salle 2");
    expect(content?.notes?.join(" ")).toContain(`${number.slice(0, 4)}-${number.slice(4)}`);
    // An address left in a form, not an account: said so, with no link to an account's choices.
    expect(content?.footer).toEqual({ about: expect.any(String), why: expect.stringContaining("en vous inscrivant à une activité") });
    await cancelOwnRegistration({ number, lastName: "Lefèvre" }, ip(), { now: NOW });
    expect(await mailContent({ kind: "ACTIVITY_REGISTERED", props: { registrationId: registration.id }, recipientName: null })).toBeNull();
  });
});
