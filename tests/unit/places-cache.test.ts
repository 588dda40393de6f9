// Issue 14: the catalog's towns are kept in memory until the offer changes, or for a minute at most.
jest.mock("server-only", () => ({}));
import { keptPlaces, offerChanged, PLACES_TTL_MS, type Place } from "@/lib/catalog/places-cache";

const LYON: Place[] = [{ city: "Lyon", areas: ["Croix-Rousse"] }];
const BOTH: Place[] = [...LYON, { city: "Vienne", areas: [] }];

beforeEach(() => offerChanged());

describe("the towns of the catalog, kept in memory", () => {
  it("reads once while fresh, again once PLACES_TTL_MS have passed", async () => {
    const load = jest.fn().mockResolvedValueOnce(LYON).mockResolvedValueOnce(BOTH);
    expect(await keptPlaces(load, 0)).toEqual(LYON);
    expect(await keptPlaces(load, PLACES_TTL_MS - 1)).toEqual(LYON);
    expect(load).toHaveBeenCalledTimes(1);
    expect(await keptPlaces(load, PLACES_TTL_MS)).toEqual(BOTH);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("reads again as soon as the offer changed", async () => {
    const load = jest.fn().mockResolvedValueOnce(LYON).mockResolvedValueOnce(BOTH);
    await keptPlaces(load, 0);
    offerChanged();
    expect(await keptPlaces(load, 1)).toEqual(BOTH);
  });

  it("shares one read between requests arriving together, and keeps no failed read", async () => {
    const load = jest.fn().mockRejectedValueOnce(new Error("base indisponible")).mockResolvedValueOnce(LYON);
    const [a, b] = [keptPlaces(load, 0), keptPlaces(load, 0)];
    await expect(a).rejects.toThrow("base indisponible");
    await expect(b).rejects.toThrow("base indisponible");
    expect(await keptPlaces(load, 1)).toEqual(LYON);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
