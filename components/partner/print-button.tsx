"use client";

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800 print:hidden">
      {label}
    </button>
  );
}
