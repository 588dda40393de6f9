// Issue 31.1: the dry run, row by row: its line in the file, who or what it is, what will happen to it
// and why (a refusal's reasons, an update's changes). The refused rows come first: they are what the
// association has to correct.
import type { RowPlan } from "@/lib/import/plan";
import type { ImportWords } from "./words";

const ORDER = { refuse: 0, create: 1, update: 2, unchanged: 3 } as const;
const SHOWN = 1_000;

export function PreviewTable({ rows, words }: { rows: RowPlan[]; words: ImportWords }) {
  const sorted = [...rows].sort((a, b) => ORDER[a.action] - ORDER[b.action] || a.line - b.line).slice(0, SHOWN);
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left">
        <thead>
          <tr>
            <th scope="col" className="px-2 py-1">
              {words.line}
            </th>
            <th scope="col" className="px-2 py-1">
              {words.name}
            </th>
            <th scope="col" className="px-2 py-1">
              {words.outcome}
            </th>
            <th scope="col" className="px-2 py-1">
              {words.details}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.line} className="border-t">
              <td className="px-2 py-1">{row.line}</td>
              <td className="px-2 py-1">{row.label}</td>
              <td className={`px-2 py-1 font-semibold ${row.action === "refuse" ? "text-red-800" : ""}`}>{words.actions[row.action]}</td>
              <td className="px-2 py-1">
                {[...row.reasons, ...row.changes].length > 0 && (
                  <ul className="list-disc pl-5">
                    {[...row.reasons, ...row.changes].map((text, index) => (
                      <li key={index}>{text}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
