// The daily digest: the mails a person chose to receive later, as a list of links (lib/mail/deliver.ts).
import "server-only";
import { appUrl } from "@/lib/http/app-url";
import { frame, t, type MailBody } from "./frame";

/** The daily digest of the mails that could wait; the association's (partnership requests, conventions ending) leads to its own space. */
export function digestMail(props: Record<string, unknown>, recipientName: string | null): MailBody {
  const items = (props.items as { label: string; url: string }[] | undefined) ?? [];
  const home = appUrl(props.forAdmin ? "/admin" : "/partenaire/reservations");
  return {
    ...frame(recipientName, {
      subject: t("DIGEST.subject", { count: items.length }),
      paragraphs: [t("DIGEST.lead")],
      items,
      action: { label: t(props.forAdmin ? "DIGEST.actionAdmin" : "DIGEST.action"), url: home },
    }),
    url: home,
  };
}
