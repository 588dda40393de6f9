// The statistics in the authorization matrix (lib/stats): the association's figures are its alone; a
// venue's own figures are its managers' (and the association's), a structure's its users' (and the
// association's).
import { drawFairness } from "@/lib/stats/draws";
import { rangeFigures, seasonComputedAt, seasonFigures } from "@/lib/stats/figures";
import { readPeriodFilters, reportSeasons, statisticsReport } from "@/lib/stats/report";
import { partnerStatistics, venueStatistics } from "@/lib/stats/sides";
import { seasonRange } from "@/lib/time";
import type { MatrixWorld } from "../../factories/matrix";
import type { AuthorizationCase } from "./invitation.cases";

const admin = ["admin"] as const;

export const statisticsCases: AuthorizationCase<MatrixWorld>[] = [
  { name: "a season's figures (seasonFigures)", call: (actor) => seasonFigures(actor, 2026), allowed: [...admin] },
  { name: "when a season's figures were computed (seasonComputedAt)", call: (actor) => seasonComputedAt(actor, 2026), allowed: [...admin] },
  { name: "a range's figures (rangeFigures)", call: (actor) => rangeFigures(actor, seasonRange(2026)), allowed: [...admin] },
  {
    name: "the statistics page's report (statisticsReport)",
    call: (actor) => statisticsReport(actor, readPeriodFilters({ saison: "2026" })),
    allowed: [...admin],
  },
  { name: "the seasons to choose from (reportSeasons)", call: (actor) => reportSeasons(actor), allowed: [...admin] },
  { name: "the season's draws, how fair (drawFairness)", call: (actor) => drawFairness(actor, 2026), allowed: [...admin] },
  { name: "venue X's own statistics (venueStatistics)", call: (actor, w) => venueStatistics(actor, w.venueX, 2026), allowed: ["admin", "venueX"] },
  { name: "structure A's own statistics (partnerStatistics)", call: (actor, w) => partnerStatistics(actor, w.partnerA, 2026), allowed: ["admin", "partnerA"] },
];
