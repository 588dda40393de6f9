// Issue 35.2, the opening burst: the request's log line was written to stdout with one write system call
// each, synchronously, in the request's own time (5 % of the servers' CPU under bench:burst). Lines are now
// gathered and written a few kilobytes at a time (lib/observability/log.ts); none may be lost when the
// process ends, however it ends. Each case runs the production logger in a process of its own, its stdout
// a file.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

jest.setTimeout(60_000);

const root = path.resolve(__dirname, "..", "..");
const child = path.join(root, "tests", "support", "log-child.ts");

/** Runs the child; its stdout's lines and what it said of the file when the logging loop returned. */
async function run(exit: "end" | "exit" | "throw" | "sigterm", lines: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "log-writes-"));
  const file = path.join(dir, "out.log");
  const out = fs.openSync(file, "w");
  // Not Jest's (its logger is silent) nor a developer's pretty printing: the production log.
  const env = { ...process.env };
  delete env.LOG_PRETTY;
  delete env.JEST_WORKER_ID;
  const proc = spawn(process.execPath, ["--import", "tsx", child], {
    cwd: root,
    stdio: ["ignore", out, "pipe"],
    env: { ...env, NODE_ENV: "production", LOG_LEVEL: "info", LINES: String(lines), EXIT: exit },
  });
  fs.closeSync(out);
  let stderr = "";
  proc.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    if (exit === "sigterm" && stderr.includes("ready\n")) proc.kill("SIGTERM");
  });
  const code = await new Promise<number | null>((resolve) => proc.on("exit", (status) => resolve(status)));
  const text = fs.readFileSync(file, "utf8");
  fs.rmSync(dir, { recursive: true, force: true });
  const written = Number(/written (\d+)/.exec(stderr)?.[1] ?? NaN);
  return {
    code,
    stderr,
    written,
    lines: text
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { n: number; msg: string }),
  };
}

describe("the log's lines, written in batches", () => {
  it("does not write each line when it is logged: a batch waits for a few kilobytes", async () => {
    // Ten short lines (about 1.5 kB) in a row: none reaches the file in the second that follows.
    const { written, lines } = await run("end", 10);
    expect(written).toBe(0);
    expect(lines.map((line) => line.n)).toEqual([...Array(10).keys()]);
  });

  it.each(["end", "exit", "throw", "sigterm"] as const)("writes every line, in order, when the process ends (%s)", async (exit) => {
    const { lines, stderr } = await run(exit, 20_000);
    expect(lines).toHaveLength(20_000);
    expect(lines.map((line) => line.n)).toEqual([...Array(20_000).keys()]);
    if (exit === "throw") expect(stderr).toContain("fin brutale");
  });
});
