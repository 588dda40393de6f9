// What the driver asks of the app servers (worker.ts), one operation of the season each: every one is a
// call to a function of lib/ that a page's action makes, with the simulated moment as its `now`.
// Structures, people and venues travel as their numbers (random.ts, stableId).
export interface Companion {
  firstName: string;
  lastName: string;
  kind: "FAMILY_OR_FRIEND" | "PROFESSIONAL";
  needs: string[];
}

export type Op = { now: number } & (
  | { kind: "request"; partner: number; sessionId: string; person: number; companions: Companion[]; ifShort: "SPLIT" | "WAITLIST" | "NOTHING" }
  | { kind: "apply"; partner: number; sessionId: string; person: number; companions: Companion[]; minPlaces: number }
  | { kind: "cancel"; partner: number; bookingId: string }
  | { kind: "withdraw"; partner: number; bookingId: string; position: number }
  | { kind: "cancel-session"; venue: number; sessionId: string }
  | { kind: "cancel-event"; venue: number; eventId: string }
  | { kind: "grant"; venueId: string; partner: number; maxPlaces: number | null; expiresAt: number | null }
  | { kind: "revoke"; venueId: string; partner: number }
);

/** An operation's answer: its time (ms, real) and what came of it (an outcome, a refusal's code, or an error). */
export type OpResult = [ms: number, outcome: string];

export type ToWorker =
  { type: "batch"; id: number; ops: Op[]; concurrency: number } | { type: "clock"; id: number; now: number } | { type: "stop"; id: number };

export type FromWorker =
  | { type: "ready" }
  | { type: "batch"; id: number; results: OpResult[] }
  /** The clock is set; `jobs`: the jobs this server has run so far. */
  | { type: "clock"; id: number; jobs: number }
  | { type: "stopped"; id: number; maxRssMb: number; cpuMs: number; taskTimes: Record<string, { count: number; ms: number }> }
  | { type: "failed"; id: number; error: string };
