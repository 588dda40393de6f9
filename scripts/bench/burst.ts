// npm run bench:burst [-- --json] [--requests N] [--capacity N] [--accounts N] [--servers N] [--rounds N] [--workers] [--reuse-build] [--cpu-prof] [--keep] [--one-address]
// A burst of booking requests as partners' browsers send them: N simultaneous submissions of the booking
// form (the server action bookAction, over HTTP, encoded as React's client encodes it) for one session,
// spread over several app servers (scripts/server.ts, as production and the demo run it) sharing one
// database. Everything runs here: an embedded PostgreSQL in a temporary folder, the data the burst needs
// (a published event, one session of `--capacity` places, partner structures with a referent account and
// their people), the production build (.next, rebuilt only when the sources changed, as npm run demo
// decides). Each account signs in through next-auth's credentials endpoint before the timed burst; each
// request books one person of its structure. Prints wall time, latencies, outcomes, errors, the servers'
// CPU per request, and checks in SQL that nothing was oversold. Last line with --json:
// {"requests","wall_ms","p50_ms","p99_ms","errors","oversold","rounds_wall_ms","server_cpu_ms_per_request","db_cpu_ms_per_request"}:
// after a first burst that warms the
// servers and is not timed, the burst is sent --rounds times (3 by default), each time to a fresh session,
// and the figures are those of the round of median wall time (errors and oversold: of every burst,
// the warm-up's included); errors are HTTP errors, failed connections and
// answers that are neither a booking nor a refusal; oversold, the places confirmed beyond the capacity. A
// refusal ("busy, try again", "nothing booked") is an answer, counted and printed apart. Exits with 1 on an
// error, an oversold place, counters out of step with the bookings or answers that disagree with them.
//   --workers   run the job queue's workers in the servers (off by default: the burst alone is measured)
//   --reuse-build  use .next as it is, even if the sources changed since (others share this checkout's .next)
//   --cpu-prof  write the servers' CPU profiles (node --cpu-prof) and print where their time went
//   --keep      leave the servers and the database running after the burst (Ctrl+C to stop), to look by hand
//   --one-address  every request from this machine's one address, as before decision 030: the servers then
//               give the whole burst half of their action slots (one client's share, decision 014)
// Each structure's browser has its own address, as in a real opening: the servers stand behind one proxy
// of ours (TRUSTED_PROXIES=1), which the bench plays by sending X-Forwarded-For (decision 030).
import "../lib/allow-server-only";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import zlib from "node:zlib";
import { hashPassword } from "../../lib/auth/password";
import { createPrismaClient } from "../../lib/db/client";
import { ensureDatabase, freePort, startEmbeddedPostgres } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrations";
import { buildIsCurrent, buildProduction, profileClockUs, summarizeCpuProfiles } from "./burst-support";

