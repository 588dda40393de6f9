// Labelled fields for server-rendered forms: a label for every input, and sizes fit for a phone. Ids
// come from useId, so two forms of one page may share a field name.
import { useId } from "react";

const input = "w-full rounded-md border border-gray-500 px-3 py-2";

export function TextField({ name, label, defaultValue, type = "text", required = false, multiline = false }: { name: string; label: string; defaultValue?: string | number | null; type?: string; required?: boolean; multiline?: boolean }) {
  const id = `${useId()}-${name}`;
  return (
    <p>
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      {multiline ? (
        <textarea id={id} name={name} defaultValue={defaultValue ?? ""} required={required} rows={4} className={input} />
      ) : (
        <input id={id} name={name} type={type} defaultValue={defaultValue ?? ""} required={required} className={input} />
      )}
    </p>
  );
}

export function SelectField({ name, label, options, defaultValue }: { name: string; label: string; options: [string, string][]; defaultValue?: string }) {
  const id = `${useId()}-${name}`;
  return (
    <p>
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} className={input}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </p>
  );
}

export function CheckboxGroup({ name, legend, options, checked = [] }: { name: string; legend: string; options: [string, string][]; checked?: string[] }) {
  return (
    <fieldset>
      <legend className="mb-1 font-semibold">{legend}</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {options.map(([value, text]) => (
          <label key={value} className="flex items-center gap-2">
            <input type="checkbox" name={name} value={value} defaultChecked={checked.includes(value)} className="h-5 w-5" />
            {text}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
