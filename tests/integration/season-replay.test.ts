// Issue 35.1: a whole season replayed at a tiny scale (scripts/bench/season/replay.ts, as npm run
// bench:season runs it): the national network's dimensions at 0.002, a season of requests, bursts,
// cancellations, withdrawals, quotas and exceptions, draws, venues' cancellations, closings and the
// retention job, on two app server processes at once through lib/ and the real job tasks; every invariant
// checked at the end must hold, and nothing may fail but by a rule's refusal.
import { replaySeason, type SeasonSummary } from "@/scripts/bench/season/replay";

let summary: SeasonSummary;

beforeAll(async () => {
  summary = await replaySeason({ databaseUrl: process.env.DATABASE_URL!, scale: 0.002, seed: 2026, clients: 4, servers: 2 });
}, 300_000);

describe("a season replayed at scale 0.002", () => {
  it("holds every invariant", () => {
    expect(summary.invariants.map((check) => check.name)).toHaveLength(9);
    for (const check of summary.invariants) expect(check).toEqual({ name: check.name, violations: 0 });
    expect(summary.violations).toBe(0);
  });

  it("fails nothing but by a rule's refusal", () => {
    expect(summary.firstErrors).toEqual([]);
    expect(summary.errors).toBe(0);
  });

  it("measures, in real time, how long a booking's confirmation mail takes to leave (issue 35.2)", () => {
    // Sent through the replay's own mail server: every confirmation measured, none lost on the way.
    expect(summary.mail_lag.mails).toBeGreaterThan(50);
    expect(summary.mail_lag.p50_s).toBeGreaterThanOrEqual(0);
    expect(summary.mail_lag.p99_s).toBeGreaterThanOrEqual(summary.mail_lag.p50_s);
    expect(summary.outcomes.CONFIRMED).toBeDefined();
  });

  it("went through every kind of operation of a season", () => {
    for (const outcome of ["CONFIRMED", "WAITLISTED", "CANCELLED", "WITHDRAWN", "SESSION_CANCELLED", "APPLIED", "GRANTED", "REVOKED"]) {
      expect({ outcome, seen: (summary.outcomes[outcome] ?? 0) > 0 }).toEqual({ outcome, seen: true });
    }
    expect(summary.requests).toBeGreaterThan(300);
    expect(summary.p99_ms).toBeGreaterThanOrEqual(summary.p50_ms);
  });
});
