"use client";
// On a phone the catalog's filters fold behind one button ("Filtrer (3)"), so the results come first; on a
// wider screen the button is not shown and the filters always are.
import { useId, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";

export function CatalogFiltersToggle({ activeCount, children }: { activeCount: number; children: ReactNode }) {
  const t = useTranslations("offer");
  const [open, setOpen] = useState(false);
  const panel = useId();
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center justify-between rounded-md border border-brand-700 bg-white px-4 py-3 font-semibold text-brand-800 md:hidden"
      >
        <span>
          {t("filterToggle")} {activeCount > 0 ? <span aria-hidden="true">({activeCount})</span> : null}
          <span className="sr-only">({t("activeFilters", { count: activeCount })})</span>
        </span>
        <span aria-hidden="true">{open ? "▲" : "▼"}</span>
      </button>
      <div id={panel} className={open ? "space-y-4 max-md:mt-4" : "space-y-4 max-md:hidden"}>
        {children}
      </div>
    </>
  );
}
