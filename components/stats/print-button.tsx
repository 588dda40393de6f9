"use client";

// Prints the page as it is: the browser's own dialogue (the page's print styles keep the figures only).
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50 print:hidden">
      {label}
    </button>
  );
}
