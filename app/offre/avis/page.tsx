// "Donner mon avis" (issue 16): after an outing, the person supported says how it was, with the code
// printed on their invitation, three faces and words if they want; no name is asked. Easy to read
// (decision 012). Only through a structure's visitor access: the referents pass on theirs with the
// attendance, the venue reads both.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { FaceChoice } from "@/components/easy/face-choice";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import { ClientMessages } from "@/components/i18n/client-messages";
import { currentActor } from "@/lib/auth/current";
import { canGiveOwnFeedback } from "@/lib/auth/permissions";
import { FORM_NAMESPACES } from "@/lib/i18n/client-messages";
import { feedbackAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("easy.feedback"))("title") };
}

export default async function FeedbackPage() {
  const actor = await currentActor();
  if (actor.kind === "anonymous") redirect("/connexion?suite=/offre/avis");
  if (!canGiveOwnFeedback(actor)) redirect("/offre");
  const t = await getTranslations("easy");
  return (
    <ClientMessages namespaces={[...FORM_NAMESPACES]}>
      <div className="mx-auto max-w-3xl space-y-6 text-xl leading-relaxed">
        <p>
          <Link href="/offre" className="font-semibold text-brand-800 underline">
            {t("back")}
          </Link>
        </p>
        <h1 className="text-3xl font-bold text-brand-800">{t("feedback.title")}</h1>
        {(t.raw("feedback.lead") as string[]).map((line) => (
          <p key={line}>{line}</p>
        ))}
        <ActionForm action={feedbackAction} submit={t("feedback.send")} resetOnSuccess className="space-y-6">
          <TextField name="feedbackCode" label={t("feedback.code")} hint={t("feedback.codeHint")} required />
          <FaceChoice name="mood" legend={t("feedback.how")} labels={t.raw("feedback.moods") as Record<string, string>} />
          <TextField name="comment" label={t("feedback.comment")} multiline />
        </ActionForm>
      </div>
    </ClientMessages>
  );
}
