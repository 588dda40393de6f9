// The mails about an account: the invitation to choose a password, and a forgotten password's link.
import "server-only";
import { appUrl } from "@/lib/http/app-url";
import { frame, t, type MailBody } from "./frame";

/** An invitation or a reset link: the link is a secret, its place ({link}) is filled only when the mail leaves (seal.ts). */
export function accountMail(kind: "ACCOUNT_INVITATION" | "PASSWORD_RESET", props: Record<string, unknown>, recipientName: string | null): MailBody {
  const string = (key: string) => String(props[key] ?? "");
  const lead = kind === "ACCOUNT_INVITATION" ? t("ACCOUNT_INVITATION.lead", { inviter: string("inviter") }) : t("PASSWORD_RESET.lead");
  return {
    ...frame(string("name") || recipientName, {
      subject: t(`${kind}.subject`),
      paragraphs: [lead],
      action: { label: t(`${kind}.action`), url: "{link}" },
      notes: [t(`${kind}.note`)],
    }),
    url: appUrl("/connexion"),
  };
}
