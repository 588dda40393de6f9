"use client";

// The offline door's state on this device (issue 32.2–32.3): the snapshot in IndexedDB, the arrivals it
// marked, the queue of marks and whether the network is there. Marks are sent as soon as the network is
// back; the server's answers ("déjà entré à 19 h 54 (autre appareil)", cancelled after the list) are
// turned into notices, and cancellations since the snapshot join the device's revocation list.
import { useCallback, useEffect, useRef, useState } from "react";
import type { KnownArrivals, StoredSnapshot } from "@/lib/venue/door-offline";
import { deviceId, eraseDoorData, loadSnapshot, markedArrivals, pendingMarks, queueMarks, saveSnapshot, settleMarks } from "@/lib/venue/door-store";

export interface SyncReply {
  results: { id: string; outcome: string; arrivedAt?: Date | string | null; otherDevice?: boolean; cancelledAfterSnapshot?: boolean }[];
  revokedSince: { number: string; position: number | null; reason: "CANCELLED" | "WAITLISTED" | "WITHDRAWN"; at: Date | string | null }[];
}
export type SyncAction = (input: unknown) => Promise<SyncReply | { message: string }>;

export type Notice = { kind: "otherDevice" | "sameDevice" | "cancelled" | "refused"; number: string; position: number; time: string };

const OFFLINE_SINCE = "controle-porte.hors-ligne-depuis";
const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null);

export function useDoorDevice(venueId: string, sync: SyncAction) {
  const [snapshot, setSnapshot] = useState<StoredSnapshot | null>(null);
  const [arrivals, setArrivals] = useState<KnownArrivals>({});
  const [pending, setPending] = useState(0);
  const [online, setOnline] = useState(true);
  const [offlineSince, setOfflineSince] = useState<number | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [sent, setSent] = useState<number | null>(null);
  const [failed, setFailed] = useState<"prepare" | "send" | null>(null);
  const sending = useRef(false);

  const refresh = useCallback(async () => {
    const [stored, known, queue] = await Promise.all([loadSnapshot(), markedArrivals(), pendingMarks()]);
    setSnapshot(stored && stored.venueId === venueId ? stored : null);
    setArrivals(known);
    setPending(queue.length);
  }, [venueId]);

  const send = useCallback(async () => {
    if (sending.current || !navigator.onLine) return;
    sending.current = true;
    try {
      // Marks made while a batch was on its way go in the next round.
      for (let round = 0; round < 5; round++) {
        const queue = await pendingMarks();
        if (!queue.length || !navigator.onLine) break;
        // Marks go by the list they were checked against: a list may have been erased since, the marks stay.
        const batches = new Map<string, typeof queue>();
        for (const mark of queue) batches.set(`${mark.venueId} ${mark.snapshotAt}`, [...(batches.get(`${mark.venueId} ${mark.snapshotAt}`) ?? []), mark]);
        const device = await deviceId();
        const told: Notice[] = [];
        const revoked: SyncReply["revokedSince"] = [];
        for (const batch of batches.values()) {
          const { venueId: venue, snapshotAt } = batch[0]!;
          const reply = await sync({
            venueId: venue,
            deviceId: device,
            snapshotAt,
            marks: batch.map(({ id, number, position, at }) => ({ id, number, position, at })),
          });
          if ("message" in reply) throw new Error(reply.message);
          await settleMarks(reply.results.map((r) => ({ ...r, arrivedAt: iso(r.arrivedAt) })));
          const byId = new Map(batch.map((mark) => [mark.id, mark]));
          for (const result of reply.results) {
            const mark = byId.get(result.id)!;
            const facts = { number: mark.number, position: mark.position };
            if (result.outcome === "ALREADY_IN") told.push({ kind: result.otherDevice ? "otherDevice" : "sameDevice", ...facts, time: iso(result.arrivedAt)! });
            else if (result.outcome === "CANCELLED") told.push({ kind: "cancelled", ...facts, time: mark.at });
            else if (result.outcome !== "RECORDED") told.push({ kind: "refused", ...facts, time: mark.at });
          }
          revoked.push(...reply.revokedSince);
        }
        const stored = await loadSnapshot();
        if (stored && revoked.length) {
          const known = new Set(stored.revoked.map((r) => `${r.number}.${r.position}`));
          const added = revoked.filter((r) => !known.has(`${r.number}.${r.position}`)).map((r) => ({ ...r, at: iso(r.at) }));
          await saveSnapshot({ ...stored, revoked: [...stored.revoked, ...added] });
        }
        setNotices((before) => [...told, ...before]);
        setSent(queue.length);
        setFailed(null);
      }
    } catch {
      setFailed("send");
    } finally {
      sending.current = false;
      await refresh();
    }
  }, [sync, refresh]);

  useEffect(() => {
    const update = () => {
      const now = navigator.onLine;
      setOnline(now);
      if (now) {
        localStorage.removeItem(OFFLINE_SINCE);
        setOfflineSince(null);
        void send();
      } else {
        const since = Number(localStorage.getItem(OFFLINE_SINCE)) || Date.now();
        localStorage.setItem(OFFLINE_SINCE, String(since));
        setOfflineSince(since);
      }
    };
    // Read once the page is there: the network's state and the device's store are the browser's, not React's.
    void Promise.resolve().then(update).then(refresh);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, [refresh, send]);

  const prepare = useCallback(async () => {
    try {
      const answer = await fetch(`/api/door/snapshot?lieu=${encodeURIComponent(venueId)}`, { cache: "no-store" });
      if (!answer.ok) throw new Error(String(answer.status));
      await saveSnapshot((await answer.json()) as StoredSnapshot);
      setFailed(null);
      await refresh();
      await send();
      return true;
    } catch {
      setFailed("prepare");
      return false;
    }
  }, [venueId, refresh, send]);

  const mark = useCallback(
    async (number: string, positions: number[]) => {
      if (!snapshot) return;
      const at = new Date().toISOString();
      const list = { venueId: snapshot.venueId, snapshotAt: snapshot.takenAt };
      await queueMarks(positions.map((position) => ({ id: crypto.randomUUID(), number, position, at, ...list })));
      await refresh();
      void send();
    },
    [snapshot, refresh, send],
  );

  const erase = useCallback(async () => {
    await eraseDoorData();
    await refresh();
  }, [refresh]);

  return { snapshot, arrivals, pending, online, offlineSince, notices, sent, failed, prepare, mark, send, erase };
}
