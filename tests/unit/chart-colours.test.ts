// Issue 29.11: every colour of the statistics' charts is checked against the white page: the bars at least
// 3:1 (WCAG 1.4.11, non-text contrast) and the legend's words at least 4.5:1 (1.4.3). "Utilisées" was written
// in its series' colour, #e8a57f, at 2.08:1.
import { CHART_COLOURS } from "@/components/stats/figures-chart";

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

describe("the charts' colours", () => {
  it("computes contrast as WCAG does", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#e8a57f", "#ffffff")).toBeCloseTo(2.08, 2);
  });

  it("draw each series at 3:1 at least on white, and write the legend at 4.5:1", () => {
    expect(contrast(CHART_COLOURS.confirmed, "#ffffff")).toBeGreaterThanOrEqual(3);
    expect(contrast(CHART_COLOURS.attended, "#ffffff")).toBeGreaterThanOrEqual(3);
    expect(contrast(CHART_COLOURS.legendText, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });

  it("keep the two series apart from each other", () => {
    expect(contrast(CHART_COLOURS.confirmed, CHART_COLOURS.attended)).toBeGreaterThanOrEqual(2);
  });
});
