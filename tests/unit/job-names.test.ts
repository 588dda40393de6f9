// Issue 28.5: a job added with SQL names its task in a string (graphile_worker.add_job('send-mail', …) in
// a migration or a script), and the crontab names its tasks in text: neither is checked by TypeScript
// (lib/db/queue.ts's jobSpecSql takes a TaskName, which it checks; they are read here too). A name
// missing from the task registry (TASK_NAMES, which lib/jobs/tasks.ts must cover) would leave its jobs
// waiting forever. Every such name is read here.
import fs from "node:fs";
import path from "node:path";
import { TASK_NAMES } from "@/lib/db/queue";

const root = path.join(__dirname, "..", "..");

function files(dir: string, pattern: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : files(full, pattern);
    return pattern.test(entry.name) ? [full] : [];
  });
}

/** Each task named in a literal add_job('…') or jobSpecSql("…") of lib/ or of a migration, with where it is written. */
function namesInSql(): { name: string; file: string }[] {
  const sources = [...files(path.join(root, "lib"), /\.tsx?$/), ...files(path.join(root, "prisma", "migrations"), /\.sql$/)];
  return sources.flatMap((file) =>
    [...fs.readFileSync(file, "utf8").matchAll(/add_job\(\s*'([^']+)'|jobSpecSql\(\s*"([^"]+)"/g)].map((match) => ({
      name: (match[1] ?? match[2])!,
      file: path.relative(root, file),
    })),
  );
}

/** Each task the crontab of lib/jobs/tasks.ts runs (the last word of each line). */
function namesInCrontab(): string[] {
  const source = fs.readFileSync(path.join(root, "lib", "jobs", "tasks.ts"), "utf8");
  const crontab = /export const CRONTAB = \[([^\]]*)\]/.exec(source)?.[1] ?? "";
  return [...crontab.matchAll(/"([^"]+)"/g)].map((match) => match[1]!.trim().split(/\s+/).at(-1)!);
}

it("knows every task named in SQL by the task registry", () => {
  const unknown = namesInSql().filter(({ name }) => !(TASK_NAMES as readonly string[]).includes(name));
  expect(unknown).toEqual([]);
});

it("knows every task of the crontab by the task registry", () => {
  const unknown = namesInCrontab().filter((name) => !(TASK_NAMES as readonly string[]).includes(name));
  expect(unknown).toEqual([]);
});

it("finds the names it is about (the check itself works)", () => {
  const found = namesInSql();
  expect(found.map(({ file }) => file)).toEqual(expect.arrayContaining(["lib/booking/notify.ts", "lib/mail/index.ts", "lib/sms/events.ts"]));
  expect(found.map(({ name }) => name)).toEqual(expect.arrayContaining(["texts-for-notice", "send-mail", "send-sms"]));
  expect(namesInCrontab()).toEqual(expect.arrayContaining(["retention", "mail-digest"]));
});