const args = process.argv.slice(2);
const json = args.includes("--json");
const option = (name: string, fallback: number) => {
  const index = args.indexOf(name);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} : un entier positif est attendu.`);
  return value;
};
const REQUESTS = option("--requests", 500);
const CAPACITY = option("--capacity", 50);
const SERVERS = option("--servers", 2);
/** Bursts in a row, each on a session of its own, on the same servers. */
const ROUNDS = option("--rounds", 3);
/** One referent account per structure; requests are shared out among them, one person each. */
const ACCOUNTS = Math.min(REQUESTS, option("--accounts", REQUESTS));
const WARMUP_PER_SERVER = 8;
const PASSWORD = "banc-d-essai-rafale";
const ONE_ADDRESS = args.includes("--one-address");
const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);

const root = path.resolve(__dirname, "..", "..");
const ACTION_FILE = "app/offre/[eventId]/reserver/[sessionId]/actions.ts";

// React's client encoder, the one the browser's bundle uses to send a server action's arguments.
const { encodeReply } = createRequire(__filename)("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply(value: unknown): Promise<string | FormData>;
};

interface Server {
  port: number;
  origin: string;
  child: ChildProcess;
  log: string;
}

interface Account {
  partnerId: string;
  email: string;
  /** Its browser's address, as the proxy in front of the servers reports it. */
  address: string;
  people: { id: string; firstName: string; lastName: string }[];
  cookie?: string;
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "billetterie-burst-"));
  const servers: Server[] = [];
  let stopDatabase: () => Promise<void> = async () => {};
  const cleanUp = async () => {
    await Promise.all(servers.map((server) => stopServer(server)));
    await stopDatabase().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.on("SIGINT", () => void cleanUp().then(() => process.exit(130)));
  try {
    // ── The database and the data ──
    const database = await startEmbeddedPostgres({ dataDir: path.join(tmp, "data"), port: 0, persistent: false });
    stopDatabase = () => database.stop();
    await ensureDatabase(database.url("postgres"), "bench");
    const url = database.url("bench");
    await applyMigrations(url);
    const started = performance.now();
    const data = await createData(url);
    say(`Données : ${ROUNDS + 1} séances de ${CAPACITY} places, ${ACCOUNTS} structures et comptes, ${REQUESTS} personnes (${ms(performance.now() - started)})`);

    // ── The production build and the servers ──
    if (args.includes("--reuse-build") && fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
      if (!buildIsCurrent()) say("Build réutilisé tel quel (--reuse-build) : les sources ont changé depuis.");
    } else if (!buildIsCurrent()) {
      say("Construction de l'application (next build)…");
      buildProduction();
    }
    const actionId = bookActionId();
    const secrets = {
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      INVITATION_SIGNING_KEY: randomBytes(32).toString("base64url"),
      INVITATION_ED25519_KEY: randomBytes(32).toString("base64url"),
    };
    const profileDir = args.includes("--cpu-prof") ? fs.mkdtempSync(path.join(os.tmpdir(), "billetterie-burst-prof-")) : null;
    for (let i = 0; i < SERVERS; i++) servers.push(startServer(await freePort(), url, secrets, tmp, profileDir));
    await Promise.all(servers.map(waitForHealth));
    say(
      `Serveurs : ${servers.map((s) => s.origin).join(", ")} (scripts/server.ts, build ${fs.readFileSync(path.join(root, ".next", "BUILD_ID"), "utf8").trim()})`,
    );

    // ── Every account signs in, as the sign-in page does (next-auth's credentials endpoint) ──
    const signInStart = performance.now();
    await eachLimited(data.accounts, 8, async (account, index) => {
      // Signing in is not what is measured: on a loaded machine the first sign-ins of cold servers were
      // seen refused (401, lib/auth/throttle.ts's transaction out of time), so each account tries thrice.
      for (let attempt = 1; !account.cookie; attempt++) {
        try {
          account.cookie = await signIn(servers[index % servers.length]!, account.email, account.address);
        } catch (error) {
          if (attempt >= 3) throw error;
        }
      }
    });
    say(`Connexions : ${data.accounts.length} comptes en ${ms(performance.now() - signInStart)}`);

    const bookingPage = (sessionId: string) => `/offre/${data.eventId}/reserver/${sessionId}`;
    const send = (server: Server, account: Account, sessionId: string, body: Body) =>
      post(server, bookingPage(sessionId), { ...actionHeaders(server, account, actionId, data.eventId, sessionId), "Content-Type": body.type }, body.bytes);

    // ── Warm-up, on a session of its own: each server loads the form, the action and the booking page ──
    for (const [index, server] of servers.entries()) {
      const account = data.accounts[index % data.accounts.length]!;
      const page = await fetch(`${server.origin}${bookingPage(data.warmupSessionId)}`, { headers: { Cookie: account.cookie! } });
      if (!page.ok || !(await page.text()).includes("Confirmer la réservation"))
        throw new Error(`Le formulaire ne s'affiche pas (${page.status}) sur ${server.origin}.`);
      for (let i = 0; i < WARMUP_PER_SERVER; i++) {
        const k = index * WARMUP_PER_SERVER + i;
        const warmAccount = data.accounts[k % data.accounts.length]!;
        const person = warmAccount.people[Math.floor(k / data.accounts.length) % warmAccount.people.length]!;
        const response = await send(server, warmAccount, data.warmupSessionId, await body(warmAccount, person, data.warmupSessionId));
        const text = response.text;
        const answer = classify(response);
        if (index === 0 && i === 0) {
          // The first answer, looked at by hand: what the browser receives, and the booking in the database.
          say(
            `Réponse type : HTTP ${response.status}, ${response.headers["content-type"]}, ${response.wireBytes} octets reçus (${response.headers["content-encoding"] ?? "non compressés"}), ` +
              `${Buffer.byteLength(text)} octets, x-action-redirect: ${response.headers["x-action-redirect"] ?? "—"}`,
          );
          say(`  corps : ${text.slice(0, 240).replace(/\n/g, "⏎")}${text.length > 240 ? "…" : ""}`);
          const [row] = await data.sql<{ number: string; status: string }>(`SELECT "number", "status"::text AS "status" FROM "Booking" WHERE "id" = $1::uuid`, [
            answer.bookingId ?? "00000000-0000-0000-0000-000000000000",
          ]);
          say(`  → ${answer.outcome}${row ? `, réservation ${row.number} (${row.status}) en base` : " : aucune réservation trouvée en base"}`);
          if (!row) throw new Error("La réponse de l'action ne correspond à aucune réservation : le banc ne mesure pas une réservation.");
        }
        if (answer.outcome !== "CONFIRMED") throw new Error(`Échauffement : réponse inattendue (${answer.outcome}) ${text.slice(0, 300)}`);
        if (answer.bookingId)
          await fetch(`${server.origin}/partenaire/reservations/${answer.bookingId}?resultat=CONFIRMED`, { headers: { Cookie: warmAccount.cookie! } }).then(
            (r) => r.text(),
          );
      }
    }

    // ── The bursts: each on a session of its own, every request ready beforehand, all sent at once ──
    let firstBurstUs: number | undefined;
    let lastBurstUs = 0;
    const databasePid = postgresPid(database.port);
    const burst = async (round: number, sessionId: string) => {
      const prepared = await Promise.all(
        Array.from({ length: REQUESTS }, async (_, i) => {
          const account = data.accounts[i % data.accounts.length]!;
          const person = account.people[Math.floor(i / data.accounts.length)]!;
          const server = servers[i % servers.length]!;
          return { server, account, body: await body(account, person, sessionId) };
        }),
      );
      const cpuBefore = servers.map((server) => processTreeCpuMs(server.child.pid!));
      const databaseCpuBefore = databasePid ? processTreeCpuMs(databasePid) : 0;
      const clientCpuBefore = process.cpuUsage();
      const burstStartedAt = Date.now();
      const results: { ms: number; outcome: string; status: number; bytes: number; message?: string; bookingId?: string }[] = [];
      const burstStart = performance.now();
      firstBurstUs ??= profileClockUs();
      await Promise.all(
        prepared.map(async ({ server, account, body }) => {
          const t0 = performance.now();
          try {
            const response = await send(server, account, sessionId, body);
            const answer = classify(response);
            results.push({
              ms: performance.now() - t0,
              outcome: answer.outcome,
              status: response.status,
              bytes: response.wireBytes,
              message: answer.message,
              bookingId: answer.bookingId,
            });
          } catch (error) {
            results.push({ ms: performance.now() - t0, outcome: "ERROR", status: 0, bytes: 0, message: (error as Error).message });
          }
        }),
      );
      const wall = performance.now() - burstStart;
      lastBurstUs = profileClockUs();
      const cpuMs = servers.reduce((sum, server, index) => sum + processTreeCpuMs(server.child.pid!) - cpuBefore[index]!, 0);
      const databaseCpuMs = databasePid ? processTreeCpuMs(databasePid) - databaseCpuBefore : NaN;
      const clientCpu = process.cpuUsage(clientCpuBefore);
      const clientCpuMs = (clientCpu.user + clientCpu.system) / 1000;

      // ── What happened ──
      const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
      const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
      const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
      const http5xx = results.filter((r) => r.status >= 500).length;
      const errors = results.filter((r) => r.outcome === "ERROR").length;
      const refusals = new Map<string, number>();
      for (const r of results.filter((r) => r.outcome === "REFUSED")) refusals.set(r.message ?? "?", (refusals.get(r.message ?? "?") ?? 0) + 1);
      const errorKinds = new Map<string, number>();
      for (const r of results.filter((r) => r.outcome === "ERROR"))
        errorKinds.set(`${r.status || "réseau"} ${r.message ?? ""}`.trim(), (errorKinds.get(`${r.status || "réseau"} ${r.message ?? ""}`.trim()) ?? 0) + 1);

      // When each request reached lib/booking (a booking's createdAt is the moment requestBooking was
      // called, before it waited for its venue): what came before the part that takes turns, and after.
      const reached = new Map(
        (
          await data.sql<{ id: string; createdAt: Date }>(`SELECT "id"::text AS "id", "createdAt" FROM "Booking" WHERE "sessionId" = $1::uuid`, [sessionId])
        ).map((row) => [row.id, row.createdAt.getTime() - burstStartedAt]),
      );
      const before = [...reached.values()].sort((a, b) => a - b);
      const after = results.flatMap((r) => (r.bookingId && reached.has(r.bookingId) ? [r.ms - reached.get(r.bookingId)!] : [])).sort((a, b) => a - b);
      const [check] = await data.sql<{
        capacity: number;
        confirmed: number;
        waitlisted: number;
        bookings: number;
        counted_confirmed: number;
        counted_waitlisted: number;
        counted_waitlisted_bookings: number;
        waitlisted_bookings: number;
      }>(
        `SELECT s."capacity", s."confirmedPlaces" AS "counted_confirmed", s."waitlistedPlaces" AS "counted_waitlisted", s."waitlistedBookings" AS "counted_waitlisted_bookings",
                coalesce(sum(b."places") FILTER (WHERE b."status" = 'CONFIRMED'), 0)::int AS "confirmed",
                coalesce(sum(b."places") FILTER (WHERE b."status" = 'WAITLISTED'), 0)::int AS "waitlisted",
                count(*) FILTER (WHERE b."status" = 'WAITLISTED')::int AS "waitlisted_bookings",
                count(b."id")::int AS "bookings"
         FROM "Session" s LEFT JOIN "Booking" b ON b."sessionId" = s."id" WHERE s."id" = $1::uuid GROUP BY s."id"`,
        [sessionId],
      );
      const oversold = Math.max(0, check!.confirmed - check!.capacity);
      const drift =
        check!.counted_confirmed !== check!.confirmed ||
        check!.counted_waitlisted !== check!.waitlisted ||
        check!.counted_waitlisted_bookings !== check!.waitlisted_bookings;
      const answered = count("CONFIRMED") + count("WAITLISTED") + count("SPLIT");
      const mismatch = answered !== check!.bookings;

      say("");
      say(
        `${round < 0 ? "warm-up: " : ROUNDS > 1 ? `round ${round + 1}/${ROUNDS}: ` : ""}requests ${REQUESTS} on ${SERVERS} servers (session of ${CAPACITY} places, ${ACCOUNTS} partner accounts, ${os.cpus().length} cores)`,
      );
      say(
        `wall_ms ${wall.toFixed(0)}  p50_ms ${at(0.5).toFixed(0)}  p95_ms ${at(0.95).toFixed(0)}  p99_ms ${at(0.99).toFixed(0)}  max_ms ${latencies.at(-1)!.toFixed(0)}`,
      );
      say(
        `outcomes: confirmed ${count("CONFIRMED")}, waitlisted ${count("WAITLISTED")}, split ${count("SPLIT")}, refused ${count("REFUSED")}, errors ${errors} (HTTP 5xx ${http5xx})`,
      );
      for (const [message, n] of refusals) say(`  refused ×${n}: ${message}`);
      for (const [message, n] of errorKinds) say(`  error ×${n}: ${message.slice(0, 200)}`);
      say(
        `response: ${(results.reduce((sum, r) => sum + r.bytes, 0) / results.length / 1024).toFixed(1)} kB on the wire on average; servers' CPU ${(cpuMs / REQUESTS).toFixed(1)} ms per request (${cpuMs.toFixed(0)} ms in all)`,
      );
      say(
        `CPU during the burst: app servers ${cpuMs.toFixed(0)} ms, PostgreSQL ${databaseCpuMs.toFixed(0)} ms, this client ${clientCpuMs.toFixed(0)} ms (${os.cpus().length} cores × ${wall.toFixed(0)} ms of wall time = ${(os.cpus().length * wall).toFixed(0)} ms)`,
      );
      if (before.length) {
        say(
          `timeline: requests reached lib/booking from +${before[0]!.toFixed(0)} to +${before.at(-1)!.toFixed(0)} ms (median +${median(before).toFixed(0)}); ` +
            `from there to their answer: median ${median(after).toFixed(0)} ms, max ${after.at(-1)!.toFixed(0)} ms; fastest answer ${latencies[0]!.toFixed(0)} ms`,
        );
      }
      say(
        `database: ${check!.confirmed}/${check!.capacity} places confirmed, ${check!.waitlisted} waitlisted, ${check!.bookings} bookings; ` +
          `oversold ${oversold}; counters ${drift ? "OUT OF STEP" : "equal to the bookings"}; answers ${mismatch ? `DISAGREE (${answered} booked answers)` : "agree"}`,
      );
      return {
        wall,
        p50: at(0.5),
        p99: at(0.99),
        serverCpuPerRequest: cpuMs / REQUESTS,
        databaseCpuPerRequest: databaseCpuMs / REQUESTS,
        errors,
        oversold,
        failed: errors > 0 || oversold > 0 || drift || mismatch,
      };
    };
    // A first burst, not counted, warms the servers as hours of traffic would have: the 16 bookings of
    // the warm-up above leave much of the code to the JIT still (the first burst took a quarter longer
    // than the next ones).
    const [warmupBurstSession, ...measuredSessions] = data.sessionIds;
    say("\nRafale d'échauffement (non comptée) :");
    const warmupBurst = await burst(-1, warmupBurstSession!);
    const rounds = [];
    for (const [round, sessionId] of measuredSessions.entries()) rounds.push(await burst(round, sessionId));
    agent.destroy();
    // The round of median wall time speaks for the run: this machine's speed varies by a fifth from one
    // burst to the next (other virtual machines on the host), more than many a change measured here.
    const typical = [...rounds].sort((a, b) => a.wall - b.wall)[Math.floor(rounds.length / 2)]!;
    const errors = [warmupBurst, ...rounds].reduce((sum, r) => sum + r.errors, 0);
    const oversold = [warmupBurst, ...rounds].reduce((sum, r) => sum + r.oversold, 0);
    if (ROUNDS > 1) {
      say("");
      say(
        `${ROUNDS} rounds: wall_ms ${rounds.map((r) => r.wall.toFixed(0)).join(", ")}; median round: wall_ms ${typical.wall.toFixed(0)}  p50_ms ${typical.p50.toFixed(0)}  p99_ms ${typical.p99.toFixed(0)}; errors ${errors}, oversold ${oversold} in all`,
      );
      say(
        `servers' CPU per request: ${rounds.map((r) => r.serverCpuPerRequest.toFixed(1)).join(", ")} ms (median ${median(rounds.map((r) => r.serverCpuPerRequest)).toFixed(1)}); PostgreSQL's: median ${median(rounds.map((r) => r.databaseCpuPerRequest)).toFixed(1)} ms`,
      );
    }

    if (profileDir) {
      await Promise.all(servers.map((server) => stopServer(server)));
      say(`\nProfils CPU (pendant la rafale) : ${profileDir}`);
      say(summarizeCpuProfiles(profileDir, { fromUs: firstBurstUs, toUs: lastBurstUs }));
    }
    if (args.includes("--keep")) {
      say(
        `\nServeurs laissés en marche (${servers.map((s) => s.origin).join(", ")}); compte ${data.accounts[0]!.email} / ${PASSWORD}; base ${url}. Ctrl+C pour arrêter.`,
      );
      await new Promise(() => {});
    }
    if (json) {
      console.log(
        JSON.stringify({
          requests: REQUESTS,
          wall_ms: Math.round(typical.wall),
          p50_ms: Math.round(typical.p50),
          p99_ms: Math.round(typical.p99),
          errors,
          oversold,
          rounds_wall_ms: rounds.map((r) => Math.round(r.wall)),
          // The servers' and the database's CPU per booking, median of the rounds: what the machine's other
          // work changes least (issue 35.2; decision 033), where wall times vary by a factor 2 at the same load.
          server_cpu_ms_per_request: round1(median(rounds.map((r) => r.serverCpuPerRequest))),
          db_cpu_ms_per_request: round1(median(rounds.map((r) => r.databaseCpuPerRequest))),
        }),
      );
    }
    if (warmupBurst.failed || rounds.some((r) => r.failed)) process.exitCode = 1;
    await data.close();
  } catch (error) {
    for (const server of servers) say(`--- journal de ${server.origin} ---\n${tail(server.log)}`);
    throw error;
  } finally {
    await cleanUp();
  }
}

