/** @jest-environment jsdom */
// The easy reading's "Choisir un jour" keeps the other choices the person made: the category and "Pas besoin
// de parler français" (issue 34.4): choosing a day must not bring back outings the person set aside.
import { render } from "@testing-library/react";
import { DayChoice } from "@/components/easy/day-choice";

const fields = (form: HTMLFormElement) => [...new FormData(form).entries()].map(([name, value]) => `${name}=${value as string}`);

it("sends the chosen day with the category and the filter on French the page had", () => {
  const { container } = render(<DayChoice label="Choisir un jour" submit="Voir" day="2026-12-20" category="DANCE" withoutFrench />);
  expect(fields(container.querySelector("form")!)).toEqual(["quand=jour", "categorie=DANCE", "sans-francais=1", "du=2026-12-20"]);
});

it("sends only the day when nothing else was chosen", () => {
  const { container } = render(<DayChoice label="Choisir un jour" submit="Voir" day={undefined} category={undefined} withoutFrench={false} />);
  expect(fields(container.querySelector("form")!)).toEqual(["quand=jour", "du="]);
});
