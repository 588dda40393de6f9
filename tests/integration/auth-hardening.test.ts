// Hardening items 10 to 13: the client's address is not what the client says, limits hold under a burst,
// no usable link rests in the database, and links end with their account; forgotten-password requests
// are limited.
import { randomUUID } from "node:crypto";
import type { RequestInternal } from "next-auth";
import { setAccountActive } from "@/lib/auth/accounts";
import { inviteUser } from "@/lib/auth/invitations";
import { choosePassword, requestPasswordReset } from "@/lib/auth/passwords";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { authOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { LIMITS } from "@/lib/auth/throttle";
import { openVisitorAccess } from "@/lib/auth/visitor";
import { getPrisma } from "@/lib/db/client";
import { CLIENT_ADDRESS_HEADER, clientAddress, clientAddressOf, signClientAddress } from "@/lib/http/client-address";
import { listOutbox } from "@/lib/mail/outbox";
import { runJobs } from "../support/jobs";
import { adminActor } from "../factories/actors";
import { createPartner } from "../factories";

const PASSWORD = "une phrase de passe";

async function account(email: string) {
  const partner = await createPartner();
  return getPrisma().user.create({ data: { email, name: "Awa Diallo", role: "PARTNER", partnerId: partner.id, passwordHash: await hashPassword(PASSWORD) } });
}

/** Calls next-auth's provider as a sign-in request with these headers would. */
function authorize(providerId: "credentials" | "visitor", credentials: Record<string, string>, headers: Record<string, string>) {
  const provider = authOptions.providers.find((p) => ((p as unknown as { options?: { id?: string } }).options?.id ?? p.id) === providerId) as unknown as {
    options: { authorize(credentials: Record<string, string>, req: Pick<RequestInternal, "headers">): Promise<unknown> };
  };
  return provider.options.authorize(credentials, { headers }).then(
    () => "OK",
    (error: Error) => error.message,
  );
}

async function linkSentTo(to: string) {
  await runJobs();
  const { mails } = await listOutbox(await adminActor());
  return /\/mot-de-passe\/([\w-]+)/.exec(mails.find((mail) => mail.to === to)!.text)![1]!;
}

describe("item 10: the client's address", () => {
  it("comes from the socket, walking back only through trusted proxies", () => {
    expect(clientAddressOf("203.0.113.7", "1.2.3.4", 0)).toBe("203.0.113.7");
    expect(clientAddressOf("10.0.0.2", "1.2.3.4, 198.51.100.9", 1)).toBe("198.51.100.9");
    expect(clientAddressOf("10.0.0.2", ["1.2.3.4", "198.51.100.9, 10.0.0.1"], 2)).toBe("198.51.100.9");
    expect(clientAddressOf("::ffff:127.0.0.1", undefined, 3)).toBe("127.0.0.1");
    expect(clientAddressOf("10.0.0.2", "<script>", 1)).toBe("inconnue");
  });

  it("is read only from the header the app's server signs", () => {
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: signClientAddress("203.0.113.7") })).toBe("203.0.113.7");
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "1.2.3.4 forged", "x-forwarded-for": "1.2.3.4" })).toBe("inconnue");
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4" })).toBe("inconnue");
  });

  it("cannot be changed by sending another X-Forwarded-For: code guessing stays limited", async () => {
    const answers: string[] = [];
    for (let i = 0; i < LIMITS["visitor-ip"] + 5; i++) {
      answers.push(await authorize("visitor", { code: `FAUX${i}AB` }, { "x-forwarded-for": `198.51.100.${i}` }));
    }
    expect(answers.filter((answer) => answer === "INVALID")).toHaveLength(LIMITS["visitor-ip"]);
    expect(answers.slice(LIMITS["visitor-ip"])).toEqual(Array(5).fill("THROTTLED"));
  });

  it("caps wrong visitor codes from every address together", async () => {
    const partner = await createPartner({
      visitorCode: `V${randomUUID()
        .slice(0, 7)
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, "A")}`,
    });
    const failures = Array.from({ length: LIMITS["visitor-all"] }, (_, i) => ({ key: "visitor-all:*", at: new Date(Date.now() - i) }));
    await getPrisma().signInAttempt.createMany({ data: failures });
    // A new address, and even the right code: guessing from many addresses has used the window up.
    await expect(openVisitorAccess(partner.visitorCode, "203.0.113.50")).resolves.toEqual({ ok: false, reason: "THROTTLED" });
  });
});

