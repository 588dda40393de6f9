// The app servers of the replay: `count` processes of worker.ts (node:child_process), each with its own
// Prisma client and pool on the one database, as several machines running `npm start` would be. The
// driver hands each a share of a batch, or asks all to run the due jobs at once.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { deal } from "./lanes";
import type { FromWorker, Op, OpResult, ToWorker } from "./ops";

type Reply = Extract<FromWorker, { id: number }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class AppServers {
  private readonly children: ChildProcess[] = [];
  private readonly waiting = new Map<number, { resolve(reply: Reply): void; reject(error: Error): void }>();
  private nextId = 1;

  private constructor() {}

  /** `env`: more of the servers' environment (the replay's mail server, SMTP_URL). */
  static async start(count: number, databaseUrl: string, env: Record<string, string> = {}): Promise<AppServers> {
    const servers = new AppServers();
    await Promise.all(Array.from({ length: count }, () => servers.startOne(databaseUrl, env)));
    return servers;
  }

  private startOne(databaseUrl: string, extraEnv: Record<string, string>): Promise<void> {
    // Node with tsx's loader, as tests/support/job-worker.ts: the process that runs the code is the child itself.
    const child = fork(path.join(__dirname, "worker.ts"), [], {
      // SEASON_CPU_PROF=<folder>: each server writes a CPU profile there when it stops (node --cpu-prof).
      execArgv: ["--import", "tsx", ...(process.env.SEASON_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.SEASON_CPU_PROF}`] : [])],
      env: { ...process.env, ...extraEnv, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    this.children.push(child);
    return new Promise((resolve, reject) => {
      child.on("message", (message: FromWorker) => {
        if (message.type === "ready") return resolve();
        const waiter = this.waiting.get(message.id);
        this.waiting.delete(message.id);
        if (message.type === "failed") waiter?.reject(new Error(message.error));
        else waiter?.resolve(message);
      });
      child.once("exit", (code) => {
        const error = new Error(`Un serveur de la saison s'est arrêté (code ${code}).`);
        reject(error);
        for (const waiter of this.waiting.values()) waiter.reject(error);
        this.waiting.clear();
      });
    });
  }

  private ask(child: ChildProcess, message: DistributiveOmit<ToWorker, "id">): Promise<Reply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      child.send({ ...message, id } as ToWorker);
    });
  }

  /**
   * Deals the batch out by sender (lanes.ts: a structure's operations to one server), `clients`
   * operations in flight in all, never two of one structure; answers in the batch's order.
   */
  async play(ops: Op[], clients: number): Promise<OpResult[]> {
    if (!ops.length) return [];
    const shares = deal(ops, this.children.length);
    const concurrency = Math.max(1, Math.ceil(clients / this.children.length));
    const replies = await Promise.all(
      this.children.map((child, index) => (shares[index]!.ops.length ? this.ask(child, { type: "batch", ops: shares[index]!.ops, concurrency }) : null)),
    );
    const results: OpResult[] = new Array(ops.length);
    replies.forEach((reply, index) => {
      if (!reply || reply.type !== "batch") return;
      reply.results.forEach((result, k) => (results[shares[index]!.indexes[k]!] = result));
    });
    return results;
  }

  /** Moves every server's clock to `now` (simulated); the jobs this made due start on their own. Returns the jobs run so far, in all. */
  async setClock(now: Date): Promise<number> {
    const replies = await Promise.all(this.children.map((child) => this.ask(child, { type: "clock", now: now.getTime() })));
    return replies.reduce((sum, reply) => sum + (reply.type === "clock" ? reply.jobs : 0), 0);
  }

  /** Stops them; the sum of their peak memory (MB) and of their CPU time (ms). */
  async stop(): Promise<{ rssMb: number; cpuMs: number; taskTimes: Record<string, { count: number; ms: number }> }> {
    const replies = await Promise.all(this.children.map((child) => (child.connected ? this.ask(child, { type: "stop" }).catch(() => null) : null)));
    // Each leaves on its own once disconnected (writing its CPU profile, if asked); killed if it lingers.
    await Promise.all(
      this.children.map((child) =>
        child.exitCode !== null || child.signalCode !== null
          ? null
          : new Promise<void>((resolve) => {
              const timer = setTimeout(() => {
                child.kill();
                resolve();
              }, 30_000);
              child.once("exit", () => {
                clearTimeout(timer);
                resolve();
              });
            }),
      ),
    );
    const stopped = replies.flatMap((reply) => (reply?.type === "stopped" ? [reply] : []));
    const taskTimes: Record<string, { count: number; ms: number }> = {};
    for (const reply of stopped)
      for (const [name, { count, ms }] of Object.entries(reply.taskTimes)) {
        const sum = (taskTimes[name] ??= { count: 0, ms: 0 });
        sum.count += count;
        sum.ms += ms;
      }
    return {
      rssMb: stopped.reduce((sum, reply) => sum + reply.maxRssMb, 0),
      cpuMs: stopped.reduce((sum, reply) => sum + reply.cpuMs, 0),
      taskTimes,
    };
  }
}
