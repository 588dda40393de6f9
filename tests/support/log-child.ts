// Run by tests/unit/log-writes.test.ts in a process of its own (node --import tsx), its stdout a file: logs
// LINES request lines through the process's logger as scripts/server.ts does, tells on stderr how many
// bytes reached the file in the second that followed (the event loop held), then ends as EXIT says.
import fs from "node:fs";
import { log } from "../../lib/observability/log";

const lines = Number(process.env.LINES ?? 100);
for (let i = 0; i < lines; i++) log().info({ req: { method: "POST", route: "/offre/[eventId]" }, res: { status: 200 }, n: i }, "requête");
// What reached the file while the thread waits (at most 1 s, the event loop stopped): a write handed to
// the thread pool lands meanwhile; a line kept for its batch does not.
const waited = new Int32Array(new SharedArrayBuffer(4));
for (let t = 0; t < 20 && fs.fstatSync(1).size === 0; t++) Atomics.wait(waited, 0, 0, 50);
process.stderr.write(`written ${fs.fstatSync(1).size}\n`);

const exit = process.env.EXIT;
if (exit === "exit") process.exit(0);
if (exit === "throw") throw new Error("fin brutale");
if (exit === "sigterm") {
  // As scripts/server.ts stops: its SIGTERM handler ends with process.exit.
  process.on("SIGTERM", () => process.exit(0));
  process.stderr.write("ready\n");
  setInterval(() => {}, 1000);
}
// "end": the event loop empties and the process ends by itself.
