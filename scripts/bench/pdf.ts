// npm run bench:pdf [-- --json] [-- --locale=ar]
// Time to render the invitation PDF (lib/pdf/invitation) for one guest and for ten, and its size, against
// a baseline measured in the same run: the same page drawn by hand with pdfkit (same fonts, same QR
// code, same text). No database: the invitation is built in memory. Each renderer is warmed up first
// (module loading, font parsing, the first layout), and that first render is reported on its own: it
// is paid once per server process, not per request. --locale: the invitation in that language beside
// the French (issue 34.6); the pdfkit baseline stays French. The two renderers take turns, render by
// render, so that a machine busy with other work slows both alike and the ratio holds (issue 35.2);
// React runs as the server runs it, in production mode (NODE_ENV=development to measure otherwise).
import "../lib/allow-server-only";
import { performance } from "node:perf_hooks";
import { renderWithPdfkit } from "./pdfkit-invitation";
import { sampleInvitation } from "./sample-invitation";

// Before React is first loaded (react-pdf is imported in main()).
(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
process.env.INVITATION_SIGNING_KEY ??= "bench-invitation-signing-key-0123456789abcdef";
process.env.INVITATION_ED25519_KEY ??= "YmVuY2gtaW52aXRhdGlvbi1lZDI1NTE5LWtleS0wMTI";

const json = process.argv.includes("--json");
const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);
const ROUNDS = { one: 40, ten: 15 };
const locale = process.argv.find((arg) => arg.startsWith("--locale="))?.slice("--locale=".length);

interface Measure {
  median: number;
  p95: number;
  bytes: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function timed(render: () => Promise<Buffer>): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const bytes = (await render()).length;
  return { ms: performance.now() - t0, bytes };
}

function summary(times: number[], bytes: number): Measure {
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95), bytes };
}

/** Both renderers, in turns (each goes first every other round). */
async function measure(rounds: number, a: () => Promise<Buffer>, b: () => Promise<Buffer>): Promise<[Measure, Measure]> {
  const times: [number[], number[]] = [[], []];
  const bytes = [0, 0];
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? ([0, 1] as const) : ([1, 0] as const);
    for (const which of order) {
      const run = await timed(which === 0 ? a : b);
      times[which].push(run.ms);
      bytes[which] = run.bytes;
    }
  }
  return [summary(times[0], bytes[0]!), summary(times[1], bytes[1]!)];
}

async function firstRender(render: () => Promise<Buffer>): Promise<number> {
  const t0 = performance.now();
  await render();
  return performance.now() - t0;
}

const round = (value: number) => Math.round(value * 10) / 10;

async function main() {
  const one = sampleInvitation(1);
  const ten = sampleInvitation(10);

  const loadStarted = performance.now();
  const { renderInvitationPdf: render } = await import("../../lib/pdf/invitation");
  const { isInvitationLocale } = await import("../../lib/pdf/invitation-words");
  if (locale !== undefined && !isInvitationLocale(locale)) throw new Error(`Unknown locale: ${locale}`);
  const renderInvitationPdf = (data: typeof one) => render(data, { locale });
  const reactPdfLoad = performance.now() - loadStarted;
  const reactPdfFirst = await firstRender(() => renderInvitationPdf(one));
  const pdfkitFirst = await firstRender(() => renderWithPdfkit(one));
  // A few more of each, so that the JIT has seen both before the clock runs.
  for (let i = 0; i < 5; i++) await Promise.all([renderInvitationPdf(one), renderWithPdfkit(one), renderInvitationPdf(ten), renderWithPdfkit(ten)]);

  const [reactOne, pdfkitOne] = await measure(
    ROUNDS.one,
    () => renderInvitationPdf(one),
    () => renderWithPdfkit(one),
  );
  const [reactTen, pdfkitTen] = await measure(
    ROUNDS.ten,
    () => renderInvitationPdf(ten),
    () => renderWithPdfkit(ten),
  );
  const reactPdf = { one: reactOne, ten: reactTen };
  const pdfkit = { one: pdfkitOne, ten: pdfkitTen };
  const ratio = reactPdf.one.median / pdfkit.one.median;
  const ratioTen = reactPdf.ten.median / pdfkit.ten.median;

  say(`renderer   guests  median ms  p95 ms   bytes`);
  for (const [name, figures] of [
    ["react-pdf", reactPdf],
    ["pdfkit   ", pdfkit],
  ] as const) {
    say(`${name}   1     ${figures.one.median.toFixed(1).padStart(8)}  ${figures.one.p95.toFixed(1).padStart(6)}  ${String(figures.one.bytes).padStart(6)}`);
    say(`${name}  10     ${figures.ten.median.toFixed(1).padStart(8)}  ${figures.ten.p95.toFixed(1).padStart(6)}  ${String(figures.ten.bytes).padStart(6)}`);
  }
  say(`ratio react-pdf/pdfkit (median): one guest ${ratio.toFixed(2)}, ten guests ${ratioTen.toFixed(2)}`);
  say(
    `once per process, not timed above: loading react-pdf ${reactPdfLoad.toFixed(0)} ms; first render (font parsing, yoga) react-pdf ${reactPdfFirst.toFixed(0)} ms, pdfkit ${pdfkitFirst.toFixed(0)} ms`,
  );
  say(`(${ROUNDS.one} renders of one guest and ${ROUNDS.ten} of ten per renderer, taking turns, after warm-up; NODE_ENV=${process.env.NODE_ENV})`);
  if (json) {
    console.log(
      JSON.stringify({
        one_guest_ms: round(reactPdf.one.median),
        one_guest_p95_ms: round(reactPdf.one.p95),
        ten_guests_ms: round(reactPdf.ten.median),
        ten_guests_p95_ms: round(reactPdf.ten.p95),
        pdfkit_one_guest_ms: round(pdfkit.one.median),
        pdfkit_one_guest_p95_ms: round(pdfkit.one.p95),
        pdfkit_ten_guests_ms: round(pdfkit.ten.median),
        ratio: Math.round(ratio * 100) / 100,
        ratio_ten_guests: Math.round(ratioTen * 100) / 100,
        one_guest_bytes: reactPdf.one.bytes,
        ten_guests_bytes: reactPdf.ten.bytes,
        pdfkit_one_guest_bytes: pdfkit.one.bytes,
        first_render_ms: round(reactPdfFirst),
      }),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
