// On a new structure's home (issue 29.7): its first steps, each ticked once done, with a link to do it;
// lib/partner/first-steps.ts says which are done, and the home stops showing the panel when all are.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import type { FirstSteps } from "@/lib/partner/first-steps";

const STEPS = [
  ["people", "/partenaire/personnes"],
  ["visitorCode", "#code"],
  ["booking", "/offre"],
] as const;

export async function FirstStepsPanel({ steps }: { steps: FirstSteps }) {
  const t = await getTranslations("homes.firstSteps");
  return (
    <section aria-labelledby="premiers-pas" className="space-y-3 rounded-lg border-2 border-brand-700 p-4">
      <h2 id="premiers-pas" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p>{t("lead")}</p>
      <ol className="space-y-2">
        {STEPS.map(([step, href]) => (
          <li key={step} className="flex flex-wrap items-baseline gap-2">
            <span aria-hidden="true" className={steps[step] ? "font-bold text-green-900" : "font-bold"}>
              {steps[step] ? "✓" : "○"}
            </span>
            <span className="sr-only">{steps[step] ? t("done") : t("toDo")}</span>{" "}
            {steps[step] ? (
              <span>{t(`steps.${step}`)}</span>
            ) : (
              <Link href={href} className="font-semibold text-brand-800 underline">
                {t(`steps.${step}`)}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
