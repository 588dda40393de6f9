// What /api/metrics tells Prometheus (issue 31.3). Counters and histograms are counted where things
// happen; the figures read from the database (jobs by task, the pool's waiting clients) are read when
// Prometheus asks (lib/observability/collect.ts). Labels are route patterns, outcomes and task names:
// never an id, so that their number stays small and no label says who.
//
// One registry per process: with WEB_CONCURRENCY > 1 each process counts its own requests and
// Prometheus reads whichever process answers the scrape. Counting per process rather
// than aggregating in the cluster's primary (prom-client's AggregatorRegistry) was chosen for now: the
// database-read figures (jobs by task) are the same from any process, and the per-process counters are
// meant for rates and alerts, where a sample from one process of identical ones shows the trend. See
// docs/operations/README.md for what that means when reading them, and how to aggregate if it matters.
// docs/decisions/020-see-what-runs.md. Kept on globalThis: Next.js' bundle and scripts/server.ts each load their own copy of this module.
import { Counter, Gauge, Histogram, Registry } from "prom-client";

function make() {
  // Its own registry rather than prom-client's module-level default: the copy of prom-client that makes
  // the metrics is the one that must print them, whichever of the two loaded copies came first.
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    bookings: new Counter({
      registers,
      name: "billetterie_bookings_total",
      help: "Demandes de réservation, par issue (CONFIRMED, WAITLISTED, SPLIT, NOT_BOOKED, REFUSED, BUSY).",
      labelNames: ["outcome"] as const,
    }),
    requests: new Histogram({
      registers,
      name: "billetterie_request_duration_seconds",
      help: "Durée des réponses, par modèle de route et par sorte (page, action, api).",
      labelNames: ["route", "kind", "method"] as const,
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    lockWaits: new Histogram({
      registers,
      name: "billetterie_booking_lock_wait_seconds",
      help: "Attente d'un lieu avant d'écrire (tour sur ce serveur puis verrou PostgreSQL).",
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    lockTimeouts: new Counter({
      registers,
      name: "billetterie_booking_lock_timeouts_total",
      help: "Demandes qui n'ont pas eu le lieu à temps (réponse « réessayez »).",
    }),
    mails: new Counter({
      registers,
      name: "billetterie_mails_total",
      help: "Courriels remis au transport, par résultat (sent, failed).",
      labelNames: ["result"] as const,
    }),
    texts: new Counter({
      registers,
      name: "billetterie_texts_total",
      help: "SMS remis au transport, par résultat (sent, failed).",
      labelNames: ["result"] as const,
    }),
    jobs: new Gauge({
      registers,
      name: "billetterie_jobs",
      help: "Tâches de la file, par tâche et par état (waiting, running, failed).",
      labelNames: ["task", "state"] as const,
    }),
    poolWaiting: new Gauge({
      registers,
      name: "billetterie_db_pool_waiting_clients",
      help: "Requêtes en attente d'une connexion du pool de ce processus.",
    }),
  };
}

const slot = globalThis as typeof globalThis & {
  __billetterieMetrics?: ReturnType<typeof make>;
};

/** The process's metrics, made once. */
export function metrics(): ReturnType<typeof make> {
  return (slot.__billetterieMetrics ??= make());
}

/** The registry /api/metrics prints (this process's). */
export function metricsRegistry(): Registry {
  return metrics().registry;
}

/** A request's kind for the latency histogram: a server action, an API or file route, or a page. */
export function requestKind(headers: Record<string, string | string[] | undefined>, route: string): "action" | "api" | "page" {
  if (headers["next-action"]) return "action";
  if (route.startsWith("/api/") || route === "/_next") return "api";
  return "page";
}
