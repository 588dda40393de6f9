// Pages are tables of contents and components one thing each (issue 28.3): no file of app/ or components/
// over 250 lines, the size past which a newcomer stops reading a file and starts scrolling it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const MAX_LINES = 250;

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
    .map((path) => ({ path, lines: readFileSync(path, "utf8").split("\n").length - 1 }))
    .filter(({ lines }) => lines > MAX_LINES);
  expect(long).toEqual([]);
});
