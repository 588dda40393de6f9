// Issue 31.1: bringing existing data in, for the association alone. previewImport is the dry run: the file
// read, the columns mapped (guessed, or as corrected), each row said created, updated, unchanged or
// refused and why. applyImport does the same reading again inside one transaction and writes the accepted
// rows, audited as one import with its counts; when nothing would change it writes nothing at all, so a
// second run of the same file leaves the database as it was (docs/decisions/019-import-export.md).
import "server-only";
import type { ActionState } from "@/lib/actions/state";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { ensure, isAdmin } from "@/lib/auth/permissions";
import { parse } from "@/lib/validation";
import { getPrisma } from "@/lib/db/client";
import type { Tx } from "@/lib/db/sql";
import { applyPeople, applyStructures, applyVenues } from "./apply";
import { checkPerson } from "./check-people";
import { checkStructure, newMemory, type StructureWork } from "./check-structures";
import { checkVenue, type VenueWork } from "./check-venues";
import type { PersonWork } from "./check-people";
import { loadExisting } from "./existing";
import { FIELDS, IMPORT_KINDS, type FieldDefinition, type ImportKind, type Mapping } from "./kinds";
import { mappingOf, rowValues } from "./mapping";
import { countsOf, type Counts, type RowPlan } from "./plan";
import { readTable } from "./read";

export const importSchema = z.object({
  kind: z.enum(IMPORT_KINDS, "validation.invalid"),
  file: z.instanceof(Uint8Array, { message: "validation.required" }),
  fileName: z.string().max(200).optional(),
  /** Field → column number as text, "" for none: the mapping step's choices. */
  mapping: z.record(z.string(), z.string()).optional(),
  invite: z.boolean().default(false),
});

/** What the import page's two actions answer: the usual answer, and the preview of the file. */
export interface ImportState extends ActionState {
  preview?: ImportPreview;
}

export interface ImportPreview {
  kind: ImportKind;
  headers: string[];
  fields: readonly FieldDefinition[];
  mapping: Mapping;
  /** Required fields without a column: every row will be refused until one is chosen. */
  missing: string[];
  rows: RowPlan[];
  counts: Counts;
  /** The counts in words (ICU plurals), written on the server by the page's action. */
  summary?: string;
}

export interface ImportResult {
  counts: Counts;
  invited: number;
  /** The audit entry's id, or null when nothing changed. */
  importId: string | null;
}

type Work = StructureWork | VenueWork | PersonWork;

const ensureAdmin = (actor: Actor) => ensure(isAdmin(actor), "Réservé à l'équipe de l'association.");

async function plan(tx: Tx, data: z.output<typeof importSchema>) {
  const table = await readTable(data.file);
  const mapping = mappingOf(data.kind, table.headers, data.mapping);
  const existing = await loadExisting(tx);
  const memory = newMemory();
  const check = { structures: checkStructure, lieux: checkVenue, personnes: checkPerson }[data.kind];
  const works: Work[] = table.rows.map((row, index) => check(index + 2, rowValues(data.kind, mapping, row), existing, memory));
  const missing = FIELDS[data.kind].filter((field) => field.required && mapping[field.key] === null).map((field) => field.label);
  return { table, mapping, missing, works };
}

export async function previewImport(actor: Actor, input: unknown): Promise<ImportPreview> {
  ensureAdmin(actor);
  const data = parse(importSchema, input);
  const { table, mapping, missing, works } = await plan(getPrisma() as unknown as Tx, data);
  const rows = works.map((work) => work.plan);
  return { kind: data.kind, headers: table.headers, fields: FIELDS[data.kind], mapping, missing, rows, counts: countsOf(rows) };
}

export async function applyImport(actor: Actor, input: unknown, now = new Date()): Promise<ImportResult> {
  ensureAdmin(actor);
  const data = parse(importSchema, input);
  return getPrisma().$transaction(
    async (tx) => {
      // One import at a time: two at once would both create what neither saw.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(31001)`;
      const { works } = await plan(tx, data);
      const counts = countsOf(works.map((work) => work.plan));
      if (counts.create + counts.update === 0) return { counts, invited: 0, importId: null };
      const invited =
        data.kind === "structures"
          ? await applyStructures(tx, actor, works as StructureWork[], data.invite, now)
          : data.kind === "lieux"
            ? await applyVenues(tx, actor, works as VenueWork[], data.invite, now)
            : await applyPeople(tx, actor, works as PersonWork[], data.invite, now);
      const importId = randomUUID();
      await audit(
        tx,
        actor,
        { action: "import.applied", entityType: "Import", entityId: importId, after: { kind: data.kind, file: data.fileName ?? null, ...counts, invited } },
        now,
      );
      return { counts, invited, importId };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