// ── Data ──

/** 0 → "a", 25 → "z", 26 → "ba": names made of letters only (lib/validation's person names). */
function letters(n: number): string {
  let text = "";
  do {
    text = String.fromCharCode(97 + (n % 26)) + text;
    n = Math.floor(n / 26);
  } while (n > 0);
  return text;
}

async function createData(url: string) {
  const prisma = createPrismaClient(url);
  const passwordHash = await hashPassword(PASSWORD);
  const now = new Date();
  const venue = await prisma.venue.create({
    data: {
      slug: "banc-rafale",
      name: "Théâtre du banc",
      kind: "THEATRE",
      addressLine: "1 rue du Banc",
      postalCode: "69001",
      city: "Lyon",
      ticketOfficePhone: "0400000000",
    },
  });
  const event = await prisma.event.create({
    data: { venueId: venue.id, title: "La rafale", description: "Une pièce très demandée.", category: "THEATRE", status: "PUBLISHED", publishedAt: now },
  });
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  // One session per round and one for the warm-up burst, a minute apart: each burst starts from an empty session.
  const sessions = await Promise.all(
    Array.from({ length: ROUNDS + 1 }, (_, round) =>
      prisma.session.create({ data: { eventId: event.id, startsAt: new Date(startsAt.getTime() + round * 60_000), capacity: CAPACITY } }),
    ),
  );
  const warmup = await prisma.session.create({ data: { eventId: event.id, startsAt: new Date(startsAt.getTime() + 86_400_000), capacity: 10_000 } });

  // Enough people for the burst, and for the warm-up's bookings on its own session.
  const perAccount = Math.max(Math.ceil(REQUESTS / ACCOUNTS), Math.ceil((SERVERS * WARMUP_PER_SERVER) / ACCOUNTS));
  const accounts: Account[] = Array.from({ length: ACCOUNTS }, (_, a) => ({
    partnerId: randomUUID(),
    email: `referente-${a}@banc.test`,
    address: `10.${(a >> 16) & 255}.${(a >> 8) & 255}.${a & 255}`,
    people: Array.from({ length: perAccount }, (_, p) => ({ id: randomUUID(), firstName: "Awa", lastName: `Diallo ${letters(p)}` })),
  }));
  const validUntil = new Date(Date.now() + 365 * 86_400_000);
  await prisma.partner.createMany({
    data: accounts.map((account, a) => ({ id: account.partnerId, name: `Structure ${letters(a)}`, sector: "SOCIAL" as const })),
  });
  await prisma.convention.createMany({
    data: accounts.map((account) => ({ id: randomUUID(), partnerId: account.partnerId, signedOn: now, validFrom: now, validUntil })),
  });
  await prisma.user.createMany({
    data: accounts.map((account, a) => ({
      id: randomUUID(),
      email: account.email,
      name: `Référente ${letters(a)}`,
      role: "PARTNER" as const,
      partnerId: account.partnerId,
      passwordHash,
    })),
  });
  await prisma.person.createMany({
    data: accounts.flatMap((account) => account.people.map((person) => ({ ...person, partnerId: account.partnerId }))),
  });
  return {
    eventId: event.id,
    sessionIds: sessions.map((session) => session.id),
    warmupSessionId: warmup.id,
    accounts,
    sql: <T>(text: string, values: unknown[] = []) => prisma.$queryRawUnsafe<T[]>(text, ...values),
    close: () => prisma.$disconnect(),
  };
}

