// Scheduled work of each app server: every few minutes, expire the waitlists of sessions whose bookings
// have closed (their partners are told) and move up waitlists where a quota rule has lifted itself.
// Every server runs it; lib/booking takes the venue's lock for each session, so running it on several
// servers at once does the work once. BILLETTERIE_SCHEDULER=off turns it off on a server.
import { runScheduledBookingWork } from "@/lib/booking";

const EVERY_MS = 5 * 60_000;
let started = false;

export function startScheduler(): void {
  if (started) return;
  started = true;
  const run = async () => {
    try {
      const { expired, promoted } = await runScheduledBookingWork();
      if (expired || promoted) console.info(`Tâches planifiées : ${expired} réservation(s) expirée(s), ${promoted} confirmée(s).`);
    } catch (error) {
      console.error("Tâches planifiées en échec :", error);
    }
  };
  console.info("Tâches planifiées : toutes les 5 minutes (BILLETTERIE_SCHEDULER=off pour les arrêter).");
  // A first run shortly after start, then every five minutes; the timers never keep the process alive.
  setTimeout(run, 30_000).unref();
  setInterval(run, EVERY_MS).unref();
}
