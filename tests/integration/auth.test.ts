// Sign-in, single-use links, invitations, deactivation and visitor access, against the real database.
import { anonymousActor, type Actor } from "@/lib/auth/actor";
import { setAccountActive } from "@/lib/auth/accounts";
import { listAccounts } from "@/lib/auth/account-list";
import { inviteUser, resendInvitation } from "@/lib/auth/invitations";
import { choosePassword, requestPasswordReset } from "@/lib/auth/passwords";
import { userActor, verifyCredentials } from "@/lib/auth/sign-in";
import { hashPassword } from "@/lib/auth/password";
import { LIMITS } from "@/lib/auth/throttle";
import { issueToken } from "@/lib/auth/tokens";
import { getReferentContact, getVisitorCode, openVisitorAccess, renewVisitorCode, visitorActor, VISITOR_SESSION_MS } from "@/lib/auth/visitor";
import { getPrisma } from "@/lib/db/client";
import { formatVisitorCode } from "@/lib/codes";
import { listOutbox } from "@/lib/mail/outbox";
import { runJobs } from "../support/jobs";
import { AccessDeniedError, NotFoundError, RuleViolation } from "@/lib/errors";
import { adminActor, partnerActor, venueActor } from "../factories/actors";
import { createPartner, createVenue } from "../factories";

const PASSWORD = "une phrase de passe";

async function userWithPassword(email: string) {
  const partner = await createPartner();
  return getPrisma().user.create({ data: { email, name: "Awa Diallo", role: "PARTNER", partnerId: partner.id, passwordHash: await hashPassword(PASSWORD) } });
}

const linkIn = (text: string) => /\/mot-de-passe\/([\w-]+)/.exec(text)![1]!;

/** The link of the last mail to `to`, as the association reads it in the demo's outbox. */
async function sentLink(to: string) {
  await runJobs();
  const { mails } = await listOutbox(await adminActor());
  return linkIn(mails.find((mail) => mail.to === to)!.text);
}

describe("signing in", () => {
  it("accepts the right password and refuses a wrong one or an unknown address alike", async () => {
    const user = await userWithPassword("awa@exemple.test");
    await expect(verifyCredentials({ email: " AWA@exemple.test ", password: PASSWORD }, "10.0.0.1")).resolves.toMatchObject({ ok: true, userId: user.id });
    await expect(verifyCredentials({ email: "awa@exemple.test", password: "non" }, "10.0.0.1")).resolves.toEqual({ ok: false, reason: "INVALID" });
    await expect(verifyCredentials({ email: "personne@exemple.test", password: "non" }, "10.0.0.1")).resolves.toEqual({ ok: false, reason: "INVALID" });
    await expect(verifyCredentials({ email: "pas une adresse" }, "10.0.0.1")).resolves.toEqual({ ok: false, reason: "INVALID" });
  });

  it("limits failed attempts per account, whatever the address, even with the right password then", async () => {
    await userWithPassword("lou@exemple.test");
    for (let i = 0; i < LIMITS.email; i++) await verifyCredentials({ email: "lou@exemple.test", password: "faux" }, `10.0.1.${i}`);
    await expect(verifyCredentials({ email: "lou@exemple.test", password: PASSWORD }, "10.0.2.1")).resolves.toEqual({ ok: false, reason: "THROTTLED" });
    // An address with no account is limited the same way: the answer tells nothing.
    for (let i = 0; i < LIMITS.email; i++) await verifyCredentials({ email: "fantome@exemple.test", password: "faux" }, `10.0.3.${i}`);
    await expect(verifyCredentials({ email: "fantome@exemple.test", password: "faux" }, "10.0.4.1")).resolves.toEqual({ ok: false, reason: "THROTTLED" });
  });

  it("limits failed attempts per address, across accounts", async () => {
    for (let i = 0; i < LIMITS.ip; i++) await verifyCredentials({ email: `n${i}@exemple.test`, password: "faux" }, "10.9.9.9");
    await userWithPassword("nina@exemple.test");
    await expect(verifyCredentials({ email: "nina@exemple.test", password: PASSWORD }, "10.9.9.9")).resolves.toEqual({ ok: false, reason: "THROTTLED" });
    await expect(verifyCredentials({ email: "nina@exemple.test", password: PASSWORD }, "10.9.9.8")).resolves.toMatchObject({ ok: true });
  });

  it("refuses a deactivated account, and ends its open sessions", async () => {
    const user = await userWithPassword("max@exemple.test");
    const admin = await adminActor();
    expect(await userActor(user.id, user.sessionVersion)).toMatchObject({ kind: "user", role: "PARTNER" });
    await setAccountActive(admin, { userId: user.id, active: false });
    expect(await userActor(user.id, user.sessionVersion)).toBeNull();
    await expect(verifyCredentials({ email: "max@exemple.test", password: PASSWORD }, "10.0.0.2")).resolves.toEqual({ ok: false, reason: "INVALID" });
  });
});

