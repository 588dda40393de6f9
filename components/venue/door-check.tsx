"use client";

// The door check, for a phone or a tablet at the entrance: scan the invitation's QR code with the
// camera (the browser's BarcodeDetector where it exists, jsQR otherwise) or type the booking number;
// the answer fills the screen, and marking a guest as arrived is one tap.
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import type { DoorState } from "@/lib/venue/door";
import { formatSessionDate, formatTime } from "@/lib/format/dates";
import { useQrCamera } from "./use-qr-camera";

interface Props {
  check: (input: { code?: string; number?: string }) => Promise<DoorState>;
  mark: (input: { bookingId: string; positions: number[] }) => Promise<DoorState>;
}

export function DoorCheck({ check, mark }: Props) {
  const t = useTranslations("venue.door");
  const [state, setState] = useState<DoorState>({});
  const [pending, startTransition] = useTransition();
  const [scanning, setScanning] = useState(false);
  const [cameraError, setCameraError] = useState(false);
  const [number, setNumber] = useState("");
  const result = useRef<HTMLDivElement>(null);

  const run = (input: { code?: string; number?: string }) =>
    startTransition(async () => {
      setState(await check(input));
      result.current?.focus();
    });

  const video = useQrCamera(scanning, {
    onText: (text) => run({ code: text }),
    onStop: () => setScanning(false),
    onError: () => setCameraError(true),
  });

  const answer = state.answer;
  const tone = !answer
    ? ""
    : answer.result === "VALID"
      ? "bg-green-700 text-white"
      : answer.result === "ALREADY_USED"
        ? "bg-amber-400 text-ink"
        : "bg-red-800 text-white";
  const time = (date: Date) => formatTime(new Date(date));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={() => setScanning((on) => !on)} className="rounded-md bg-brand-700 px-5 py-4 text-lg font-semibold text-white">
          {scanning ? t("stopScan") : t("scan")}
        </button>
      </div>
      {cameraError ? <p role="alert">{t("cameraError")}</p> : null}
      {scanning ? <video ref={video} muted playsInline className="w-full max-w-md rounded-lg bg-black" aria-hidden="true" /> : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          // A handheld scanner types the QR code's whole content into the field, like a keyboard.
          const typed = number.trim();
          if (/^CPT\d\./i.test(typed)) run({ code: typed });
          else if (typed) run({ number: typed });
        }}
        className="flex flex-wrap items-end gap-3"
      >
        <p>
          <label htmlFor="numero" className="mb-1 block font-semibold">
            {t("number")}
          </label>
          <input
            id="numero"
            value={number}
            onChange={(event) => setNumber(event.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            className="w-56 rounded-md border border-gray-500 px-3 py-3 font-mono text-xl uppercase tracking-widest"
          />
        </p>
        <button type="submit" disabled={pending} className="rounded-md border-2 border-brand-700 px-5 py-3 text-lg font-semibold text-brand-800">
          {pending ? t("checking") : t("check")}
        </button>
      </form>

      <div ref={result} tabIndex={-1} aria-live="assertive" className="outline-none">
        {state.message ? <p className="rounded-lg bg-red-800 p-6 text-2xl font-bold text-white">{state.message}</p> : null}
        {answer ? (
          <div className={`space-y-3 rounded-lg p-6 ${tone}`}>
            <p className="text-3xl font-bold">
              {answer.result === "OTHER_DATE" ? t("OTHER_DATE", { date: formatSessionDate(new Date(answer.startsAt)) }) : t(answer.result)}
            </p>
            {"eventTitle" in answer ? <p className="text-lg">{answer.eventTitle}</p> : null}
            {answer.result === "VALID" || answer.result === "ALREADY_USED" ? (
              <>
                <p className="text-lg">{t("places", { count: answer.guests.length, structure: answer.partnerName })}</p>
                <ul className="space-y-2">
                  {answer.guests.map((guest) => (
                    <li
                      key={guest.position}
                      className={`flex flex-wrap items-center justify-between gap-2 ${answer.scannedPosition === guest.position ? "font-bold" : ""}`}
                    >
                      <span className="text-xl">
                        {guest.firstName} {guest.lastName}
                        {guest.arrivedAt ? ` — ${t("arrivedAt", { time: time(guest.arrivedAt) })}` : ""}
                      </span>
                      {!guest.arrivedAt ? (
                        <button
                          type="button"
                          className="rounded-md bg-white px-4 py-3 font-semibold text-ink"
                          onClick={() =>
                            startTransition(async () => {
                              const marked = await mark({ bookingId: answer.bookingId, positions: [guest.position] });
                              setState(marked.message ? marked : await check({ number: answer.number }));
                            })
                          }
                        >
                          {t("markArrived", { name: guest.firstName })}
                        </button>
                      ) : null}
                    </li>
                  ))}
                </ul>
                {answer.guests.filter((g) => !g.arrivedAt).length > 1 ? (
                  <button
                    type="button"
                    className="rounded-md bg-white px-4 py-3 text-lg font-semibold text-ink"
                    onClick={() =>
                      startTransition(async () => {
                        const marked = await mark({ bookingId: answer.bookingId, positions: answer.guests.filter((g) => !g.arrivedAt).map((g) => g.position) });
                        setState(marked.message ? marked : await check({ number: answer.number }));
                      })
                    }
                  >
                    {t("markAll")}
                  </button>
                ) : null}
              </>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
