// The replay's clock, in the processes that play the season: `Date.now()` and `new Date()` answer the
// simulated instant the driver last set, and stay there until it sets the next one. lib/booking takes
// `now` as an argument and gets it so; this clock is for what reads the time itself: the job queue
// (graphile-worker with useNodeTime asks Node, not PostgreSQL, which jobs are due), the job tasks that act
// at "now" (dueNow, mails, retention, statistics). It stands still between two settings, so a job run
// at 10:00 acts at 10:00 whatever the real time it took, and the next batch never starts before it.
// Only `Date.now()` and `new Date()` without arguments are simulated, as in tests/support/clock.ts.
const RealDate = globalThis.Date;
let simulated = RealDate.now();

function SimulatedDate(this: unknown, ...args: unknown[]) {
  if (!new.target) return new RealDate(simulated).toString();
  return Reflect.construct(RealDate, args.length ? args : [simulated], new.target);
}
Object.setPrototypeOf(SimulatedDate, RealDate);
SimulatedDate.prototype = RealDate.prototype;
SimulatedDate.now = () => simulated;

/** Puts the simulated clock in place of Date in this process. */
export function installSimulatedClock(): void {
  globalThis.Date = SimulatedDate as unknown as DateConstructor;
}

/** Sets the simulated instant. */
export function setSimulatedNow(instant: Date | number): void {
  simulated = typeof instant === "number" ? instant : instant.getTime();
}