interface Body {
  type: string;
  bytes: Buffer;
}

/** The form's one field, as components/offer/booking-form.tsx fills it for one person of the list. */
async function body(account: Account, person: Account["people"][number], sessionId: string): Promise<Body> {
  const form = new FormData();
  form.set(
    "booking",
    JSON.stringify({
      sessionId,
      partnerId: account.partnerId,
      idempotencyKey: randomUUID(),
      people: [{ personId: person.id, firstName: person.firstName, lastName: person.lastName, needs: [] }],
      companions: [],
      ifShort: "WAITLIST",
    }),
  );
  // useActionState calls the action with (previous state, the form's data); with a FormData among the
  // arguments React sends a multipart body, encoded here once and for all before the burst.
  const encoded = await encodeReply([{ ok: false }, form]);
  const request = new Request("http://encode.invalid/", { method: "POST", body: encoded });
  return { type: request.headers.get("content-type")!, bytes: Buffer.from(await request.arrayBuffer()) };
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body, uncompressed. */
  text: string;
  wireBytes: number;
}

// node:http rather than fetch for the burst: the client shares the machine's cores with the servers and
// PostgreSQL, and fetch costs several times the CPU for the same request. Connections are kept between
// bursts, as a browser keeps them; with a timeout of its own the agent also reads the server's Keep-Alive
// hint and closes an idle connection a second before the server would (without one, Node's agent ignores
// the hint: decision 030).
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, timeout: 60_000 });

