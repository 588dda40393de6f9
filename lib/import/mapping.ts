// Issue 31.1: the column mapping step. Each field is given the column whose header names it (its label or
// one of its usual names, compared without accents, case or punctuation); the association corrects what
// was guessed wrong, and the corrected mapping comes back with the file.
import { FIELDS, type ImportKind, type Mapping } from "./kinds";
import { normalise } from "./words";

export function guessMapping(kind: ImportKind, headers: readonly string[]): Mapping {
  const normalised = headers.map(normalise);
  const taken = new Set<number>();
  const mapping: Mapping = {};
  for (const field of FIELDS[kind]) {
    const names = [field.label, field.key, ...field.aliases].map(normalise);
    const column = normalised.findIndex((header, index) => !taken.has(index) && names.includes(header));
    mapping[field.key] = column === -1 ? null : column;
    if (column !== -1) taken.add(column);
  }
  return mapping;
}

/** The mapping the association sent (field → column number, "" for none), over the guess; columns outside the file are dropped. */
export function mappingOf(kind: ImportKind, headers: readonly string[], sent: Record<string, string> | undefined): Mapping {
  const mapping = guessMapping(kind, headers);
  if (!sent) return mapping;
  for (const field of FIELDS[kind]) {
    const value = sent[field.key];
    if (value === undefined) continue;
    const column = Number(value);
    mapping[field.key] = value !== "" && Number.isInteger(column) && column >= 0 && column < headers.length ? column : null;
  }
  return mapping;
}

/** One row as field → text ("" when the field has no column or the cell is empty). */
export function rowValues(kind: ImportKind, mapping: Mapping, row: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    FIELDS[kind].map((field) => [field.key, (mapping[field.key] === null || mapping[field.key] === undefined ? "" : (row[mapping[field.key]!] ?? "")).trim()]),
  );
}
