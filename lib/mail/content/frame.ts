// What every mail shares: the catalog's words (messages/fr, "mail"), the greeting, the signature and the
// footer (with a link to the account's choices, or, for an address with no account, why it came).
import "server-only";
import { createTranslator } from "use-intl/core";
import { sharedCaches } from "@/lib/i18n/shared-caches";
import { appUrl } from "@/lib/http/app-url";
import messages from "@/messages/fr";
import type { MailContent } from "@/lib/mail/template";

/** A mail's words and the page it is about (the digest links to it). */
export type MailBody = MailContent & { url: string };

export const t = createTranslator({ locale: "fr", messages, namespace: "mail", ...sharedCaches("fr") });

/** `why`: for a mail to an address with no account, why it came (and no link to an account's choices). */
export function frame(name: string | null, body: Pick<MailContent, "subject" | "paragraphs" | "action" | "notes" | "items">, why?: string): MailContent {
  return {
    ...body,
    greeting: name ? t("hello", { name }) : t("helloPlain"),
    signature: t("signature"),
    footer: why ? { about: t("footer"), why } : { about: t("footer"), why: t("footerWhy"), choice: { label: t("footerChoice"), url: appUrl("/mon-compte") } },
  };
}
