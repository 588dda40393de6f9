// Next.js calls register() once when a server process starts. It opens this process's ear to changes of
// the offer made by other processes (lib/catalog/offer-changes.ts: their caches are per process), and
// starts the job queue's workers (lib/jobs/worker.ts): mails, bookings closing, quotas lifting,
// reminders, the retention policy.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build" || !process.env.DATABASE_URL) return;
  // A configuration that cannot work stops the server at start, in one French sentence (issue 26.10).
  const { poolSettings } = await import("./lib/db/pool-settings");
  poolSettings();
  const { listenForOfferChanges } = await import("./lib/catalog/offer-changes");
  await listenForOfferChanges(process.env.DATABASE_URL);
  if (process.env.BILLETTERIE_WORKER === "off") return;
  const { startWorker } = await import("./lib/jobs/worker");
  await startWorker(process.env.DATABASE_URL);
  console.info("Tâches : les travailleurs de la file sont lancés (BILLETTERIE_WORKER=off pour ne pas en lancer ici).");
}
