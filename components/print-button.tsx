"use client";

// Prints the page as it is: the browser's own dialogue (each page's print styles keep what matters on paper).
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50 print:hidden"
    >
      {label}
    </button>
  );
}
