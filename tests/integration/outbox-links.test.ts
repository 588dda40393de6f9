// Issue 27.13: without a mail server the outbox is how the demo's mails are read, so it shows their
// single-use links; but under `npm start` an admin could read another admin's reset link there and take
// over that account. Links show only when the app runs as the demo (BILLETTERIE_DEMO, set by
// `npm run demo`: scripts/app.ts), and never those sent to another admin.
import { requestPasswordReset } from "@/lib/auth/passwords";
import { getPrisma } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { listOutbox } from "@/lib/mail/outbox";
import { runJobs } from "../support/jobs";
import { adminActor } from "../factories/actors";
import { createPartner } from "../factories";

const LINK = /\/mot-de-passe\/[\w-]+/;
const saved = { demo: process.env.BILLETTERIE_DEMO, smtp: process.env.SMTP_URL };

afterEach(() => {
  for (const [name, value] of [
    ["BILLETTERIE_DEMO", saved.demo],
    ["SMTP_URL", saved.smtp],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function resetMailsFor(...emails: string[]) {
  for (const email of emails) await requestPasswordReset({ email }, `10.9.${emails.indexOf(email)}.1`);
  await runJobs();
}

async function textTo(actor: Awaited<ReturnType<typeof adminActor>>, to: string) {
  const { mails } = await listOutbox(actor);
  return mails.find((mail) => mail.to === to)!.text;
}

describe("single-use links in the outbox", () => {
  it("are never shown under npm start, even without a mail server", async () => {
    delete process.env.SMTP_URL;
    delete process.env.BILLETTERIE_DEMO;
    const partner = await createPartner();
    await getPrisma().user.create({
      data: {
        email: "referente-start@exemple.test",
        name: "Awa",
        role: "PARTNER",
        partnerId: partner.id,
        passwordHash: await hashPassword("une phrase de passe"),
      },
    });
    await resetMailsFor("referente-start@exemple.test");
    const text = await textTo(await adminActor(), "referente-start@exemple.test");
    expect(text).not.toMatch(LINK);
    expect(text).toContain("[lien à usage unique]");
  });

  it("are shown in the demo, but never another admin's", async () => {
    delete process.env.SMTP_URL;
    process.env.BILLETTERIE_DEMO = "1";
    const partner = await createPartner();
    await getPrisma().user.create({
      data: {
        email: "referente-demo@exemple.test",
        name: "Awa",
        role: "PARTNER",
        partnerId: partner.id,
        passwordHash: await hashPassword("une phrase de passe"),
      },
    });
    const reader = await adminActor();
    const other = await getPrisma().user.create({
      data: { email: "autre-admin@exemple.test", name: "Autre", role: "ADMIN", passwordHash: await hashPassword("une phrase de passe") },
    });
    const own = await getPrisma().user.findUniqueOrThrow({ where: { id: reader.kind === "user" ? reader.userId : "" } });
    await resetMailsFor("referente-demo@exemple.test", other.email, own.email);
    expect(await textTo(reader, "referente-demo@exemple.test")).toMatch(LINK);
    expect(await textTo(reader, own.email)).toMatch(LINK);
    const othersText = await textTo(reader, other.email);
    expect(othersText).not.toMatch(LINK);
    expect(othersText).toContain("[lien à usage unique]");
  });

  it("are never shown when a mail server sends them, demo or not", async () => {
    process.env.BILLETTERIE_DEMO = "1";
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    const { mails } = await listOutbox(await adminActor());
    for (const mail of mails) expect(mail.text).not.toMatch(LINK);
  });
});

describe("the outbox searched by recipient (issue 29.10)", () => {
  it("lists only the mails to an address containing what was typed, whatever the case", async () => {
    const prisma = getPrisma();
    await prisma.outboxMail.createMany({
      data: [
        { kind: "ACCOUNT_INVITATION", to: "Accueil@Glycines.test", subject: "Votre compte", status: "SENT" },
        { kind: "ACCOUNT_INVITATION", to: "direction@glycines.test", subject: "Votre compte", status: "FAILED" },
        { kind: "ACCOUNT_INVITATION", to: "autre@ailleurs.test", subject: "Votre compte", status: "SENT" },
      ],
    });
    const admin = await adminActor();
    expect((await listOutbox(admin, { to: "glycines" })).mails.map((mail) => mail.to).sort()).toEqual(["Accueil@Glycines.test", "direction@glycines.test"]);
    expect((await listOutbox(admin, { to: "GLYCINES", status: "FAILED" })).mails.map((mail) => mail.to)).toEqual(["direction@glycines.test"]);
    expect((await listOutbox(admin, { to: "personne" })).total).toBe(0);
  });
});