/** A POST as a browser sends it (compression accepted), read to its end. */
function post(server: Server, pathname: string, headers: Record<string, string>, bytes: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: server.port,
        path: pathname,
        method: "POST",
        agent,
        headers: { ...headers, "Accept-Encoding": "gzip, deflate, br", "Content-Length": String(bytes.length) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          try {
            const raw = Buffer.concat(chunks);
            const encoding = response.headers["content-encoding"];
            const plain =
              encoding === "gzip"
                ? zlib.gunzipSync(raw)
                : encoding === "br"
                  ? zlib.brotliDecompressSync(raw)
                  : encoding === "deflate"
                    ? zlib.inflateSync(raw)
                    : raw;
            resolve({ status: response.statusCode ?? 0, headers: response.headers, text: plain.toString("utf8"), wireBytes: raw.length });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    request.on("error", reject);
    request.end(bytes);
  });
}

// ── The server action, as the browser calls it ──

function bookActionId(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === ACTION_FILE && entry.exportedName === "bookAction");
  if (!found) throw new Error(`bookAction introuvable dans .next/server/server-reference-manifest.json (${ACTION_FILE}).`);
  return found[0];
}

/** The headers Next.js' client sends with a server action (server-action-reducer), the router's tree included. */
function actionHeaders(server: Server, account: Account, actionId: string, eventId: string, sessionId: string): Record<string, string> {
  // As Chromium sent it from this page (seen by hand): each segment [segment, children, null, null, hints].
  const segment = (name: unknown, children: Record<string, unknown>, hints = 0) => [name, children, null, null, hints];
  const tree = segment(
    "",
    {
      children: segment("offre", {
        children: segment(["eventId", eventId, "d", null], {
          children: segment("reserver", { children: segment(["sessionId", sessionId, "d", null], { children: segment("__PAGE__", {}) }) }),
        }),
      }),
    },
    16,
  );
  return {
    Accept: "text/x-component",
    "Next-Action": actionId,
    "Next-Router-State-Tree": encodeURIComponent(JSON.stringify(tree)),
    Origin: server.origin,
    Cookie: account.cookie!,
    ...forwardedFor(account.address),
  };
}

