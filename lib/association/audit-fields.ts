// The fields of an audit entry's before and after, in the order the journal reads them, each with what
// became of it (changed, kept, added, gone). Pure, and shared by the journal's page, which words the values
// (components/association/journal/audit-details.tsx), and its CSV, which writes them raw (journalCsv).
const FIRST = ["status", "places", "reason", "code", "note", "capacity", "title", "name"];
const rank = (key: string) => (FIRST.includes(key) ? FIRST.indexOf(key) : FIRST.length);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export interface AuditField {
  key: string;
  old: unknown;
  now: unknown;
  inOld: boolean;
  inNow: boolean;
  /** In both, with another value. */
  changed: boolean;
}

/** The fields, what reads first leading (the others in their own order); null when neither side is an object. */
export function auditFields(before: unknown, after: unknown): AuditField[] | null {
  if (!isRecord(before) && !isRecord(after)) return null;
  const old = isRecord(before) ? before : {};
  const now = isRecord(after) ? after : {};
  return [...new Set([...Object.keys(now), ...Object.keys(old)])]
    .sort((a, b) => rank(a) - rank(b))
    .map((key) => {
      const inOld = key in old;
      const inNow = key in now;
      return { key, old: old[key], now: now[key], inOld, inNow, changed: inOld && inNow && JSON.stringify(old[key]) !== JSON.stringify(now[key]) };
    });
}

/** A long text cut at 120 characters, as the journal shows it. */
export const clipped = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);
