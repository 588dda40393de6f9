// The statistics in the authorization matrix (lib/stats): the association's alone for now (a venue's and
// a structure's own figures come with their pages).
import { rangeFigures, seasonFigures } from "@/lib/stats/figures";
import { periodFiltersSchema, reportSeasons, statisticsReport } from "@/lib/stats/report";
import { seasonRange } from "@/lib/time";
import type { MatrixWorld } from "../../factories/matrix";
import type { AuthorizationCase } from "./invitation.cases";

const admin = ["admin"] as const;

export const statisticsCases: AuthorizationCase<MatrixWorld>[] = [
  { name: "a season's figures (seasonFigures)", call: (actor) => seasonFigures(actor, 2026), allowed: [...admin] },
  { name: "a range's figures (rangeFigures)", call: (actor) => rangeFigures(actor, seasonRange(2026)), allowed: [...admin] },
  { name: "the statistics page's report (statisticsReport)", call: (actor) => statisticsReport(actor, periodFiltersSchema.parse({ saison: "2026" })), allowed: [...admin] },
  { name: "the seasons to choose from (reportSeasons)", call: (actor) => reportSeasons(actor), allowed: [...admin] },
];
