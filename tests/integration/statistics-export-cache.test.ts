// Issue 14, the statistics' exports at national scale: a season's file is kept by the process until the
// season's figures are computed again (the key holds their computation time), for the association only.
import { refreshSeasonFigures, seasonComputedAt } from "@/lib/stats/figures";
import { keptExport } from "@/lib/stats/export-cache";
import { parisTime } from "@/lib/time";
import { adminActor, partnerActor } from "../factories/actors";
import { createPartner } from "../factories";

const SEASON = 2041;

it("keeps a season's export until its figures are computed again", async () => {
  const admin = await adminActor();
  expect(await seasonComputedAt(admin, SEASON)).toBeNull();
  const first = parisTime("2042-01-15", 12);
  await refreshSeasonFigures(SEASON, { now: first });
  const at = await seasonComputedAt(admin, SEASON);
  expect(at).toEqual(first);

  let built = 0;
  const build = jest.fn(async (): Promise<string> => `fichier ${++built}`);
  const key = (computedAt: Date) => `${SEASON}|lieux||${computedAt.getTime()}`;
  expect(await keptExport(key(at!), build)).toBe("fichier 1");
  expect(await keptExport(key(at!), build)).toBe("fichier 1");
  expect(build).toHaveBeenCalledTimes(1);

  // Computed again: a new time, a new file.
  await refreshSeasonFigures(SEASON, { now: parisTime("2042-01-15", 12, 15) });
  const again = await seasonComputedAt(admin, SEASON);
  expect(again).not.toEqual(at);
  expect(await keptExport(key(again!), build)).toBe("fichier 2");
  expect(build).toHaveBeenCalledTimes(2);
});

it("tells when the figures were computed to the association only", async () => {
  await expect(seasonComputedAt(await partnerActor((await createPartner()).id), SEASON)).rejects.toMatchObject({ code: "ACCESS_DENIED" });
});
