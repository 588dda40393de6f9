import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { MembershipAnswer } from "@/components/association/memberships/membership-answer";
import { FirstStepsPanel } from "@/components/partner/first-steps-panel";
import { NotificationsPanel } from "@/components/partner/notifications-panel";
import { markNotificationsReadAction } from "@/app/partenaire/notification-actions";
import { WishesPanel } from "@/components/partner/wishes-panel";
import { RenewCodeForm } from "@/components/partner/renew-code-form";
import { getMembershipState } from "@/lib/association/memberships";
import { requireUser } from "@/lib/auth/current";
import { getVisitorCode } from "@/lib/auth/visitor";
import { formatVisitorCode } from "@/lib/codes";
import { formatDay } from "@/lib/format/dates";
import { firstSteps } from "@/lib/partner/first-steps";
import { seasonLabel } from "@/lib/time";
import { markSmsAnswerReadAction, renewVisitorCodeAction, setWishAsideAction } from "./actions";
import { SmsAnswersSection } from "@/components/partner/home/sms-answers-section";
import { answerMembershipAction } from "./adhesion-actions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pageTitles"))("partnerHome") };
}

export default async function PartnerHome() {
  const actor = await requireUser("/partenaire", "PARTNER");
  const [visitor, membership, steps] = await Promise.all([
    getVisitorCode(actor, actor.partnerId),
    getMembershipState(actor, actor.partnerId),
    firstSteps(actor, actor.partnerId),
  ]);
  const t = await getTranslations("homes");
  const m = await getTranslations("membershipHome");
  const v = await getTranslations("visitor");
  const nav = await getTranslations("nav");
  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES, "membershipHome", "visitor", "sms.answers"]}>
      <div className="space-y-8">
        <h1 className="text-3xl font-bold text-brand-800">{t("partner")}</h1>
        {/* A new referent's guidance (issue 29.7), until its three steps are done. */}
        {steps.done ? null : <FirstStepsPanel steps={steps} />}
        <ul className="flex flex-wrap gap-3">
          {(
            [
              ["/offre", "offer"],
              ["/partenaire/reservations", "bookings"],
              ["/partenaire/personnes", "people"],
              ["/partenaire/statistiques", "statistics"],
            ] as const
          ).map(([href, label]) => (
            <li key={href}>
              <Link href={href} className="block rounded-md bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800">
                {nav(label)}
              </Link>
            </li>
          ))}
        </ul>
        <SmsAnswersSection actor={actor} partnerId={actor.partnerId} markRead={markSmsAnswerReadAction} />
        <WishesPanel actor={actor} partnerId={actor.partnerId} setAside={setWishAsideAction} />
        <NotificationsPanel actor={actor} partnerId={actor.partnerId} markRead={markNotificationsReadAction} />
        <section aria-labelledby="code" className="space-y-3 rounded-lg bg-brand-50 p-4">
          <h2 id="code" className="text-xl font-semibold">
            {v("codeTitle")}
          </h2>
          <p>{v("codeLead")}</p>
          {visitor.code ? (
            <p className="font-mono text-3xl font-bold tracking-widest wrap-anywhere">{formatVisitorCode(visitor.code)}</p>
          ) : (
            <p>{v("codeNone")}</p>
          )}
          <p className="flex flex-wrap gap-3">
            {visitor.code ? (
              <Link href="/partenaire/code-visiteur" className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800">
                {v("print")}
              </Link>
            ) : null}
          </p>
          <RenewCodeForm partnerId={actor.partnerId} renew={renewVisitorCodeAction} hasCode={Boolean(visitor.code)} />
        </section>
        <section aria-labelledby="adhesion" className="space-y-3 rounded-lg border border-brand-100 p-4">
          <h2 id="adhesion" className="text-xl font-semibold">
            {m("heading", { season: seasonLabel(membership.season) })}
          </h2>
          <p className="font-semibold">{m(`state.${membership.status ?? "NONE"}`)}</p>
          {membership.status === "MEMBER" && membership.joinedOn ? <p>{m("memberSince", { date: formatDay(membership.joinedOn) })}</p> : null}
          {membership.status !== "MEMBER" ? (
            <>
              <p>{m("lead")}</p>
              <MembershipAnswer partnerId={actor.partnerId} answer={answerMembershipAction} />
            </>
          ) : null}
          <p className="rounded-md bg-brand-50 p-3">{m("never")}</p>
        </section>
      </div>
    </ClientMessages>
  );
}
