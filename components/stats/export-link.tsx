// A link that downloads a statistics table as CSV; screen readers hear which table (several such links
// share their visible words on a page).
export function ExportLink({ href, label, table, strong = true }: { href: string; label: string; table: string; strong?: boolean }) {
  return (
    <a href={href} className={`${strong ? "font-semibold " : ""}text-brand-800 underline`} download>
      {label}
      <span className="sr-only"> — {table}</span>
    </a>
  );
}
