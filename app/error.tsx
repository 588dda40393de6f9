"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold text-brand-800">{t("errors.title")}</h1>
      <p>{t("errors.text")}</p>
      <button type="button" onClick={reset} className="rounded-md bg-brand-700 px-4 py-3 font-semibold text-white">
        {t("errors.retry")}
      </button>
    </div>
  );
}
