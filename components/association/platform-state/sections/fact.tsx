// One fact of the platform's state (issue 31.3): its title, whether it is well ("Tout va bien" / "À
// regarder", in words and not by colour alone), what it says, and what to do when it needs looking at.
import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import type { Level } from "@/lib/association/platform-state";

export async function Fact({
  id,
  title,
  level,
  todo,
  link,
  children,
}: {
  id: string;
  title: string;
  level?: Level;
  todo?: string;
  link?: { href: string; label: string };
  children: ReactNode;
}) {
  const t = await getTranslations("platformState");
  return (
    <section aria-labelledby={id} className={`space-y-2 rounded-lg border p-4 ${level === "attention" ? "border-red-700 bg-red-50" : "border-brand-100"}`}>
      <h2 id={id} className="text-2xl font-semibold">
        {title}
        {level ? <span className={`ml-3 text-base font-semibold ${level === "attention" ? "text-red-800" : "text-green-800"}`}>{t(level)}</span> : null}
      </h2>
      {children}
      {todo ? (
        <p>
          <strong>{t("whatToDo")}</strong> {todo}
        </p>
      ) : null}
      {link ? (
        <p>
          <Link href={link.href} className="text-brand-800 underline">
            {link.label}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
