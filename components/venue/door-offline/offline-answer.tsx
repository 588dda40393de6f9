"use client";

// The offline door's answer, in one screen (issue 32.3): the colour and the first line say it all; a valid
// invitation lists the group, its places and needs, and one tap marks a guest or the whole group arrived.
import { useTranslations } from "next-intl";
import { formatDay, formatTime } from "@/lib/format/dates";
import { formatBookingNumber } from "@/lib/booking/number-format";
import type { OfflineAnswer } from "@/lib/venue/door-offline";

const time = (iso: string) => formatTime(new Date(iso));

export function OfflineAnswerCard({
  answer,
  takenAt,
  onMark,
}: {
  answer: OfflineAnswer;
  takenAt: string;
  onMark: (number: string, positions: number[]) => void;
}) {
  const t = useTranslations("venue.door.offline");
  const good = answer.result === "VALID" || answer.result === "NOT_ON_LIST";
  const tone = good ? "bg-green-700 text-white" : answer.result === "ALREADY_IN" ? "bg-amber-400 text-ink" : "bg-red-800 text-white";
  const title = (() => {
    switch (answer.result) {
      case "ALREADY_IN":
        return t(answer.otherDevice ? "ALREADY_IN_OTHER" : "ALREADY_IN", { time: time(answer.arrivedAt!) });
      case "CANCELLED":
        return t(answer.withdrawn ? "WITHDRAWN" : answer.waitlisted ? "WAITLISTED" : "CANCELLED");
      case "OTHER_DAY":
        return t("OTHER_DAY", { date: formatDay(answer.day) });
      case "OTHER_SESSION":
        return t("OTHER_SESSION", { time: time(answer.startsAt), title: answer.eventTitle, number: formatBookingNumber(answer.number) });
      case "NOT_ON_LIST":
        return t("NOT_ON_LIST", { time: time(takenAt), number: formatBookingNumber(answer.number), place: answer.position + 1 });
      default:
        return t(answer.result);
    }
  })();
  return (
    <div
      className={`space-y-3 rounded-lg p-6 ${tone}`}
      data-result={answer.result}
      data-key={"number" in answer ? `${answer.number}.${"position" in answer ? answer.position : "null"}` : answer.result}
    >
      <p className="text-3xl font-bold">{title}</p>
      {answer.result === "NOT_ON_LIST" ? (
        <button type="button" className="rounded-md bg-white px-4 py-3 text-lg font-semibold text-ink" onClick={() => onMark(answer.number, [answer.position])}>
          {t("markScanned")}
        </button>
      ) : null}
      {answer.result === "VALID" || answer.result === "ALREADY_IN" ? (
        <>
          <p className="text-lg">
            {answer.eventTitle} · {formatBookingNumber(answer.number)}
          </p>
          <p className="text-lg">{t("places", { count: answer.guests.length, structure: answer.partnerName })}</p>
          <ul className="space-y-2">
            {answer.guests.map((guest) => (
              <li key={guest.position} className={`flex flex-wrap items-center justify-between gap-2 ${answer.position === guest.position ? "font-bold" : ""}`}>
                <span className="text-xl">
                  {guest.firstName} {guest.lastName}
                  {guest.needs.length
                    ? ` — ${guest.needs.map((need) => (need === "OTHER" && guest.needsNote ? guest.needsNote : t(`needs.${need}`))).join(", ")}`
                    : ""}
                  {guest.arrivedAt ? ` — ${t("arrivedAt", { time: time(guest.arrivedAt) })}` : ""}
                </span>
                {!guest.arrivedAt ? (
                  <button
                    type="button"
                    className="rounded-md bg-white px-4 py-3 font-semibold text-ink"
                    onClick={() => onMark(answer.number, [guest.position])}
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
                onMark(
                  answer.number,
                  answer.guests.filter((g) => !g.arrivedAt).map((g) => g.position),
                )
              }
            >
              {t("markAll")}
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
