// npm run bench:fairness [-- --json] [--seed 2026]
// Issue 17: first come, first served against the weighted draw (lib/booking/draw.ts), on the same
// generated season (--seed): 80 structures, 150 scarce sessions of 10 places, group applications of 1 to 6 with
// the fewest each would accept, a few structures applying to everything and sitting at their screen when
// bookings open. The sessions are taken in date order; an application's weight in a draw is √m / (1 + k),
// k its structure's outings so far this season, m the fewest places it would accept (drawWeight). Both rules serve in their order with the same rule (what was asked if it
// fits, else what fits if at least the minimum, else wait), so only the order differs: arrival, or draw.
// Prints per rule the Gini of places per applying structure, the share of applying structures served at
// least once, the places left unused, and the win rate by group size; last line JSON:
// {"fcfs":{"gini","served","unused"},"draw":{"gini","served","unused","win_rate_by_size":[…]}}.
import { faker } from "@faker-js/faker";
import { drawOrder, drawWeight, serveInDrawOrder, type DrawApplication } from "../../lib/booking/draw";
import { gini } from "../../lib/stats/gini";

const json = process.argv.includes("--json");
const seedArg = process.argv.indexOf("--seed");
const SEED = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 2026;
const say = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);

const STRUCTURES = 80;
const GREEDY = 5; // apply to everything, and are first when bookings open
const SESSIONS = 150;
const CAPACITY = 10;

interface Structure {
  id: string;
  /** Chance to apply to a given session. */
  appetite: number;
  /** How early it books when bookings open (smaller: earlier); the greedy ones sit at their screen. */
  reactivity: number;
}

interface Application extends Omit<DrawApplication, "weight"> {
  /** When it arrived, for first come, first served. */
  arrival: number;
}

function season() {
  faker.seed(SEED);
  const structures: Structure[] = Array.from({ length: STRUCTURES }, (_, i) => ({
    id: `S${String(i).padStart(2, "0")}`,
    appetite: i < GREEDY ? 1 : faker.number.float({ min: 0.04, max: 0.2 }),
    reactivity: i < GREEDY ? faker.number.float({ min: 0, max: 0.05 }) : faker.number.float({ min: 0.1, max: 1 }),
  }));
  const sessions = Array.from({ length: SESSIONS }, (_, s) => {
    const applicants = structures.filter((structure) => faker.number.float() < structure.appetite);
    return applicants.map((structure, a): Application => {
      const places = faker.helpers.weightedArrayElement([
        { weight: 20, value: 1 },
        { weight: 30, value: 2 },
        { weight: 20, value: 3 },
        { weight: 15, value: 4 },
        { weight: 8, value: 5 },
        { weight: 7, value: 6 },
      ]);
      // Four groups in ten must go together; the others would split down to half.
      const minPlaces = faker.number.float() < 0.4 ? places : faker.number.int({ min: Math.ceil(places / 2), max: places });
      // Arrival: the structure's habit, and the day's luck.
      const arrival = structure.reactivity + faker.number.float({ min: 0, max: 0.3 });
      return { id: `00000000-0000-7000-8000-${String(s * 100 + a).padStart(12, "0")}`, partnerId: structure.id, places, minPlaces, arrival };
    });
  });
  return { structures, sessions };
}

type Rule = "fcfs" | "draw";

function simulate(rule: Rule) {
  const { sessions } = season();
  const places = new Map<string, number>();
  const outings = new Map<string, number>();
  const applied = new Set<string>();
  const bySize = Array.from({ length: 6 }, () => ({ asked: 0, won: 0 }));
  let unused = 0;
  for (const [index, applications] of sessions.entries()) {
    for (const application of applications) {
      applied.add(application.partnerId);
      bySize[application.places - 1]!.asked++;
    }
    const ordered =
      rule === "fcfs"
        ? [...applications].sort((a, b) => a.arrival - b.arrival)
        : drawOrder(
            applications.map((a) => ({ ...a, weight: drawWeight(outings.get(a.partnerId) ?? 0, a.minPlaces) })),
            `season-${SEED}-session-${index}`,
          );
    const { served } = serveInDrawOrder(ordered, CAPACITY, () => Infinity);
    const byId = new Map(applications.map((a) => [a.id, a]));
    for (const { id, places: got } of served) {
      const application = byId.get(id)!;
      places.set(application.partnerId, (places.get(application.partnerId) ?? 0) + got);
      outings.set(application.partnerId, (outings.get(application.partnerId) ?? 0) + 1);
      bySize[application.places - 1]!.won++;
    }
    unused += CAPACITY - served.reduce((sum, s) => sum + s.places, 0);
  }
  const perStructure = [...applied].map((id) => places.get(id) ?? 0);
  return {
    gini: round(gini(perStructure)),
    served: round(perStructure.filter((p) => p > 0).length / applied.size),
    unused: round(unused / (SESSIONS * CAPACITY)),
    win_rate_by_size: bySize.map(({ asked, won }) => round(asked ? won / asked : 0)),
    applying: applied.size,
    applications: sessions.reduce((sum, list) => sum + list.length, 0),
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

const fcfs = simulate("fcfs");
const draw = simulate("draw");
say(
  `Saison simulée (graine ${SEED}) : ${STRUCTURES} structures dont ${GREEDY} qui demandent tout, ${SESSIONS} séances de ${CAPACITY} places, ${draw.applications} demandes de 1 à 6 places.`,
);
for (const [name, result] of [
  ["premier arrivé, premier servi", fcfs],
  ["tirage pondéré", draw],
] as const) {
  say(
    `${name.padEnd(30)} Gini ${result.gini.toFixed(3)} · structures servies au moins une fois ${(result.served * 100).toFixed(1)} % · places perdues ${(result.unused * 100).toFixed(1)} % · gain par taille de groupe ${result.win_rate_by_size.map((rate, i) => `${i + 1}:${rate.toFixed(2)}`).join(" ")}`,
  );
}
const spread = (rates: number[]) => Math.max(...rates) / Math.min(...rates);
say(
  `Gini du tirage / Gini du premier arrivé : ${(draw.gini / fcfs.gini).toFixed(2)} (objectif ≤ 0,6) · écart des gains par taille : ×${spread(draw.win_rate_by_size).toFixed(2)} (objectif ≤ 2)`,
);
process.stdout.write(
  `${JSON.stringify({
    fcfs: { gini: fcfs.gini, served: fcfs.served, unused: fcfs.unused },
    draw: { gini: draw.gini, served: draw.served, unused: draw.unused, win_rate_by_size: draw.win_rate_by_size },
  })}\n`,
);
