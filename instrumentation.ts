// Next.js calls register() once when a server starts: it starts the scheduled work of lib/jobs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build" || process.env.BILLETTERIE_SCHEDULER === "off" || !process.env.DATABASE_URL) return;
  const { startScheduler } = await import("./lib/jobs/scheduler");
  startScheduler();
}
