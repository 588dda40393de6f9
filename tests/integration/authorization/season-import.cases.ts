// The season import (issue 33.1) in the authorization matrix: only venue X's managers and the association
// link, preview, import and sync X's agenda, and decide on a date it cancelled. The agenda is a real
// iCalendar file served on this machine, started once for the whole matrix.
import ical from "ical-generator";
import {
  confirmSourceCancellation,
  getSeasonSource,
  importSeason,
  keepSourceCancelledSession,
  linkSeasonSource,
  previewSeasonImport,
  unlinkSeasonSource,
} from "@/lib/venue/season/sources";
import type { MatrixWorld } from "../../factories/matrix";
import { startAgendaServer } from "../../support/agenda-server";
import type { AuthorizationCase } from "./invitation.cases";

const venueX = ["admin", "venueX"] as const;

let agenda: Promise<string> | undefined;
/** The address of a small agenda: one event in a month. */
function agendaUrl(): Promise<string> {
  agenda ??= startAgendaServer().then((server) => {
    process.env.SEASON_IMPORT_ALLOW_PRIVATE = "1";
    const calendar = ical({ timezone: "Europe/Paris" });
    calendar.createEvent({ id: "matrix@x", start: new Date(Date.now() + 30 * 24 * 3600_000), timezone: "Europe/Paris", summary: "Soirée X" });
    server.serve("/x.ics", { body: calendar.toString() });
    return `${server.url}/x.ics`;
  });
  return agenda;
}

/** Links X's agenda as the actor (refused first to whoever may not), then does `then`. */
const linked =
  <T>(then: (actor: Parameters<AuthorizationCase<MatrixWorld>["call"]>[0], w: MatrixWorld) => Promise<T>) =>
  async (actor: Parameters<AuthorizationCase<MatrixWorld>["call"]>[0], w: MatrixWorld) => {
    await linkSeasonSource(actor, { venueId: w.venueX, kind: "ICAL", url: await agendaUrl() });
    return then(actor, w);
  };

export const seasonImportCases: AuthorizationCase<MatrixWorld>[] = [
  { name: "X's linked agenda (getSeasonSource)", call: (actor, w) => getSeasonSource(actor, w.venueX), allowed: [...venueX] },
  {
    name: "link X's agenda (linkSeasonSource)",
    call: async (actor, w) => linkSeasonSource(actor, { venueId: w.venueX, kind: "ICAL", url: await agendaUrl() }),
    allowed: [...venueX],
  },
  { name: "unlink X's agenda (unlinkSeasonSource)", call: (actor, w) => unlinkSeasonSource(actor, { venueId: w.venueX }), allowed: [...venueX] },
  {
    name: "preview X's season (previewSeasonImport)",
    call: linked((actor, w) => previewSeasonImport(actor, { venueId: w.venueX })),
    allowed: [...venueX],
  },
  { name: "import X's season (importSeason)", call: linked((actor, w) => importSeason(actor, { venueId: w.venueX })), allowed: [...venueX] },
  {
    name: "cancel a date of X its agenda cancelled (confirmSourceCancellation)",
    call: (actor, w) => confirmSourceCancellation(actor, { sessionId: w.freeSessionX }),
    allowed: [...venueX],
  },
  {
    name: "keep a date of X its agenda cancelled (keepSourceCancelledSession)",
    call: (actor, w) => keepSourceCancelledSession(actor, { sessionId: w.sessionX }),
    allowed: [...venueX],
  },
];
