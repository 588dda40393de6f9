"use client";

// Labelled fields: a label for every input, sizes fit for a phone, and, inside an ActionForm, the
// server's error for the field shown under it, tied to it (aria-invalid, aria-describedby) and linked
// from the form's error summary. Ids come from the form, so two forms of one page may share a name.
import { useField } from "./form-context";

const input = "w-full rounded-md border px-3 py-2";
const border = (invalid: boolean) => (invalid ? "border-red-800 border-2" : "border-gray-500");

function FieldError({ id, errors }: { id: string; errors: string[] }) {
  if (!errors.length) return null;
  return (
    <span id={id} className="mt-1 block font-semibold text-red-800">
      {errors.join(" ")}
    </span>
  );
}

export function TextField({
  name,
  label,
  defaultValue,
  type = "text",
  required = false,
  multiline = false,
  hint,
}: {
  name: string;
  label: string;
  defaultValue?: string | number | null;
  type?: string;
  required?: boolean;
  multiline?: boolean;
  /** A short help under the label (a format, an example). */
  hint?: string;
}) {
  const { id, errorId, errors, invalid } = useField(name);
  const hintId = `${id}-aide`;
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(" ") || undefined;
  const common = { id, name, required, "aria-invalid": invalid || undefined, "aria-describedby": describedBy, className: `${input} ${border(invalid)}` };
  return (
    <p>
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      {hint ? (
        <span id={hintId} className="mb-1 block text-sm">
          {hint}
        </span>
      ) : null}
      {multiline ? <textarea {...common} defaultValue={defaultValue ?? ""} rows={4} /> : <input {...common} type={type} defaultValue={defaultValue ?? ""} />}
      <FieldError id={errorId} errors={errors} />
    </p>
  );
}

export function SelectField({
  name,
  label,
  options,
  defaultValue,
  required = false,
}: {
  name: string;
  label: string;
  options: [string, string][];
  defaultValue?: string;
  required?: boolean;
}) {
  const { id, errorId, errors, invalid } = useField(name);
  return (
    <p>
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        className={`${input} ${border(invalid)}`}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <FieldError id={errorId} errors={errors} />
    </p>
  );
}

export function CheckboxGroup({ name, legend, options, checked = [] }: { name: string; legend: string; options: [string, string][]; checked?: string[] }) {
  const { id, errorId, errors, invalid } = useField(name);
  return (
    <fieldset aria-describedby={invalid ? errorId : undefined}>
      <legend className="mb-1 font-semibold">{legend}</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {options.map(([value, text], index) => (
          <label key={value} className="flex items-center gap-2">
            {/* The first box carries the field's id: the error summary's link lands on it. */}
            <input
              id={index === 0 ? id : undefined}
              type="checkbox"
              name={name}
              value={value}
              defaultChecked={checked.includes(value)}
              aria-invalid={invalid || undefined}
              className="h-5 w-5"
            />
            {text}
          </label>
        ))}
      </div>
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}

/** The box of a form that cannot be undone (formAction's `confirm`: the server refuses the form without
 * it, and its refusal is said here, tied to the box). */
export function ConfirmBox({ label }: { label: string }) {
  const { id, errorId, errors, invalid } = useField("confirm");
  return (
    <p>
      <label htmlFor={id} className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          name="confirm"
          value="oui"
          required
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
          className="mt-1 h-5 w-5 shrink-0"
        />
        {label}
      </label>
      <FieldError id={errorId} errors={errors} />
    </p>
  );
}
