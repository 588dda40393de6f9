// Next.js calls register() once when a server starts: it starts this server's workers of the job queue
// (lib/jobs/worker.ts): mails, bookings closing, quotas lifting, reminders, the retention policy.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build" || process.env.BILLETTERIE_WORKER === "off" || !process.env.DATABASE_URL) return;
  const { startWorker } = await import("./lib/jobs/worker");
  await startWorker(process.env.DATABASE_URL);
  console.info("Tâches : les travailleurs de la file sont lancés (BILLETTERIE_WORKER=off pour ne pas en lancer ici).");
}