describe("links sent by email", () => {
  it("resets a password once, through a link that expires, and says the same for unknown addresses", async () => {
    const user = await userWithPassword("zoe@exemple.test");
    await requestPasswordReset({ email: "inconnue@exemple.test" });
    expect(await getPrisma().outboxMail.count()).toBe(0);
    await requestPasswordReset({ email: "zoe@exemple.test" });
    const token = await sentLink("zoe@exemple.test");
    expect(await getPrisma().authToken.count({ where: { tokenHash: token } })).toBe(0); // only its hash is kept

    await expect(choosePassword({ token, password: "court", confirm: "court" })).rejects.toMatchObject({
      fieldErrors: { password: ["validation.passwordTooShort"] },
    });
    await choosePassword({ token, password: "un tout nouveau mot de passe", confirm: "un tout nouveau mot de passe" });
    await expect(choosePassword({ token, password: "encore un autre mot", confirm: "encore un autre mot" })).rejects.toBeInstanceOf(RuleViolation);
    await expect(verifyCredentials({ email: "zoe@exemple.test", password: "un tout nouveau mot de passe" }, "10.0.0.3")).resolves.toMatchObject({ ok: true });
    // The sessions opened with the old password end.
    expect(await userActor(user.id, user.sessionVersion)).toBeNull();

    const old = await issueToken(user.id, "PASSWORD_RESET", new Date(Date.now() - 2 * 3600_000));
    await expect(choosePassword({ token: old, password: "un mot de passe tardif", confirm: "un mot de passe tardif" })).rejects.toBeInstanceOf(RuleViolation);
  });

  it("invites: an admin anyone, a referent into their structure only, a manager onto their venue only", async () => {
    const partner = await createPartner();
    const other = await createPartner();
    const venue = await createVenue();
    const admin = await adminActor();
    const referent = await partnerActor(partner.id);
    const manager = await venueActor(venue.id);

    const { userId } = await inviteUser(referent, { email: "Nouvelle@Exemple.test", name: "Inès Martin", role: "PARTNER" });
    expect(await getPrisma().user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({
      email: "nouvelle@exemple.test",
      partnerId: partner.id,
      passwordHash: null,
    });
    await choosePassword({ token: await sentLink("nouvelle@exemple.test"), password: "bienvenue à bord !", confirm: "bienvenue à bord !" });
    await expect(verifyCredentials({ email: "nouvelle@exemple.test", password: "bienvenue à bord !" }, "10.0.0.4")).resolves.toMatchObject({ ok: true });

    await expect(inviteUser(referent, { email: "a@exemple.test", name: "A", role: "PARTNER", partnerId: other.id })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(inviteUser(referent, { email: "b@exemple.test", name: "B", role: "ADMIN" })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(inviteUser(manager, { email: "c@exemple.test", name: "C", role: "VENUE" })).resolves.toBeDefined();
    await expect(inviteUser(manager, { email: "d@exemple.test", name: "D", role: "VENUE", venueId: (await createVenue()).id })).rejects.toBeInstanceOf(
      AccessDeniedError,
    );
    await expect(inviteUser(admin, { email: "nouvelle@exemple.test", name: "X", role: "ADMIN" })).rejects.toMatchObject({ code: "ACCOUNT_EXISTS" });
    await expect(inviteUser({ kind: "visitor", partnerId: partner.id }, { email: "e@exemple.test", name: "E", role: "PARTNER" })).rejects.toBeInstanceOf(
      AccessDeniedError,
    );
    expect(await getPrisma().user.count({ where: { email: { in: ["a@exemple.test", "b@exemple.test", "d@exemple.test", "e@exemple.test"] } } })).toBe(0);
  });

  it("sends an invitation again with a new link, the first one no longer valid, to those who may see the account", async () => {
    const partner = await createPartner();
    const referent = await partnerActor(partner.id);
    const { userId } = await inviteUser(referent, { email: "perdue@exemple.test", name: "Lina Perrin", role: "PARTNER" });
    const first = await sentLink("perdue@exemple.test");

    await expect(resendInvitation(referent, { userId })).resolves.toEqual({ email: "perdue@exemple.test" });
    await runJobs();
    const { mails } = await listOutbox(await adminActor());
    const links = mails.filter((mail) => mail.to === "perdue@exemple.test").map((mail) => linkIn(mail.text));
    expect(links).toHaveLength(2);
    const second = links.find((link) => link !== first)!;
    expect(await getPrisma().auditLog.count({ where: { action: "user.invitation_resent", entityId: userId } })).toBe(1);
    // Only the new link chooses the password.
    await expect(choosePassword({ token: first, password: "avec le premier lien", confirm: "avec le premier lien" })).rejects.toBeInstanceOf(RuleViolation);
    await choosePassword({ token: second, password: "avec le nouveau lien", confirm: "avec le nouveau lien" });
    await expect(verifyCredentials({ email: "perdue@exemple.test", password: "avec le nouveau lien" }, "10.0.0.5")).resolves.toMatchObject({ ok: true });

    // Once the password is chosen, or the account deactivated, there is nothing to resend; another structure's account is nobody's.
    await expect(resendInvitation(await adminActor(), { userId })).rejects.toMatchObject({ code: "ACCOUNT_NOT_PENDING" });
    const pending = (await inviteUser(referent, { email: "partie@exemple.test", name: "Léa Roux", role: "PARTNER" })).userId;
    await setAccountActive(referent, { userId: pending, active: false });
    await expect(resendInvitation(referent, { userId: pending })).rejects.toMatchObject({ code: "ACCOUNT_INACTIVE" });
    await expect(resendInvitation(await partnerActor((await createPartner()).id), { userId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(resendInvitation({ kind: "visitor", partnerId: partner.id }, { userId })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(resendInvitation(referent, { userId: "pas-un-id" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("lists and deactivates only the accounts of the actor's own structure", async () => {
    const partner = await createPartner();
    const referent = await partnerActor(partner.id);
    const colleague = await partnerActor(partner.id);
    const stranger = await partnerActor((await createPartner()).id);
    const { accounts } = await listAccounts(referent);
    expect(accounts.map((a) => a.id).sort()).toEqual([(referent as { userId: string }).userId, (colleague as { userId: string }).userId].sort());
    await expect(setAccountActive(stranger, { userId: (colleague as { userId: string }).userId, active: false })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setAccountActive(referent, { userId: (referent as { userId: string }).userId, active: false })).rejects.toMatchObject({
      code: "CANNOT_DEACTIVATE_SELF",
    });
    await setAccountActive(referent, { userId: (colleague as { userId: string }).userId, active: false });
    await expect(listAccounts(anonymousActor)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("finds accounts by a part of the name or the address, page by page, within what the actor may see (issue 14)", async () => {
    const partner = await createPartner();
    const referent = await partnerActor(partner.id);
    const prisma = getPrisma();
    await prisma.user.create({ data: { email: "awa.zorglub@escale.test", name: "Awa Zorglub", role: "PARTNER", partnerId: partner.id } });
    await prisma.user.create({ data: { email: "jerome.k@escale-bis.test", name: "Jérôme Ndiaye", role: "PARTNER", partnerId: partner.id } });
    await prisma.user.create({ data: { email: "zorglub.m@ailleurs.test", name: "Moussa Zorglub", role: "PARTNER", partnerId: (await createPartner()).id } });
    expect((await listAccounts(referent, { text: "ZORGLUB" })).accounts.map((a) => a.name)).toEqual(["Awa Zorglub"]);
    expect((await listAccounts(referent, { text: "jerome.k@" })).accounts.map((a) => a.name)).toEqual(["Jérôme Ndiaye"]);
    const admin = await adminActor();
    const found = await listAccounts(admin, { text: "zorglub" });
    expect(found.accounts.map((a) => a.name).sort()).toEqual(["Awa Zorglub", "Moussa Zorglub"]);
    expect(found.total).toBe(2);
    const pageTwo = await listAccounts(admin, { text: "zorglub", page: 2, pageSize: 1 });
    expect(pageTwo).toMatchObject({ total: 2, accounts: [expect.objectContaining({ name: expect.stringMatching(/Zorglub$/) })] });
  });
});

describe("visitor access", () => {
  it("opens a read-only session with the structure's code, which renewing ends", async () => {
    const partner = await createPartner({ visitorCode: "ESCALE26", phone: "04 78 00 00 00" });
    const referent: Actor = await partnerActor(partner.id);
    const access = await openVisitorAccess(" escale-26 ", "10.1.0.1");
    expect(access).toMatchObject({ ok: true, partnerId: partner.id });
    const opened = Date.now();
    const { codeVersion } = access as { codeVersion: number };
    expect(await visitorActor(partner.id, codeVersion, opened)).toEqual({ kind: "visitor", partnerId: partner.id });
    expect(await visitorActor(partner.id, codeVersion, opened - VISITOR_SESSION_MS - 1)).toBeNull();
    // Each opening is a session of its own, named at random, which the actor carries (issue 27.7: limits count per session).
    const { session } = access as { session: string };
    expect(session).toMatch(/^[0-9a-f-]{36}$/);
    expect(await openVisitorAccess("ESCALE26", "10.1.0.2")).toMatchObject({ ok: true, session: expect.not.stringMatching(session) });
    expect(await visitorActor(partner.id, codeVersion, opened, Date.now(), session)).toEqual({ kind: "visitor", partnerId: partner.id, session });
    expect(await getReferentContact({ kind: "visitor", partnerId: partner.id })).toMatchObject({ phone: "04 78 00 00 00" });

    const { code } = await renewVisitorCode(referent, { partnerId: partner.id });
    // Easy to read aloud and to type (issue 29.6): made-up syllables and two digits, typed with or without dashes.
    expect(code).toMatch(/^(?:[BDFKLMNPRTVZ][AEIOU]){6}[2-9]{2}$/);
    expect(await visitorActor(partner.id, codeVersion, opened)).toBeNull();
    await expect(openVisitorAccess("ESCALE26", "10.1.0.1")).resolves.toEqual({ ok: false, reason: "INVALID" });
    await expect(openVisitorAccess(formatVisitorCode(code).toLowerCase(), "10.1.0.1")).resolves.toMatchObject({ ok: true });
    expect(await getVisitorCode(referent, partner.id)).toMatchObject({ code });
  });

  it("keeps the code to its structure", async () => {
    const partner = await createPartner({ visitorCode: "K7QM3RTX" });
    const stranger = await partnerActor((await createPartner()).id);
    await expect(getVisitorCode(stranger, partner.id)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(renewVisitorCode(stranger, { partnerId: partner.id })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(renewVisitorCode({ kind: "visitor", partnerId: partner.id }, { partnerId: partner.id })).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await getPrisma().partner.findUniqueOrThrow({ where: { id: partner.id } })).toMatchObject({ visitorCode: "K7QM3RTX" });
  });

  it("limits code guessing per address", async () => {
    for (let i = 0; i < LIMITS["visitor-ip"]; i++) await openVisitorAccess(`FAUX${i}XYZ`, "10.2.0.1");
    await createPartner({ visitorCode: "ABCD2345" });
    await expect(openVisitorAccess("ABCD2345", "10.2.0.1")).resolves.toEqual({ ok: false, reason: "THROTTLED" });
  });
});
