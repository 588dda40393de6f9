"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("auth");
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/" })} className="rounded px-1 py-2 text-ink underline underline-offset-4">
      {t("signOut")}
    </button>
  );
}
