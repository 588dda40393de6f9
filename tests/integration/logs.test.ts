// Issue 31.3: the log says what ran, never who was concerned. An e2e-like sequence on the demo's data
// (requests through the gate of scripts/server.ts, a real booking, its mails sent by the job queue to a
// real SMTP server) writes its log to a stream; the log is then scanned for every name, e-mail address,
// visitor code, password and token of the demo and of the sequence: none may appear. It must still say
// what happened: the route's pattern, the status, the actor's id and role, the request id, the mails.
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { SMTPServer } from "smtp-server";
import { requestBooking } from "@/lib/booking/request";
import { getPrisma } from "@/lib/db/client";
import { requestGate } from "@/lib/http/request-gate";
import { logTo } from "@/lib/observability/log";
import { noteActor } from "@/lib/observability/request-context";
import { readRoutes, routeMatcher } from "@/lib/observability/routes";
import { demoAccounts } from "@/prisma/seed/catalog";
import { seedDemoData } from "@/prisma/seed/demo";
import { runJobs } from "../support/jobs";

jest.setTimeout(180_000);

const lines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    done();
  },
});
const logged = () =>
  lines.map(
    (line) => JSON.parse(line) as Record<string, unknown> & { req?: { route?: string }; res?: { status?: number }; actor?: { id?: string; role?: string } },
  );

const FEED_TOKEN = "f33dT0ken-9c1b5e7a2d4f6081";
const RESET_TOKEN = "r3setT0ken-77aa1c0e9b2d4f60";
const TYPED_GUEST = { firstName: "Philomène", lastName: "Vasseur-Testlog" };

let gate: http.Server;
let port: number;
let smtp: SMTPServer;
let partnerUserId: string;

beforeAll(async () => {
  await seedDemoData(process.env.DATABASE_URL!, { reset: false });
  logTo(sink);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData: (stream, _s, done) => stream.on("data", () => {}).on("end", () => done()),
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  partnerUserId = (await getPrisma().user.findUniqueOrThrow({ where: { email: demoAccounts.partner.email } })).id;
  // Next.js' part: resolves the actor as lib/auth/current.ts does, then answers.
  const standIn = (req: http.IncomingMessage, res: http.ServerResponse) => {
    req.resume();
    req.on("end", () => {
      if (req.url?.startsWith("/partenaire")) noteActor({ kind: "user", userId: partnerUserId, role: "PARTNER" });
      res.statusCode = req.url?.startsWith("/nulle-part") ? 404 : 200;
      res.end("ok");
    });
  };
  const routeOf = routeMatcher(readRoutes(path.join(process.cwd(), "app")));
  gate = http.createServer(requestGate({ handle: standIn, slots: 2, proxies: 0, https: false, log: { routeOf } }));
  await new Promise<void>((resolve) => gate.listen(0, "127.0.0.1", resolve));
  port = (gate.address() as AddressInfo).port;
}, 180_000);

