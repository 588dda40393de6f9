// The public record of a session's draw (issue 17): before it, the window, the seed's fingerprint and how
// many applied; after it, the seed and every application in draw order with its weight and number, the
// structures' names hidden from other structures; each structure's own rank in one sentence, and its
// application to change or withdraw while the window is open.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { currentActor } from "@/lib/auth/current";
import { drawFactsForBooking, drawRecord } from "@/lib/booking/applications";
import { drawSentence, pendingSentence } from "@/lib/booking/draw-words";
import { formatSessionDate } from "@/lib/format/dates";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";
import { withdrawApplicationAction } from "../../offre/[eventId]/reserver/[sessionId]/actions";
import { ScrollTable } from "@/components/scroll-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("drawPage"))("applyTitle") };
}

export default async function DrawPage({ params, searchParams }: { params: Promise<{ sessionId: string }>; searchParams: Promise<{ candidature?: string }> }) {
  const [{ sessionId }, { candidature }] = await Promise.all([params, searchParams]);
  const actor = await currentActor();
  if (actor.kind === "anonymous") redirect(`/connexion?suite=/tirages/${sessionId}`);
  const record = await drawRecord(actor, sessionId);
  if (!record) notFound();
  const t = await getTranslations("drawPage");
  const words = await getTranslations("draw");
  const open = record.window === "OPEN";
  const ownFacts = record.own?.bookingId ? await drawFactsForBooking(record.own.bookingId) : null;
  const partnerId = actor.kind === "user" && actor.role === "PARTNER" ? actor.partnerId : null;
  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES]}>
      <div className="space-y-8">
        <p>
          <Link href={`/offre/${record.session.eventId}`} className="font-semibold text-brand-800 underline">
            {record.session.eventTitle}
          </Link>
        </p>
        <header className="space-y-2">
          <h1 className="text-3xl font-bold text-brand-800 break-words">{t("title", { event: record.session.eventTitle })}</h1>
          <p className="text-lg">
            {formatSessionDate(record.session.startsAt)} — {record.session.venueName}
          </p>
        </header>
        {candidature && record.own && !record.drawnAt ? (
          <p role="status" className="rounded-md border-2 border-green-800 bg-green-50 p-3 font-semibold text-green-900">
            {t("applied")}
          </p>
        ) : null}
        <section aria-labelledby="etat" className="space-y-2 rounded-lg bg-brand-50 p-4">
          <h2 id="etat" className="text-xl font-semibold">
            {record.drawnAt ? t("resultTitle") : t("applyTitle")}
          </h2>
          {record.notHeld ? (
            <p>{t(`notHeld.${record.notHeld}`, { count: record.count })}</p>
          ) : record.drawnAt ? (
            <p>{t("drawnOn", { date: formatSessionDate(record.drawnAt), count: record.count })}</p>
          ) : (
            <p>{pendingSentence(words, formatSessionDate(record.closesAt))}</p>
          )}
          {!record.drawnAt ? <p>{t("count", { count: record.count })}</p> : null}
          {ownFacts ? <p className="text-lg font-semibold">{drawSentence(words, { ...ownFacts, date: formatSessionDate(ownFacts.drawnAt) })}</p> : null}
          {ownFacts && ownFacts.placesWon > 0 && record.own?.bookingId ? (
            <p>
              <Link href={`/partenaire/reservations/${record.own.bookingId}`} className="font-semibold text-brand-800 underline">
                {words("seeBooking")}
              </Link>
            </p>
          ) : null}
        </section>
        {record.own && !record.drawnAt ? (
          <section aria-labelledby="candidature" className="space-y-3">
            <h2 id="candidature" className="text-xl font-semibold">
              {t("yours")}
            </h2>
            <p>{t("ownApplication", { places: record.own.places, minPlaces: record.own.minPlaces })}</p>
            <ul className="list-disc pl-6">
              {record.own.guests.map((guest, index) => (
                <li key={index}>
                  {guest.firstName} {guest.lastName}
                </li>
              ))}
            </ul>
            {open && partnerId ? (
              <div className="flex flex-wrap gap-4">
                <Link
                  href={`/offre/${record.session.eventId}/reserver/${record.sessionId}`}
                  className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800"
                >
                  {t("change")}
                </Link>
                <ActionForm action={withdrawApplicationAction} submit={t("withdraw")} confirm={t("withdrawConfirm")} danger>
                  <input type="hidden" name="sessionId" value={record.sessionId} />
                  <input type="hidden" name="partnerId" value={partnerId} />
                </ActionForm>
              </div>
            ) : null}
          </section>
        ) : null}
        <section aria-labelledby="empreinte" className="space-y-2">
          <h2 id="empreinte" className="text-lg font-semibold">
            {t("fingerprint")}
          </h2>
          <p className="font-mono text-sm break-all">{record.fingerprint}</p>
          {record.seed ? (
            <>
              <h2 className="text-lg font-semibold">{t("seed")}</h2>
              <p className="font-mono text-sm break-all">{record.seed}</p>
            </>
          ) : null}
        </section>
        {record.drawnAt && !record.notHeld ? (
          <section aria-labelledby="ordre" className="space-y-3">
            <h2 id="ordre" className="text-xl font-semibold">
              {t("caption")}
            </h2>
            <ScrollTable label={t("scrollLabel")}>
              <table className="w-full min-w-[40rem] border-collapse text-left">
                <caption className="sr-only">{t("caption")}</caption>
                <thead>
                  <tr className="border-b-2 border-brand-100">
                    {(["rank", "structure", "asked", "outings", "weight", "u", "outcome"] as const).map((column) => (
                      <th key={column} scope="col" className="py-2 pr-3">
                        {t(`columns.${column}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {record.rows.map((row) => (
                    <tr key={row.applicationId} className={`border-b border-brand-100 ${row.own ? "bg-brand-50 font-semibold" : ""}`}>
                      <th scope="row" className="py-2 pr-3">
                        {row.rank}
                      </th>
                      <td className="py-2 pr-3">{row.own ? `${t("ownStructure")} (${row.partnerName})` : (row.partnerName ?? t("otherStructure"))}</td>
                      <td className="py-2 pr-3">{t("asked", { places: row.places, minPlaces: row.minPlaces })}</td>
                      <td className="py-2 pr-3">{row.outings}</td>
                      <td className="py-2 pr-3 font-mono">{row.weight.toFixed(4)}</td>
                      <td className="py-2 pr-3 font-mono">{row.u.toFixed(6)}</td>
                      <td className="py-2">{row.placesWon ? t("won", { count: row.placesWon }) : t("waiting")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
            <h2 className="text-lg font-semibold">{t("howTitle")}</h2>
            <p>{t("how")}</p>
            <p>
              <a href={`/tirages/${record.sessionId}/donnees`} className="font-semibold text-brand-800 underline">
                {t("download")}
              </a>
            </p>
          </section>
        ) : null}
      </div>
    </ClientMessages>
  );
}
