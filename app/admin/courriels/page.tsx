import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current";
import { listOutbox } from "@/lib/mail/outbox";

export const metadata: Metadata = { title: "Courriels" };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireUser("/admin/courriels", "ADMIN");
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const { mails, pageCount } = await listOutbox(actor, { page });
  const t = await getTranslations("outbox");
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
      <p>{t("lead")}</p>
      {mails.length === 0 ? (
        <p className="rounded-lg bg-brand-50 p-4">{t("empty")}</p>
      ) : (
        <ul className="space-y-4">
          {mails.map((mail) => (
            <li key={mail.id} className="rounded-lg border border-brand-100 p-4">
              <p className="text-sm">
                {format.dateTime(mail.createdAt, { dateStyle: "medium", timeStyle: "short" })} · {t("to")} {mail.to} ·{" "}
                {mail.sentAt ? t("sent") : mail.error ? t("failed", { error: mail.error }) : t("kept")}
              </p>
              <h2 className="font-semibold">{mail.subject}</h2>
              <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm">{mail.text}</pre>
            </li>
          ))}
        </ul>
      )}
      <nav className="flex justify-between">
        {page > 1 ? <Link href={`/admin/courriels?page=${page - 1}`}>{t("previous")}</Link> : <span />}
        {page < pageCount ? <Link href={`/admin/courriels?page=${page + 1}`}>{t("next")}</Link> : <span />}
      </nav>
    </div>
  );
}
