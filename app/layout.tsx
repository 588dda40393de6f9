import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { pickMessages, ROOT_NAMESPACES } from "@/lib/i18n/client-messages";
import { languageOf } from "@/lib/i18n/languages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: { default: t("title"), template: `%s — ${t("title")}` }, description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The person's pages may be in another language, Arabic and Dari right to left (issue 34.2).
  const language = languageOf(await getLocale());
  const messages = await getMessages();
  return (
    <html lang={language.code} dir={language.dir}>
      <body className="flex min-h-screen flex-col bg-white text-ink antialiased">
        <NextIntlClientProvider messages={pickMessages(messages, ROOT_NAMESPACES)}>
          <SiteHeader />
          <main id="contenu" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