afterAll(async () => {
  delete process.env.SMTP_URL;
  gate.closeAllConnections();
  await new Promise<void>((resolve) => gate.close(() => resolve()));
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

function send(pathname: string, { method = "GET", body, headers = {} }: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; requestId: string }>((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path: pathname, method, headers, agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode!, requestId: String(response.headers["x-request-id"] ?? "") }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

async function until(condition: () => boolean, what: string) {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > 60_000) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("the log of a day's sequence", () => {
  it("says what ran (routes, statuses, actors, request ids, mails) and holds no name, address, code, password or token", async () => {
    const prisma = getPrisma();
    // Requests: a sign-in form, a visitor code, a calendar feed and a password reset (tokens in the path),
    // a partner's page with an e-mail address in the query, a path no page answers.
    const signIn = `email=${encodeURIComponent(demoAccounts.partner.email)}&password=${demoAccounts.password}`;
    await send("/connexion", {
      method: "POST",
      body: signIn,
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `next-auth.session-token=${RESET_TOKEN}` },
    });
    await send("/code", { method: "POST", body: `code=${demoAccounts.visitorCode}`, headers: { "content-type": "application/x-www-form-urlencoded" } });
    await send(`/agenda/${FEED_TOKEN}`);
    await send(`/mot-de-passe/${RESET_TOKEN}?email=${encodeURIComponent(demoAccounts.admin.email)}`);
    const page = await send(`/partenaire/personnes?q=${encodeURIComponent(TYPED_GUEST.lastName)}`);
    await send(`/nulle-part/${demoAccounts.visitorCode}`);

    // A real booking by the demo's partner for one of its people and a companion typed in, then its mails.
    const partner = await prisma.partner.findFirstOrThrow({ where: { users: { some: { id: partnerUserId } } }, include: { people: { take: 1 } } });
    const actor = { kind: "user" as const, userId: partnerUserId, role: "PARTNER" as const, partnerId: partner.id };
    const sessions = await prisma.session.findMany({
      where: { startsAt: { gt: new Date(Date.now() + 7 * 86_400_000) }, event: { status: "PUBLISHED" } },
      orderBy: { startsAt: "asc" },
      take: 20,
    });
    const person = partner.people[0]!;
    let booked = false;
    for (const session of sessions) {
      const guests = [
        { firstName: person.firstName, lastName: person.lastName, kind: "MAIN", personId: person.id },
        { ...TYPED_GUEST, kind: "FAMILY_OR_FRIEND" },
      ];
      const result = await requestBooking(actor, { sessionId: session.id, partnerId: partner.id, guests, ifShort: "NOTHING" }).catch(() => null);
      if (result && result.outcome === "CONFIRMED") {
        booked = true;
        break;
      }
    }
    expect(booked).toBe(true);
    await runJobs();
    await until(() => logged().some((line) => line.msg === "courriel remis"), "a mail's line");
    await until(() => logged().filter((line) => line.msg === "requête").length >= 6, "every request's line");

    const entries = logged();
    const requests = entries.filter((line) => line.msg === "requête");
    expect(requests.map((line) => line.req?.route).sort()).toEqual([
      "(inconnue)",
      "/agenda/[token]",
      "/code",
      "/connexion",
      "/mot-de-passe/[token]",
      "/partenaire/personnes",
    ]);
    const partnerPage = requests.find((line) => line.req?.route === "/partenaire/personnes")!;
    expect(partnerPage).toMatchObject({ reqId: page.requestId, res: { status: 200 }, actor: { id: partnerUserId, role: "PARTNER" } });
    expect(partnerPage.responseTime).toEqual(expect.any(Number));
    expect(page.requestId).toMatch(/^[0-9a-f-]{36}$/);

    // Everything personal the sequence and the demo hold.
    const users = await prisma.user.findMany({ select: { email: true, name: true } });
    const people = await prisma.person.findMany({ select: { firstName: true, lastName: true } });
    const guests = await prisma.bookingGuest.findMany({ select: { firstName: true, lastName: true } });
    const venues = await prisma.venue.findMany({ select: { phone: true, email: true, ticketOfficePhone: true, ticketOfficeEmail: true } });
    const forbidden = new Set<string>([demoAccounts.password, demoAccounts.visitorCode, FEED_TOKEN, RESET_TOKEN, TYPED_GUEST.firstName, TYPED_GUEST.lastName]);
    for (const user of users) [user.email, user.name].forEach((value) => value && forbidden.add(value));
    for (const someone of [...people, ...guests]) forbidden.add(`${someone.firstName} ${someone.lastName}`).add(someone.lastName);
    for (const venue of venues)
      [venue.phone, venue.email, venue.ticketOfficePhone, venue.ticketOfficeEmail].forEach((value) => value && value.length > 4 && forbidden.add(value));
    // As a word ("Pons" is a name, not the middle of "responseTime"), as written or as a URL encodes it.
    const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const appears = (value: string) =>
      [value, encodeURIComponent(value)].some((form) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(form)}(?![\\p{L}\\p{N}])`, "iu").test(lines.join("\n")));
    const found = [...forbidden].filter(appears);
    expect(found.map((value) => [value, lines.find((line) => line.toLowerCase().includes(value.toLowerCase()))])).toEqual([]);
  });
});
