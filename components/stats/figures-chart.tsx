"use client";

// A breakdown's bars (Recharts): places confirmed and places used, for each row of the table that follows
// it. The chart is a picture of that table: hidden from screen readers, which read the table instead,
// and drawn in the page's colours, with patterns' worth of contrast between the two series (dark and
// light) so that it reads in black and white on paper too.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * The two series' colours and the legend's text, each checked against the white page (issue 29.11,
 * tests/unit/chart-colours.test.ts): bars at least 3:1 (WCAG 1.4.11, non-text contrast), the legend's words at
 * least 4.5:1 (1.4.3); they are written in ink, not in the colour of their series.
 */
export const CHART_COLOURS = { confirmed: "#93350b", attended: "#d9621f", attendedStroke: "#6f2808", legendText: "#1f2937" } as const;
const legend = (value: string) => <span style={{ color: CHART_COLOURS.legendText }}>{value}</span>;

export interface ChartRow {
  label: string;
  confirmed: number;
  attended: number;
}

export function FiguresChart({
  rows,
  names,
  horizontal = false,
  height: asked,
}: {
  rows: ChartRow[];
  names: { confirmed: string; attended: string };
  horizontal?: boolean;
  height?: number;
}) {
  if (!rows.length) return null;
  // Long labels (venues, towns) read better as horizontal bars, one row per label.
  const height = asked ?? (horizontal ? Math.max(160, rows.length * 36 + 60) : 260);
  return (
    <div aria-hidden="true" className="w-full print:break-inside-avoid" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        {horizontal ? (
          <BarChart data={rows} layout="vertical" accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={160} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend formatter={legend} />
            <Bar dataKey="confirmed" name={names.confirmed} fill={CHART_COLOURS.confirmed} isAnimationActive={false} />
            <Bar dataKey="attended" name={names.attended} fill={CHART_COLOURS.attended} stroke={CHART_COLOURS.attendedStroke} isAnimationActive={false} />
          </BarChart>
        ) : (
          // The last label is centred on its bar: room on the right so that print does not clip it (issue 29.11).
          <BarChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 40, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="label"
              tick={{ fontSize: 12 }}
              interval={0}
              angle={rows.length > 6 ? -30 : 0}
              textAnchor={rows.length > 6 ? "end" : "middle"}
              height={rows.length > 6 ? 60 : 30}
            />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend formatter={legend} />
            <Bar dataKey="confirmed" name={names.confirmed} fill={CHART_COLOURS.confirmed} isAnimationActive={false} />
            <Bar dataKey="attended" name={names.attended} fill={CHART_COLOURS.attended} stroke={CHART_COLOURS.attendedStroke} isAnimationActive={false} />
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
