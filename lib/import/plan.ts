// Issue 31.1: what the dry run says of each row (created, updated, unchanged, refused and why, in French)
// and what the import then writes for it. The same plan serves both: the import applies exactly what the
// preview showed, from the same file and mapping.
export type RowAction = "create" | "update" | "unchanged" | "refuse";

export interface RowPlan {
  /** The row's line in the file (the headers are line 1). */
  line: number;
  /** Who or what the row is: its name, or "(sans nom)". */
  label: string;
  action: RowAction;
  /** Why it is refused. */
  reasons: string[];
  /** What an update changes, in words. */
  changes: string[];
}

export interface Contact {
  name: string;
  email: string;
}

export interface Counts {
  create: number;
  update: number;
  unchanged: number;
  refuse: number;
}

export function countsOf(rows: readonly RowPlan[]): Counts {
  const counts: Counts = { create: 0, update: 0, unchanged: 0, refuse: 0 };
  for (const row of rows) counts[row.action] += 1;
  return counts;
}

/** A row refused for `reasons`, or planned as created / updated / unchanged by what changes. */
export function decide(line: number, label: string, reasons: string[], existing: boolean, changes: string[]): RowPlan {
  if (reasons.length) return { line, label, action: "refuse", reasons, changes: [] };
  return { line, label, action: !existing ? "create" : changes.length ? "update" : "unchanged", reasons: [], changes };
}

/** The names and addresses of a row's referents or managers, paired in order; refusals said in `reasons`. */
export function contactsOf(names: string[], emails: string[], isEmail: (value: string) => boolean, reasons: string[]): Contact[] {
  for (const name of names) if (name.length > 120) reasons.push(`Le nom « ${name.slice(0, 30)}… » : 120 caractères au plus.`);
  for (const email of emails) if (!isEmail(email)) reasons.push(`« ${email} » n'est pas une adresse e-mail.`);
  if (names.length !== emails.length) {
    reasons.push(`${names.length} nom(s) pour ${emails.length} adresse(s) e-mail : il en faut autant, dans le même ordre.`);
    return [];
  }
  return names.map((name, index) => ({ name, email: emails[index]!.toLowerCase() }));
}
