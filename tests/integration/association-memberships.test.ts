// Issue 11, part 3: the yearly membership, by season (1 September–31 August). One action invites every
// structure in partnership, each once per season, and is safe to run again after a failure; reminders go
// to those who have not answered after a chosen delay; memberships are recorded; a structure answers from
// its home; membership never decides a booking.
import {
  answerMembership,
  campaignWindow,
  getMembershipState,
  inviteAllToJoin,
  listMemberships,
  membersCsv,
  membershipCampaign,
  recordMembership,
  remindToJoin,
} from "@/lib/association/memberships";
import { requestBooking } from "@/lib/booking/request";
import { getPrisma } from "@/lib/db/client";
import { adminActor, partnerActor } from "../factories/actors";
import { request, stage } from "../factories/booking";
import { createPartner } from "../factories";
import { forgetJobsAndMail } from "../support/jobs";
import { preparedStatements, statementsOf } from "../support/statements";
import { RuleViolation } from "@/lib/errors";

jest.setTimeout(60_000);
beforeEach(() => forgetJobsAndMail());

const SEASON = 2026;
const at = (iso: string) => ({ now: new Date(iso) });

async function structureWithReferents(name: string, referents = 1, convention = true) {
  const partner = await createPartner({ name, convention });
  const actors = [];
  for (let n = 0; n < referents; n++) actors.push(await partnerActor(partner.id));
  return { id: partner.id, actors };
}

