"use client";

// Issue 31.1: the import in one form that keeps its file: choose the kind and the file, see the dry run
// (the columns as guessed, to correct, and each row's outcome), then "Importer". Both buttons send the
// whole form (sent by hand, so that it keeps its file) to their own action; the answer is announced (role="status") and takes the focus.
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import type { ImportState } from "@/lib/import/import";
import { IMPORT_KINDS } from "@/lib/import/kinds";
import { PreviewTable } from "./preview-table";
import type { ImportWords } from "./words";

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));
const BUTTON = "rounded-md px-4 py-3 font-semibold";

type ImportAction = (state: ImportState, data: FormData) => Promise<ImportState>;

/** The import's form; its two server actions come from the page (components never import app/). */
export function ImportForm({
  words,
  previewImportAction,
  applyImportAction,
}: {
  words: ImportWords;
  previewImportAction: ImportAction;
  applyImportAction: ImportAction;
}) {
  const [preview, previewAction, previewing] = useActionState<ImportState, FormData>(previewImportAction, { ok: false });
  const [applied, applyAction, applying] = useActionState<ImportState, FormData>(applyImportAction, { ok: false });
  const answer = useRef<HTMLDivElement>(null);
  const [last, setLast] = useState<"preview" | "apply">("preview");
  const latest = last === "apply" ? applied : preview;
  useEffect(() => answer.current?.focus(), [preview, applied]);
  const shown = preview.preview;

  // Sent by hand: React empties a form given to `action` once it returns, and the file must stay for "Importer".
  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget);
    const apply = Boolean(submitter?.dataset.apply);
    setLast(apply ? "apply" : "preview");
    startTransition(() => (apply ? applyAction(data) : previewAction(data)));
  }

  return (
    <section aria-labelledby="importer" className="space-y-6">
      <h2 id="importer" className="text-2xl font-semibold">
        {words.previewTitle}
      </h2>
      <form onSubmit={send} className="space-y-4">
        <p>
          <label htmlFor="import-kind" className="block font-semibold">
            {words.kind}
          </label>
          <select id="import-kind" name="kind" defaultValue="structures" className="mt-1 rounded-md border px-3 py-2">
            {IMPORT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {words.kinds[kind]}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label htmlFor="import-file" className="block font-semibold">
            {words.file}
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            required
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="mt-1"
          />
        </p>
        <p>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="invite" value="oui" /> {words.invite}
          </label>
        </p>
        {shown && (
          <fieldset className="space-y-2">
            <legend className="text-xl font-semibold">{words.mappingTitle}</legend>
            <p>{words.mappingLead}</p>
            {shown.missing.length > 0 && <p className="font-semibold text-red-800">{fill(words.missing, { fields: shown.missing.join(", ") })}</p>}
            <div className="grid gap-2 sm:grid-cols-2">
              {shown.fields.map((field) => (
                <p key={`${shown.kind}-${field.key}-${shown.headers.join("|")}`}>
                  <label htmlFor={`map-${field.key}`} className="block">
                    {field.label}
                  </label>
                  <select
                    id={`map-${field.key}`}
                    name={`mapping.${field.key}`}
                    defaultValue={shown.mapping[field.key] ?? ""}
                    className="mt-1 w-full rounded-md border px-3 py-2"
                  >
                    <option value="">{words.noColumn}</option>
                    {shown.headers.map((header, index) => (
                      <option key={index} value={index}>
                        {header || `#${index + 1}`}
                      </option>
                    ))}
                  </select>
                </p>
              ))}
            </div>
          </fieldset>
        )}
        <p className="flex flex-wrap gap-3">
          <button type="submit" disabled={previewing || applying} className={`${BUTTON} border border-brand-700 text-brand-800`}>
            {words.preview}
          </button>
          {shown && (
            <button type="submit" data-apply="oui" disabled={previewing || applying} className={`${BUTTON} bg-brand-700 text-white hover:bg-brand-800`}>
              {words.apply}
            </button>
          )}
        </p>
      </form>
      <div ref={answer} tabIndex={-1} role="status" className="space-y-4">
        {latest.message && <p className={latest.ok ? "font-semibold text-green-800" : "font-semibold text-red-800"}>{latest.message}</p>}
        {shown && last === "preview" && (
          <>
            <p>{shown.summary}</p>
            <PreviewTable rows={shown.rows} words={words} />
          </>
        )}
      </div>
    </section>
  );
}
