// The association's mail when the month's text messages are spent (lib/sms/deliver.ts): the outbox shows
// those waiting.
import "server-only";
import { createTranslator } from "use-intl/core";
import { sharedCaches } from "@/lib/i18n/shared-caches";
import messages from "@/messages/fr";
import { appUrl } from "@/lib/http/app-url";
import { frame, type MailBody } from "./frame";

const smsWords = createTranslator({ locale: "fr", messages, namespace: "sms", ...sharedCaches("fr") });

export function smsBudgetMail(budget: string, recipientName: string | null): MailBody {
  const outbox = appUrl("/admin/courriels");
  return {
    ...frame(recipientName, {
      subject: smsWords("budgetMail.subject"),
      paragraphs: [smsWords("budgetMail.body", { budget: Number(budget) })],
      action: { label: smsWords("outbox.title"), url: outbox },
    }),
    url: outbox,
  };
}
