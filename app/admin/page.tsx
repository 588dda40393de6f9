import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { associationTodo } from "@/lib/association/dashboard";
import { requireUser } from "@/lib/auth/current";
import { formatDay, formatSessionShort } from "@/lib/format/dates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("adminHome") };
}

const SPACES = [
  ["/admin/structures", "partners"],
  ["/admin/lieux", "venues"],
  ["/admin/reservations", "associationBookings"],
  ["/admin/adhesions", "memberships"],
  ["/admin/journal", "journal"],
  ["/admin/statistiques", "statistics"],
  ["/offre", "offer"],
  ["/comptes", "accounts"],
  ["/admin/courriels", "outbox"],
  ["/admin/donnees-personnelles", "retention"],
] as const;

export default async function AdminHome() {
  const actor = await requireUser("/admin", "ADMIN");
  const todo = await associationTodo(actor);
  const t = await getTranslations("homes");
  const home = await getTranslations("adminHome");
  const nav = await getTranslations("nav");
  // A convention's days are stored as days (@db.Date): formatDay reads them without shifting a day.
  const day = (date: Date) => formatDay(date);
  const link = "font-semibold text-brand-800 underline";
  const nothing =
    !todo.newRequests &&
    !todo.meetingsToPlan &&
    !todo.meetingsPlanned &&
    !todo.conventionsEnding.length &&
    !todo.conventionsEnded.length &&
    !todo.failedMails &&
    !todo.expiringWaitlists.length;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-800">{t("admin")}</h1>
        <p>{t("adminLead")}</p>
      </header>

      <section aria-labelledby="a-faire" className="space-y-4">
        <h2 id="a-faire" className="text-2xl font-semibold">
          {home("title")}
        </h2>
        {nothing ? (
          <p className="rounded-lg bg-green-50 p-4 text-green-900">{home("nothing")}</p>
        ) : (
          <ul className="space-y-3">
            {todo.newRequests ? (
              <li className="rounded-lg border border-brand-100 p-4">
                <Link href="/admin/structures?etape=REQUEST_RECEIVED&tri=recent" className={link}>
                  {home("newRequests", { count: todo.newRequests })}
                </Link>
              </li>
            ) : null}
            {todo.meetingsToPlan ? (
              <li className="rounded-lg border border-brand-100 p-4">
                <Link href="/admin/structures?etape=REQUEST_RECEIVED" className={link}>
                  {home("meetingsToPlan", { count: todo.meetingsToPlan })}
                </Link>
              </li>
            ) : null}
            {todo.meetingsPlanned ? (
              <li className="rounded-lg border border-brand-100 p-4">
                <Link href="/admin/structures?etape=MEETING_PLANNED" className={link}>
                  {home("meetingsPlanned", { count: todo.meetingsPlanned })}
                </Link>
              </li>
            ) : null}
            {todo.conventionsEnding.length ? (
              <li className="rounded-lg border border-amber-700 bg-amber-50 p-4">
                <p className="font-semibold">{home("conventionsEnding", { count: todo.conventionsEnding.length })}</p>
                <ul className="mt-2 list-disc space-y-1 pl-6">
                  {todo.conventionsEnding.map((row) => (
                    <li key={row.id}>
                      <Link href={`/admin/structures/${row.id}`} className={link}>
                        {home("conventionEnding", { name: row.name, date: day(row.validUntil) })}
                      </Link>
                    </li>
                  ))}
                </ul>
              </li>
            ) : null}
            {todo.conventionsEnded.length ? (
              <li className="rounded-lg border border-red-700 bg-red-50 p-4">
                <p className="font-semibold">{home("conventionsEnded", { count: todo.conventionsEnded.length })}</p>
                <ul className="mt-2 list-disc space-y-1 pl-6">
                  {todo.conventionsEnded.map((row) => (
                    <li key={row.id}>
                      <Link href={`/admin/structures/${row.id}`} className={link}>
                        {home("conventionEnded", { name: row.name, date: day(row.validUntil) })}
                      </Link>
                    </li>
                  ))}
                </ul>
              </li>
            ) : null}
            {todo.failedMails ? (
              <li className="rounded-lg border border-red-700 bg-red-50 p-4">
                <Link href="/admin/courriels?etat=echec" className={link}>
                  {home("failedMails", { count: todo.failedMails })}
                </Link>
              </li>
            ) : null}
            {todo.expiringWaitlists.length ? (
              <li className="rounded-lg border border-amber-700 bg-amber-50 p-4">
                <p className="font-semibold">{home("expiringWaitlists", { count: todo.expiringWaitlists.length })}</p>
                <ul className="mt-2 list-disc space-y-1 pl-6">
                  {todo.expiringWaitlists.map((session) => (
                    <li key={session.id}>
                      <Link href={`/lieu/seances/${session.id}`} className={link}>
                        {home("waitlist", {
                          event: session.event.title,
                          date: formatSessionShort(session.startsAt),
                          count: session.waitlistedBookings,
                        })}
                      </Link>{" "}
                      (
                      <Link href={`/lieu/evenements/${session.event.id}`} className="text-brand-800 underline">
                        {home("waitlistEvent", { event: session.event.title })}
                      </Link>
                      )
                    </li>
                  ))}
                </ul>
              </li>
            ) : null}
          </ul>
        )}
      </section>

      <section aria-labelledby="espaces" className="space-y-4">
        <h2 id="espaces" className="text-2xl font-semibold">
          {home("spacesTitle")}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {SPACES.map(([href, label]) => (
            <li key={href}>
              <Link href={href} className="block rounded-md border border-brand-700 px-4 py-3 font-semibold text-brand-800 hover:bg-brand-50">
                {nav(label)}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
