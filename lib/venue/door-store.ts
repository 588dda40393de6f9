// Issue 32.2 — what a door's device keeps in IndexedDB: the snapshot of the day (names, places, needs,
// the revocation list), the arrivals it marked and the queue of marks not yet sent. The snapshot is
// personal data kept only for the day's sessions: it is dropped once its `expiresAt` has passed, when
// read, and on sign-out (eraseDoorData). A queued mark holds a booking number and a position, no name:
// it stays until the server has it, so that no arrival is lost to a sign-out or a late sync. Browser only.
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { arrivalKey, type KnownArrivals, type StoredSnapshot } from "./door-offline";

export const DOOR_DATABASE = "controle-porte";

export interface QueuedMark {
  /** The device's own id for the mark: sent twice, it counts once (lib/venue/door-sync.ts). */
  id: string;
  number: string;
  position: number;
  at: string;
  /** The venue and the time of the snapshot the device checked against: the server needs both, even once the list is erased. */
  venueId: string;
  snapshotAt: string;
}

export interface SettledMark {
  id: string;
  outcome: string;
  arrivedAt?: string | null;
  otherDevice?: boolean;
}

interface DoorSchema extends DBSchema {
  snapshot: { key: string; value: StoredSnapshot };
  marks: { key: string; value: QueuedMark };
  arrivals: { key: string; value: { key: string; at: string; otherDevice: boolean } };
  device: { key: string; value: string };
}

let opened: Promise<IDBPDatabase<DoorSchema>> | null = null;

function db(): Promise<IDBPDatabase<DoorSchema>> {
  opened ??= openDB<DoorSchema>(DOOR_DATABASE, 1, {
    upgrade(database) {
      database.createObjectStore("snapshot");
      database.createObjectStore("marks", { keyPath: "id" });
      database.createObjectStore("arrivals", { keyPath: "key" });
      database.createObjectStore("device");
    },
  });
  return opened;
}

export async function saveSnapshot(snapshot: StoredSnapshot): Promise<void> {
  const tx = (await db()).transaction(["snapshot", "arrivals", "marks"], "readwrite");
  // The new list knows every arrival the server had: only the device's own marks not yet sent remain.
  const pending = new Set((await tx.objectStore("marks").getAll()).map((mark) => arrivalKey(mark.number, mark.position)));
  for (const key of await tx.objectStore("arrivals").getAllKeys()) if (!pending.has(key)) await tx.objectStore("arrivals").delete(key);
  await tx.objectStore("snapshot").put(snapshot, "current");
  await tx.done;
}

/** The day's snapshot, or null when there is none or its sessions are over (then it is erased). */
export async function loadSnapshot({ now = new Date() } = {}): Promise<StoredSnapshot | null> {
  const snapshot = (await (await db()).get("snapshot", "current")) ?? null;
  if (snapshot && new Date(snapshot.expiresAt) <= now) {
    await eraseDoorData();
    return null;
  }
  return snapshot;
}

export async function queueMarks(marks: QueuedMark[]): Promise<void> {
  const tx = (await db()).transaction(["marks", "arrivals"], "readwrite");
  for (const mark of marks) {
    await tx.objectStore("marks").put(mark);
    await tx.objectStore("arrivals").put({ key: arrivalKey(mark.number, mark.position), at: mark.at, otherDevice: false });
  }
  await tx.done;
}

export async function pendingMarks(): Promise<QueuedMark[]> {
  return (await (await db()).getAll("marks")).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** The server's answers: the marks leave the queue, and an arrival another device recorded first takes its time. */
export async function settleMarks(settled: SettledMark[]): Promise<void> {
  const tx = (await db()).transaction(["marks", "arrivals"], "readwrite");
  for (const answer of settled) {
    const mark = await tx.objectStore("marks").get(answer.id);
    if (!mark) continue;
    await tx.objectStore("marks").delete(answer.id);
    const key = arrivalKey(mark.number, mark.position);
    if (answer.outcome === "ALREADY_IN" && answer.arrivedAt)
      await tx.objectStore("arrivals").put({ key, at: answer.arrivedAt, otherDevice: Boolean(answer.otherDevice) });
  }
  await tx.done;
}

export async function markedArrivals(): Promise<KnownArrivals> {
  const rows = await (await db()).getAll("arrivals");
  return Object.fromEntries(rows.map(({ key, at, otherDevice }) => [key, { at, otherDevice }]));
}

/** This device's id, drawn once: the server tells its marks from another device's. */
export async function deviceId(): Promise<string> {
  const database = await db();
  const known = await database.get("device", "id");
  if (known) return known;
  const id = crypto.randomUUID();
  await database.put("device", id, "id");
  return id;
}

/** After the day's sessions and on sign-out: the names go; marks not yet sent (no names) stay for the next sync. */
export async function eraseDoorData(): Promise<void> {
  const tx = (await db()).transaction(["snapshot", "arrivals", "marks"], "readwrite");
  const pending = new Set((await tx.objectStore("marks").getAll()).map((mark) => arrivalKey(mark.number, mark.position)));
  await tx.objectStore("snapshot").clear();
  for (const key of await tx.objectStore("arrivals").getAllKeys()) if (!pending.has(key)) await tx.objectStore("arrivals").delete(key);
  await tx.done;
}
