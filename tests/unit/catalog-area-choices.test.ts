// The catalogue's area filter offers the chosen town's areas only (issue 14: hundreds of areas at national
// scale made one list most of the filter's weight on every page).
import { areaChoices } from "@/lib/catalog/filters";

const places = [
  { city: "Lyon", areas: ["Croix-Rousse", "Guillotière"] },
  { city: "Villeurbanne", areas: ["Gratte-Ciel"] },
];

describe("the area filter's choices", () => {
  it("lists nothing until a town is chosen, when the offer has several towns", () => {
    expect(areaChoices(places, {})).toEqual({ town: undefined, areas: [] });
  });

  it("lists the chosen town's areas, whatever the case of its name in the URL", () => {
    expect(areaChoices(places, { town: "LYON" })).toEqual({ town: "lyon", areas: ["Croix-Rousse", "Guillotière"] });
    expect(areaChoices(places, { town: "Nulle-Part" })).toEqual({ town: "nulle-part", areas: [] });
  });

  it("lists the only town's areas without a choice", () => {
    expect(areaChoices(places.slice(0, 1), {}).areas).toEqual(["Croix-Rousse", "Guillotière"]);
  });

  it("keeps showing an area asked in the URL, so that the form says what is filtered", () => {
    expect(areaChoices(places, { area: "Gratte-Ciel" }).areas).toEqual(["Gratte-Ciel"]);
    expect(areaChoices(places, { town: "Lyon", area: "Guillotière" }).areas).toEqual(["Croix-Rousse", "Guillotière"]);
  });
});