describe("item 11: a burst of attempts gets no more checks than the limit", () => {
  it("twenty wrong passwords at once: five checked, the rest refused; the right one after them too", async () => {
    await account("rafale@exemple.test");
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => verifyCredentials({ email: "rafale@exemple.test", password: `faux ${i}` }, `10.5.0.${i}`)),
    );
    expect(burst.filter((result) => !result.ok && result.reason === "INVALID")).toHaveLength(LIMITS.email);
    expect(burst.filter((result) => !result.ok && result.reason === "THROTTLED")).toHaveLength(20 - LIMITS.email);
    await expect(verifyCredentials({ email: "rafale@exemple.test", password: PASSWORD }, "10.5.1.1")).resolves.toEqual({ ok: false, reason: "THROTTLED" });
  });

  it("the right password inside a burst of wrong ones signs in only within the limit", async () => {
    await account("melee@exemple.test");
    const attempts = Array.from({ length: 20 }, (_, i) => (i === 19 ? PASSWORD : `faux ${i}`));
    const results = await Promise.all(attempts.map((password, i) => verifyCredentials({ email: "melee@exemple.test", password }, `10.6.0.${i}`)));
    const checked = results.filter((result) => result.ok || result.reason === "INVALID");
    expect(checked).toHaveLength(LIMITS.email);
    // It was checked only if its turn came within the limit.
    expect(results[19]!.ok).toBe(checked.includes(results[19]!));
  });
});

describe("item 12: no usable single-use link rests in the database", () => {
  it("keeps invitation and reset links sealed in the outbox, and only their hash in tokens", async () => {
    const admin = await adminActor();
    // A referent, not an admin: another admin's link never shows in the outbox (issue 27.13).
    await inviteUser(admin, { email: "scellee@exemple.test", name: "Inès Martin", role: "PARTNER", partnerId: (await createPartner()).id });
    await account("oubli@exemple.test");
    await requestPasswordReset({ email: "oubli@exemple.test" }, "10.7.0.1");
    const tokens = [await linkSentTo("scellee@exemple.test"), await linkSentTo("oubli@exemple.test")];

    // Everything the database holds, as text: a copy of it, the job queue's tables included.
    const tables = await getPrisma().$queryRaw<{ name: string }[]>`
      SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname IN ('public', 'graphile_worker')`;
    expect(tables.map((table) => table.name)).toContain("graphile_worker._private_jobs");
    const dump = (
      await Promise.all(tables.map(async ({ name }) => JSON.stringify(await getPrisma().$queryRawUnsafe(`SELECT t::text AS row FROM ${name} t`))))
    ).join("\n");
    for (const token of tokens) expect(dump).not.toContain(token);
    // The links still work for their recipients.
    await expect(choosePassword({ token: tokens[0], password: "bienvenue à bord !", confirm: "bienvenue à bord !" })).resolves.toMatchObject({
      email: "scellee@exemple.test",
    });
  });
});

describe("item 13: links end with their account, and reset requests are limited", () => {
  it("a reset link sent before a deactivation does nothing after it, even once reactivated", async () => {
    const user = await account("partie@exemple.test");
    await requestPasswordReset({ email: "partie@exemple.test" }, "10.8.0.1");
    const token = await linkSentTo("partie@exemple.test");
    const admin = await adminActor();
    await setAccountActive(admin, { userId: user.id, active: false });
    await expect(choosePassword({ token, password: "je reviens en douce", confirm: "je reviens en douce" })).rejects.toMatchObject({ code: "LINK_INVALID" });
    await setAccountActive(admin, { userId: user.id, active: true });
    await expect(choosePassword({ token, password: "je reviens en douce", confirm: "je reviens en douce" })).rejects.toMatchObject({ code: "LINK_INVALID" });
    expect((await getPrisma().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
  });

  it("twenty forgotten-password requests send three mails, then say to wait", async () => {
    await account("inondee@exemple.test");
    const answers: string[] = [];
    for (let i = 0; i < 20; i++)
      answers.push(
        await requestPasswordReset({ email: "inondee@exemple.test" }, `10.9.0.${i}`).then(
          () => "SENT",
          (error: { code: string }) => error.code,
        ),
      );
    expect(answers.filter((answer) => answer === "SENT")).toHaveLength(LIMITS["reset-email"]);
    expect(answers.slice(LIMITS["reset-email"]).every((answer) => answer === "TOO_MANY_REQUESTS")).toBe(true);
    await runJobs();
    expect(await getPrisma().outboxMail.count({ where: { to: "inondee@exemple.test" } })).toBe(LIMITS["reset-email"]);
  });
});
