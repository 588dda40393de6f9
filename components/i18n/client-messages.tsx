// A page whose client components read the catalog wraps itself in this provider with the namespaces they
// read (and those every page has): the browser then gets those words only. A provider replaces the
// layout's one for what it wraps, so ROOT_NAMESPACES are added here. tests/unit/client-messages.test.ts
// follows each page's imports and checks its list.
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages, ROOT_NAMESPACES } from "@/lib/i18n/client-messages";

export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, [...ROOT_NAMESPACES, ...namespaces])}>{children}</NextIntlClientProvider>;
}
