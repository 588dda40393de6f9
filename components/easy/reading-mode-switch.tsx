// The button that switches a visitor between the easy-to-read offer and the classic catalogue (a form:
// works without JavaScript, and is never triggered by a link's prefetch).
import type { ReadingMode } from "@/lib/catalog/reading-mode";

export function ReadingModeSwitch({ to, label }: { to: ReadingMode; label: string }) {
  return (
    <form method="post" action="/offre/version" className="inline">
      <input type="hidden" name="mode" value={to} />
      <button type="submit" className="text-start font-semibold text-brand-800 underline underline-offset-4 hover:no-underline">
        {label}
      </button>
    </form>
  );
}
