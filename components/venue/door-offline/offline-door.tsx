"use client";

// The door check without a network (issue 32): prepared before the doors open, it answers from the day's
// list kept on this device (lib/venue/door-offline.ts), by a scanned code (a handheld scanner types it
// into the field), a typed number or a name, and queues the arrivals until the network returns. The
// status line says whether the device is online and how old its list is.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { formatTime } from "@/lib/format/dates";
import { formatBookingNumber } from "@/lib/booking/number-format";
import { checkOffline, type OfflineAnswer } from "@/lib/venue/door-offline";
import { useQrCamera } from "../use-qr-camera";
import { OfflineAnswerCard } from "./offline-answer";
import { useDoorDevice, type Notice, type SyncAction } from "./use-door-device";

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

export function OfflineDoor({ venueId, sync }: { venueId: string; sync: SyncAction }) {
  const t = useTranslations("venue.door.offline");
  const words = useTranslations("venue.door");
  const device = useDoorDevice(venueId, sync);
  const { snapshot } = device;
  const [pending, startTransition] = useTransition();
  const [code, setCode] = useState("");
  const [name, setName] = useState("");
  const [answer, setAnswer] = useState<OfflineAnswer | null>(null);
  const [prepared, setPrepared] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const result = useRef<HTMLDivElement>(null);
  const [scanning, setScanning] = useState(false);
  const [cameraError, setCameraError] = useState(false);
  // The session the door checks ("" for every session of the day): a guest of another one is told so.
  const [sessionId, setSessionId] = useState("");

  // The "Hors ligne depuis 14 min" line moves on by itself.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);

  const show = async (text: string) => {
    if (!snapshot || !text.trim()) return;
    setAnswer(await checkOffline(snapshot, text, { arrivals: device.arrivals, sessionId: sessionId || null }));
    result.current?.focus();
  };

  const video = useQrCamera(scanning, { onText: (text) => void show(text), onStop: () => setScanning(false), onError: () => setCameraError(true) });

  // After a mark the group's answer is worked out again, from the arrivals the device now knows (as the online door does).
  useEffect(() => {
    if (!snapshot || !answer || (answer.result !== "VALID" && answer.result !== "ALREADY_IN")) return;
    void checkOffline(snapshot, answer.number, { arrivals: device.arrivals, sessionId: sessionId || null }).then(setAnswer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the arrivals change
  }, [device.arrivals]);

  const minutes = device.offlineSince ? Math.max(0, Math.floor((now - device.offlineSince) / 60_000)) : 0;
  const matches =
    snapshot && name.trim().length >= 2
      ? snapshot.bookings.flatMap((b) =>
          b.guests.filter((g) => fold(`${g.firstName} ${g.lastName}`).includes(fold(name.trim()))).map((g) => ({ booking: b, guest: g })),
        )
      : [];
  const told = (notice: Notice) => {
    const guest = snapshot?.bookings.find((b) => b.number === notice.number)?.guests.find((g) => g.position === notice.position);
    const who = {
      name: guest ? `${guest.firstName} ${guest.lastName}` : "",
      number: formatBookingNumber(notice.number),
      time: formatTime(new Date(notice.time)),
    };
    return notice.kind === "otherDevice"
      ? t("toldOtherDevice", who)
      : notice.kind === "sameDevice"
        ? t("toldSameDevice", who)
        : notice.kind === "cancelled"
          ? t("toldCancelled", who)
          : t("toldRefused", who);
  };

  return (
    <section aria-labelledby="controle-hors-ligne" className="space-y-4 rounded-lg border-2 border-brand-700 p-4">
      <h2 id="controle-hors-ligne" className="text-2xl font-bold text-brand-800">
        {t("title")}
      </h2>
      <p role="status" className="text-lg font-semibold" data-testid="door-status">
        {device.online ? t("online") : t("offlineSince", { minutes })}
        {snapshot ? ` · ${t("listOf", { time: formatTime(new Date(snapshot.takenAt)) })}` : ` · ${t("noList")}`}
      </p>
      <p>{t("lead")}</p>
      <p className="flex flex-wrap gap-3">
        <button
          type="button"
          disabled={pending || !device.online}
          onClick={() => startTransition(async () => setPrepared(await device.prepare()))}
          className="rounded-md bg-brand-700 px-5 py-3 text-lg font-semibold text-white disabled:opacity-60"
        >
          {pending ? t("preparing") : t("prepare")}
        </button>
        {snapshot ? (
          <button type="button" onClick={() => void device.erase()} className="rounded-md border border-brand-700 px-4 py-3 font-semibold text-brand-800">
            {t("erase")}
          </button>
        ) : null}
      </p>
      <div aria-live="polite">
        {prepared && snapshot ? <p>{t("prepared", { count: snapshot.bookings.reduce((sum, b) => sum + b.guests.length, 0) })}</p> : null}
        {device.failed === "prepare" ? <p role="alert">{t("prepareFailed")}</p> : null}
        {device.failed === "send" ? <p role="alert">{t("sendFailed")}</p> : null}
        <p data-testid="door-pending">{t("pending", { count: device.pending })}</p>
        {device.sent !== null ? <p>{t("sent", { count: device.sent })}</p> : null}
        {device.notices.length ? (
          <ul className="list-disc space-y-1 pl-6" data-testid="door-notices">
            {device.notices.map((notice, i) => (
              <li key={`${notice.number}.${notice.position}.${i}`}>{told(notice)}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {device.pending && device.online ? (
        <button type="button" onClick={() => void device.send()} className="rounded-md border-2 border-brand-700 px-4 py-3 font-semibold text-brand-800">
          {t("send")}
        </button>
      ) : null}
      {snapshot ? (
        <div className="space-y-4">
          {snapshot.sessions.length > 1 ? (
            <p>
              <label htmlFor="seance-hors-ligne" className="mb-1 block font-semibold">
                {t("sessionChoice")}
              </label>
              <select
                id="seance-hors-ligne"
                value={sessionId}
                onChange={(event) => setSessionId(event.target.value)}
                className="rounded-md border border-gray-500 px-3 py-3 text-lg"
              >
                <option value="">{t("allSessions")}</option>
                {snapshot.sessions.map((session) => (
                  <option key={session.id} value={session.id}>
                    {formatTime(new Date(session.startsAt))} — {session.eventTitle}
                  </option>
                ))}
              </select>
            </p>
          ) : null}
          <button type="button" onClick={() => setScanning((on) => !on)} className="rounded-md bg-brand-700 px-5 py-4 text-lg font-semibold text-white">
            {scanning ? words("stopScan") : words("scan")}
          </button>
          {cameraError ? <p role="alert">{words("cameraError")}</p> : null}
          {scanning ? <video ref={video} muted playsInline className="w-full max-w-md rounded-lg bg-black" aria-hidden="true" /> : null}
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(event) => {
              event.preventDefault();
              void show(code).then(() => setCode(""));
            }}
          >
            <p>
              <label htmlFor="code-hors-ligne" className="mb-1 block font-semibold">
                {t("code")}
              </label>
              <input
                id="code-hors-ligne"
                value={code}
                onChange={(event) => setCode(event.target.value)}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                className="w-72 rounded-md border border-gray-500 px-3 py-3 font-mono text-xl"
              />
            </p>
            <button type="submit" className="rounded-md border-2 border-brand-700 px-5 py-3 text-lg font-semibold text-brand-800">
              {t("check")}
            </button>
          </form>
          <p>
            <label htmlFor="nom-hors-ligne" className="mb-1 block font-semibold">
              {t("search")}
            </label>
            <input
              id="nom-hors-ligne"
              type="search"
              value={name}
              onChange={(event) => setName(event.target.value)}
              autoComplete="off"
              className="w-72 rounded-md border border-gray-500 px-3 py-3 text-xl"
            />
          </p>
          {name.trim().length >= 2 ? (
            <div aria-live="polite">
              {matches.length ? <p className="sr-only">{t("matches", { count: matches.length })}</p> : <p>{t("noMatch")}</p>}
              <ul className="space-y-1">
                {matches.slice(0, 20).map(({ booking, guest }) => (
                  <li key={`${booking.number}.${guest.position}`}>
                    <button type="button" className="text-lg text-brand-800 underline" onClick={() => void show(booking.number).then(() => setName(""))}>
                      {guest.firstName} {guest.lastName} · {formatBookingNumber(booking.number)}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div ref={result} tabIndex={-1} aria-live="assertive" className="outline-none" data-testid="door-answer">
            {answer ? (
              <OfflineAnswerCard answer={answer} takenAt={snapshot.takenAt} onMark={(number, positions) => void device.mark(number, positions)} />
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}
