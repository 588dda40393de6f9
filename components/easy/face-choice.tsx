"use client";

// "C'était comment ?": three faces, each with its words, as large radio buttons (issue 16). A face helps
// to find, the words say (decision 012); the words come from the page, so no catalog reaches the browser.
// Inside an ActionForm, the server's error for the choice shows under it and is tied to it.
import type { ComponentType } from "react";
import { IconMoodHappy, IconMoodSad, IconMoodSmile, type IconProps } from "@tabler/icons-react";
import { useField } from "@/components/forms/form-context";

const FACES: [string, ComponentType<IconProps>][] = [
  ["LOVED", IconMoodHappy],
  ["LIKED", IconMoodSmile],
  ["NOT_FOR_ME", IconMoodSad],
];

export function FaceChoice({ name, legend, labels }: { name: string; legend: string; labels: Record<string, string> }) {
  const { id, errorId, errors, invalid } = useField(name);
  return (
    <fieldset aria-describedby={invalid ? errorId : undefined}>
      <legend className="mb-2 font-bold">{legend}</legend>
      <div className="grid gap-3 sm:grid-cols-3">
        {FACES.map(([value, Icon], index) => (
          <label
            key={value}
            className="flex cursor-pointer items-center gap-3 rounded-2xl border-2 border-brand-100 p-4 has-[:checked]:border-brand-800 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline has-[:focus-visible]:outline-4 has-[:focus-visible]:outline-brand-800"
          >
            {/* The first choice carries the field's id: the error summary's link lands on it. */}
            <input id={index === 0 ? id : undefined} type="radio" name={name} value={value} required className="h-6 w-6 shrink-0" />
            <Icon size={48} stroke={1.5} aria-hidden="true" className="shrink-0" />
            <span className="font-semibold">{labels[value]}</span>
          </label>
        ))}
      </div>
      {errors.length ? (
        <span id={errorId} className="mt-1 block font-semibold text-red-800">
          {errors.join(" ")}
        </span>
      ) : null}
    </fieldset>
  );
}