/** What the browser would show: the outcome from the address it goes to, or the refusal's message. */
function classify({ status, headers, text }: Answer): { outcome: string; bookingId?: string; message?: string } {
  if (status >= 400 || !headers["content-type"]?.startsWith("text/x-component")) {
    return { outcome: "ERROR", message: `HTTP ${status} ${text.slice(0, 120)}` };
  }
  const address = `${headers["x-action-redirect"] ?? ""} ${text}`.match(/\/partenaire\/reservations\/([0-9a-f-]{36})\?resultat=([A-Z_]+)/);
  if (address) return { outcome: address[2]!, bookingId: address[1]! };
  const message = text.match(/"message":"((?:[^"\\]|\\.)*)"/);
  if (/"ok":false/.test(text) && message) return { outcome: "REFUSED", message: JSON.parse(`"${message[1]}"`) as string };
  return { outcome: "ERROR", message: `réponse illisible : ${text.slice(0, 120)}` };
}

// ── Signing in ──

/** What the proxy in front of the servers adds: the browser's address (none with --one-address). */
function forwardedFor(address: string): Record<string, string> {
  return ONE_ADDRESS ? {} : { "X-Forwarded-For": address };
}

async function signIn(server: Server, email: string, address: string): Promise<string> {
  const csrf = await fetch(`${server.origin}/api/auth/csrf`, { headers: forwardedFor(address) });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookies(csrf);
  const response = await fetch(`${server.origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar, Origin: server.origin, ...forwardedFor(address) },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: `${server.origin}/partenaire`, json: "true" }),
  });
  await response.text();
  const session = cookies(response)
    .split("; ")
    .filter((cookie) => cookie.startsWith("next-auth.session-token"));
  if (!session.length) throw new Error(`La connexion de ${email} a échoué (HTTP ${response.status}).`);
  return session.join("; ");
}

/** name=value pairs of a response's Set-Cookie headers. */
function cookies(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .join("; ");
}

// ── Servers ──

function startServer(port: number, databaseUrl: string, secrets: Record<string, string>, tmp: string, profileDir: string | null): Server {
  const log = path.join(tmp, `server-${port}.log`);
  const out = fs.openSync(log, "a");
  // tsx as a loader rather than its CLI: one process per server, which --cpu-prof can profile.
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", path.join(root, "scripts", "server.ts")], {
    cwd: root,
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      ...secrets,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      BILLETTERIE_WORKER: args.includes("--workers") ? "on" : "off",
      TRUSTED_PROXIES: ONE_ADDRESS ? "0" : "1",
      // The servers share this machine's cores: one process each (a core each, as two one-core servers
      // would run), rather than one per core each (scripts/server.ts's default), which would put four
      // processes on two cores. WEB_CONCURRENCY in the environment still decides.
      WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? String(Math.max(1, Math.floor(os.availableParallelism() / SERVERS))),
    },
  });
  fs.closeSync(out);
  return { port, origin: `http://127.0.0.1:${port}`, child, log };
}

function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.child.kill("SIGKILL");
      resolve();
    }, 15_000);
    server.child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    server.child.kill("SIGTERM");
  });
}

async function waitForHealth(server: Server) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`Le serveur ${server.origin} s'est arrêté :\n${tail(server.log)}`);
    try {
      if ((await fetch(`${server.origin}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`Le serveur ${server.origin} ne répond pas :\n${tail(server.log)}`);
}

/** The embedded PostgreSQL's main process, found by its port on its command line. */
function postgresPid(port: number): number | null {
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (args[0]?.endsWith("/postgres") && args[args.indexOf("-p") + 1] === String(port)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/** CPU time (user + system) of a process and its descendants, from /proc, in ms. */
function processTreeCpuMs(pid: number): number {
  const tick = 1000 / Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim() || 100);
  const stats = new Map<number, { ppid: number; cpu: number }>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(entry), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) * tick });
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const visit = (id: number) => {
    total += stats.get(id)?.cpu ?? 0;
    for (const [child, { ppid }] of stats) if (ppid === id) visit(child);
  };
  visit(pid);
  return total;
}

// ── Small things ──

async function eachLimited<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`);

function tail(file: string): string {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-30).join("\n");
  } catch {
    return "(pas de journal)";
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