describe("the season's campaign", () => {
  it("is open for the season under way, and for the next only from June (issue 29.10, decision 018)", async () => {
    const december = new Date("2026-12-10T10:00:00Z");
    expect(campaignWindow(2026, december)).toBe("OPEN");
    expect(campaignWindow(2025, december)).toBe("PAST");
    expect(campaignWindow(2027, december)).toBe("TOO_EARLY");
    // 1 June 00:30 in Paris is still 31 May in UTC.
    expect(campaignWindow(2027, new Date("2027-05-31T21:30:00Z"))).toBe("TOO_EARLY");
    expect(campaignWindow(2027, new Date("2027-05-31T22:30:00Z"))).toBe("NEXT");
    expect(campaignWindow(2028, new Date("2027-06-15T10:00:00Z"))).toBe("TOO_EARLY");
  });

  it("invites nobody for a season it is not open for", async () => {
    const admin = await adminActor();
    await structureWithReferents("Trop tôt", 1);
    await expect(inviteAllToJoin(admin, { season: 2027 }, at("2026-12-10T10:00:00Z"))).rejects.toBeInstanceOf(RuleViolation);
    await expect(remindToJoin(admin, { season: 2025, afterDays: 14 }, at("2026-12-10T10:00:00Z"))).rejects.toBeInstanceOf(RuleViolation);
    expect(await getPrisma().membership.count({ where: { season: 2027 } })).toBe(0);
  });

  it("invites each structure in partnership once, mails each active referent, and resumes where it stopped", async () => {
    const admin = await adminActor();
    const a = await structureWithReferents("A", 2);
    const b = await structureWithReferents("B", 1);
    const outside = await structureWithReferents("Sans convention", 1, false);
    // A run interrupted after its first batch: A was invited, B not yet.
    await getPrisma().membership.create({ data: { partnerId: a.id, season: SEASON, status: "INVITED", invitedAt: new Date("2026-10-01T08:00:00Z") } });

    const first = await inviteAllToJoin(admin, { season: SEASON }, at("2026-10-02T08:00:00Z"));
    const rows = await getPrisma().membership.findMany({ where: { season: SEASON }, select: { partnerId: true, status: true } });
    expect(rows.map((row) => row.partnerId)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(rows.map((row) => row.partnerId)).not.toContain(outside.id);
    const mailsTo = async (partnerId: string) =>
      getPrisma().outboxMail.count({ where: { kind: "MEMBERSHIP_INVITATION", props: { path: ["partnerId"], equals: partnerId } } });
    expect(await mailsTo(b.id)).toBe(1);
    expect(await mailsTo(a.id)).toBe(0); // invited by the run that stopped
    // Pressed again: nobody is invited twice.
    expect(await inviteAllToJoin(admin, { season: SEASON }, at("2026-10-03T08:00:00Z"))).toEqual({ invited: 0 });
    expect(await mailsTo(b.id)).toBe(1);
    expect(first.invited).toBe(rows.length - 1);
    const campaign = await membershipCampaign(admin, SEASON, at("2026-10-03T08:00:00Z"));
    expect(campaign.counts.INVITED).toBe(rows.length);
    expect(campaign.inPartnership).toBe(rows.length);
  });

  it("invites a structure's every active referent, and the next season anew", async () => {
    const admin = await adminActor();
    const c = await structureWithReferents("C", 2);
    await inviteAllToJoin(admin, { season: SEASON }, at("2026-10-02T08:00:00Z"));
    await inviteAllToJoin(admin, { season: SEASON + 1 }, at("2027-09-05T08:00:00Z"));
    const mails = await getPrisma().outboxMail.findMany({
      where: { kind: "MEMBERSHIP_INVITATION", props: { path: ["partnerId"], equals: c.id } },
      select: { userId: true, props: true },
    });
    expect(mails).toHaveLength(4);
    expect(new Set(mails.map((mail) => mail.userId))).toEqual(new Set(c.actors.map((actor) => (actor as { userId: string }).userId)));
  });

  it("reminds only those who have not answered after the chosen delay, and not twice within it", async () => {
    const admin = await adminActor();
    const silent = await structureWithReferents("Silencieuse");
    const answered = await structureWithReferents("A répondu");
    const late = await structureWithReferents("Invitée tard");
    await getPrisma().membership.createMany({
      data: [
        { partnerId: silent.id, season: 2030, status: "INVITED", invitedAt: new Date("2030-09-01T08:00:00Z") },
        { partnerId: answered.id, season: 2030, status: "DECLINED", invitedAt: new Date("2030-09-01T08:00:00Z"), answeredAt: new Date("2030-09-03T08:00:00Z") },
        { partnerId: late.id, season: 2030, status: "INVITED", invitedAt: new Date("2030-09-20T08:00:00Z") },
      ],
    });
    expect(await remindToJoin(admin, { season: 2030, afterDays: 14 }, at("2030-09-25T08:00:00Z"))).toEqual({ reminded: 1 });
    expect(await remindToJoin(admin, { season: 2030, afterDays: 14 }, at("2030-09-30T08:00:00Z"))).toEqual({ reminded: 0 });
    expect(await remindToJoin(admin, { season: 2030, afterDays: 14 }, at("2030-10-10T08:00:00Z"))).toEqual({ reminded: 2 });
    const reminders = await getPrisma().outboxMail.findMany({ where: { kind: "MEMBERSHIP_REMINDER" }, select: { props: true } });
    expect(reminders.map((mail) => (mail.props as { partnerId: string }).partnerId).sort()).toEqual([silent.id, silent.id, late.id].sort());
    await expect(remindToJoin(admin, { season: 2030, afterDays: 0 })).rejects.toMatchObject({ fieldErrors: { afterDays: ["validation.atLeastOne"] } });
  });
});

describe("answers and records", () => {
  it("lets a structure answer for itself, records the membership it pays, and lists the members as CSV", async () => {
    const admin = await adminActor();
    const d = await structureWithReferents("Délices");
    const e = await structureWithReferents("Entraide");
    const now = at("2026-10-05T08:00:00Z");
    expect(await getMembershipState(d.actors[0]!, d.id, now)).toEqual({ season: SEASON, status: null, joinedOn: null });
    await answerMembership(d.actors[0]!, { partnerId: d.id, answer: "JOIN" }, now);
    expect((await getMembershipState(d.actors[0]!, d.id, now)).status).toBe("JOINING");
    await expect(answerMembership(d.actors[0]!, { partnerId: e.id, answer: "JOIN" }, now)).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    await answerMembership(e.actors[0]!, { partnerId: e.id, answer: "DECLINE" }, now);

    await recordMembership(
      admin,
      { partnerId: d.id, season: SEASON, joinedOn: "2026-10-12", amount: "30,50", paymentMeans: "Chèque", receiptNumber: "2026-017" },
      now,
    );
    await expect(answerMembership(d.actors[0]!, { partnerId: d.id, answer: "DECLINE" }, now)).rejects.toMatchObject({ code: "ALREADY_MEMBER" });
    await expect(recordMembership(admin, { partnerId: d.id, season: SEASON, joinedOn: "2026-02-30", amount: "-3" })).rejects.toMatchObject({
      fieldErrors: { joinedOn: ["validation.invalid"], amount: ["validation.notNegative"] },
    });

    const members = await listMemberships(admin, SEASON, { status: "MEMBER" });
    expect(members.map((m) => m.partner.name)).toEqual(["Délices"]);
    expect(members[0]).toMatchObject({ amountCents: 3050, paymentMeans: "Chèque", receiptNumber: "2026-017" });
    // The day as stored, whatever the server's time zone; the instants as instants.
    expect(members[0]!.joinedOn).toEqual(new Date("2026-10-12T00:00:00Z"));
    expect(members[0]!.answeredAt).toEqual(now.now);
    // A page of the list, as the memberships page asks it: prepared once per connection (decision 032).
    await listMemberships(admin, SEASON, { page: 1, pageSize: 25 });
    expect((await preparedStatements()).some((text) => text.includes('FROM "Membership" m JOIN "Partner" p'))).toBe(true);
    const csv = (await membersCsv(admin, SEASON, (key) => key)).trim().split(/\r?\n/);
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain("Délices");
    expect(csv[1]).toContain("30,50");
    expect(csv[1]).toContain("2026-2027");
    expect((await membershipCampaign(admin, SEASON, now)).counts).toMatchObject({ MEMBER: 1, DECLINED: 1 });
    // Every view of the memberships page asks it (issue 35.2): one statement, not a query and Prisma's groupBy.
    const { result, statements } = await statementsOf(() => membershipCampaign(admin, SEASON, now));
    expect(statements).toBe(1);
    expect(result.counts).toMatchObject({ MEMBER: 1, DECLINED: 1 });
    expect(result.collectedCents).toBe(3050);
    // Prepared once per connection: PostgreSQL plans it once, not on every view (decision 032).
    expect((await preparedStatements()).some((text) => text.includes("partners_under_convention"))).toBe(true);
  });

  it("counts the season from 1 September in Paris", async () => {
    const f = await structureWithReferents("Fin août");
    // 31 August 23:30 in Paris is still season 2026; 1 September 00:30 is 2027.
    expect((await getMembershipState(f.actors[0]!, f.id, at("2027-08-31T21:30:00Z"))).season).toBe(2026);
    expect((await getMembershipState(f.actors[0]!, f.id, at("2027-08-31T22:30:00Z"))).season).toBe(2027);
  });

  it("never decides a booking: a structure that declines books as before", async () => {
    const g = await structureWithReferents("Garde");
    const { sessionId } = await stage();
    await answerMembership(g.actors[0]!, { partnerId: g.id, answer: "DECLINE" });
    expect(await requestBooking(g.actors[0]!, request(sessionId, g.id, 1))).toMatchObject({ outcome: "CONFIRMED" });
  });
});
