// Pages are tables of contents and components one thing each (issue 28.3): no file of app/ or components/
// over 250 lines, the size past which a newcomer stops reading a file and starts scrolling it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const MAX_LINES = 250;
// Split on branches of their own within issue 28 (the structure page: point 4; the venue's actions: point 2).
const SPLIT_ELSEWHERE = new Set(["app/admin/structures/[id]/page.tsx", "app/lieu/actions.ts"]);

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

it("keeps every file of app/ and components/ within 250 lines", () => {
  const long = ["app", "components"]
    .flatMap(files)
    .filter((path) => !SPLIT_ELSEWHERE.has(path))
    .map((path) => ({ path, lines: readFileSync(path, "utf8").split("\n").length - 1 }))
    .filter(({ lines }) => lines > MAX_LINES);
  expect(long).toEqual([]);
});
