import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { requireUser } from "@/lib/auth/current";
import { formatMoment } from "@/lib/format/dates";
import { listFailedJobs, listStuckJobs } from "@/lib/jobs/failed";
import { listOutbox } from "@/lib/mail/outbox";
import { urlPage } from "@/lib/lists";
import { resendMailAction, resendTextAction, retryJobAction, smsSettingsAction } from "./actions";
import { SmsSection } from "@/components/admin/outbox/sections/sms";
import { ClientMessages } from "@/components/i18n/client-messages";
import { LinkedText } from "@/components/linked-text";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";
import { EmptyPageNotice } from "@/components/empty-page-notice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("outbox") };
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string; etat?: string; destinataire?: string; sms?: string }> }) {
  const actor = await requireUser("/admin/courriels", "ADMIN");
  const query = await searchParams;
  const onlyFailed = query.etat === "echec";
  const recipient = typeof query.destinataire === "string" ? query.destinataire.trim() : "";
  const page = Math.max(1, Number(query.page) || 1);
  // The texts have their own pages (lib/lists.ts's page word, under `sms`), beside the mails'.
  const smsPage = urlPage().parse(query.sms);
  const [{ mails, pageCount, failed }, failedJobs, stuckJobs] = await Promise.all([
    listOutbox(actor, { page, status: onlyFailed ? "FAILED" : undefined, to: recipient || undefined }),
    listFailedJobs(actor),
    listStuckJobs(actor),
  ]);
  const t = await getTranslations("outbox");
  const taskLabel = (task: string) => (t.has(`failedJobs.tasks.${task}`) ? t(`failedJobs.tasks.${task}`) : task);
  const link = (to: number) =>
    `/admin/courriels?${new URLSearchParams({ ...(onlyFailed ? { etat: "echec" } : {}), ...(recipient ? { destinataire: recipient } : {}), page: String(to), ...(smsPage > 1 ? { sms: String(smsPage) } : {}) })}`;
  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES, "sms.outbox"]}>
      <div className="space-y-6">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p>{t("lead")}</p>
        <p className={failed ? "font-semibold text-red-800" : ""}>
          {t("failedCount", { count: failed })}{" "}
          <Link href={onlyFailed ? "/admin/courriels" : "/admin/courriels?etat=echec"} className="text-brand-800 underline">
            {onlyFailed ? t("all") : t("onlyFailed")}
          </Link>
        </p>
        <form method="get" action="/admin/courriels" role="search" className="flex flex-wrap items-end gap-3">
          {onlyFailed ? <input type="hidden" name="etat" value="echec" /> : null}
          <p>
            <label htmlFor="destinataire" className="mb-1 block font-semibold">
              {t("recipient")}
            </label>
            <input id="destinataire" name="destinataire" type="search" defaultValue={recipient} className="rounded-md border border-gray-400 px-3 py-2" />
          </p>
          <button type="submit" className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800">
            {t("search")}
          </button>
        </form>
        {mails.length === 0 ? (
          <EmptyPageNotice>{recipient ? t("emptyRecipient", { recipient }) : t("empty")}</EmptyPageNotice>
        ) : (
          <ul className="space-y-4">
            {mails.map((mail) => (
              <li key={mail.id} className="rounded-lg border border-brand-100 p-4">
                <p className="text-sm">
                  <time dateTime={mail.createdAt.toISOString()}>{formatMoment(mail.createdAt)}</time>
                  {mail.to ? ` · ${t("to")} ${mail.to}` : ""} · {t(`statuses.${mail.status}`)}
                  {mail.attempts ? ` · ${t("attempts", { count: mail.attempts })}` : ""}
                </p>
                <h2 className="font-semibold">{mail.subject || t("noSubject")}</h2>
                {mail.error ? <p className="text-sm text-red-800">{t("error", { error: mail.error })}</p> : null}
                {mail.text ? (
                  <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm">
                    <LinkedText text={mail.text} />
                  </pre>
                ) : null}
                {mail.status === "FAILED" ? (
                  <ActionForm action={resendMailAction} submit={t("resend")} className="mt-2 space-y-2">
                    <input type="hidden" name="mailId" value={mail.id} />
                  </ActionForm>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <nav className="flex justify-between">
          {page > 1 ? <Link href={link(page - 1)}>{t("previous")}</Link> : <span />}
          {page < pageCount ? <Link href={link(page + 1)}>{t("next")}</Link> : <span />}
        </nav>
        <SmsSection
          actor={actor}
          page={smsPage}
          params={{ etat: onlyFailed ? "echec" : undefined, destinataire: recipient || undefined, page }}
          resend={resendTextAction}
          saveSettings={smsSettingsAction}
        />
        {stuckJobs.length > 0 && (
          <section aria-labelledby="taches-bloquees" className="space-y-4">
            <h2 id="taches-bloquees" className="text-2xl font-semibold">
              {t("stuckJobs.title")}
            </h2>
            <p>{t("stuckJobs.lead")}</p>
            <ul className="space-y-4">
              {stuckJobs.map((job) => (
                <li key={job.id} className="rounded-lg border border-brand-100 p-4">
                  <h3 className="font-semibold">{taskLabel(job.task)}</h3>
                  <p className="text-sm">
                    <time dateTime={job.lockedAt.toISOString()}>{t("stuckJobs.lockedAt", { when: formatMoment(job.lockedAt) })}</time>
                  </p>
                  <p className="text-sm text-red-800">{job.holderAlive ? t("stuckJobs.alive") : t("stuckJobs.gone")}</p>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="taches-en-echec" className="space-y-4">
          <h2 id="taches-en-echec" className="text-2xl font-semibold">
            {t("failedJobs.title")}
          </h2>
          <p>{t("failedJobs.lead")}</p>
          {failedJobs.jobs.length === 0 ? (
            <EmptyPageNotice>{t("failedJobs.empty")}</EmptyPageNotice>
          ) : (
            <>
              <p className="font-semibold text-red-800">{t("failedJobs.count", { count: failedJobs.total })}</p>
              <ul className="space-y-4">
                {failedJobs.jobs.map((job) => (
                  <li key={job.id} className="rounded-lg border border-brand-100 p-4">
                    <h3 className="font-semibold">{taskLabel(job.task)}</h3>
                    <p className="text-sm">
                      <time dateTime={job.failedAt.toISOString()}>{t("failedJobs.failedAt", { when: formatMoment(job.failedAt) })}</time> ·{" "}
                      {t("failedJobs.attempts", { count: job.attempts })}
                    </p>
                    <p className="text-sm text-red-800">{job.error ? t("failedJobs.error", { error: job.error }) : t("failedJobs.noError")}</p>
                    <ActionForm action={retryJobAction} submit={t("failedJobs.retry")} className="mt-2 space-y-2">
                      <input type="hidden" name="jobId" value={job.id} />
                    </ActionForm>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
    </ClientMessages>
  );
}
