"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/forms/action-form";
import { ChoicePicker } from "@/components/forms/choice-picker";
import { TextField } from "@/components/forms/fields";
import { useField } from "@/components/forms/form-context";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialActionState, type ActionState } from "@/lib/actions/state";
import type { Choice, ChoiceKind } from "@/lib/association/choices";

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

export function InviteForm({
  invite,
  searchChoices,
}: {
  invite: Action;
  /** For admins, who invite into any structure or venue (found by typing its name); a referent or a
   * manager invites into their own, and the form asks nothing. */
  searchChoices: ((kind: ChoiceKind, typed: string) => Promise<Choice[]>) | null;
}) {
  const t = useTranslations("accounts");
  const [role, setRole] = useState<"ADMIN" | "PARTNER" | "VENUE">("PARTNER");
  return (
    <ActionForm action={invite} submit={t("invite")} resetOnSuccess schema="invite">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="name" label={t("name")} required />
        <TextField name="email" label={t("email")} type="email" required />
        {searchChoices ? (
          <>
            {/* The role decides which list follows: a controlled choice, kept when the server refuses. */}
            <RoleSelect
              label={t("role")}
              role={role}
              setRole={setRole}
              options={(["PARTNER", "VENUE", "ADMIN"] as const).map((value) => [value, t(`roles.${value}`)])}
            />
            {role !== "ADMIN" ? (
              <div className="sm:col-span-2">
                <ChoicePicker
                  key={role}
                  name={role === "PARTNER" ? "partnerId" : "venueId"}
                  label={role === "PARTNER" ? t("structure") : t("venue")}
                  kind={role}
                  search={searchChoices}
                />
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </ActionForm>
  );
}

function RoleSelect({
  label,
  role,
  setRole,
  options,
}: {
  label: string;
  role: string;
  setRole: (role: "ADMIN" | "PARTNER" | "VENUE") => void;
  options: [string, string][];
}) {
  const { id, errorId, errors, invalid } = useField("role");
  return (
    <p>
      <label htmlFor={id} className="mb-1 block font-semibold">
        {label}
      </label>
      <select
        id={id}
        name="role"
        value={role}
        onChange={(e) => setRole(e.target.value as "ADMIN" | "PARTNER" | "VENUE")}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        className="w-full rounded-md border border-gray-500 px-3 py-2"
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      {invalid ? (
        <span id={errorId} className="mt-1 block font-semibold text-red-800">
          {errors.join(" ")}
        </span>
      ) : null}
    </p>
  );
}

/**
 * One button on an account's row of the list, sending its id (and `fields`): what the server answers shows
 * beside it (a refusal always; a success when `sayDone`), and `confirm` is asked first if given. The question
 * is worded when the button is pressed, not for each of a page's rows at each view (issue 35.2).
 */
function AccountButton({
  action,
  userId,
  fields = {},
  label,
  danger = false,
  confirm,
  sayDone = false,
  className,
}: {
  action: Action;
  userId: string;
  fields?: Record<string, string>;
  label: string;
  danger?: boolean;
  confirm?: () => string;
  sayDone?: boolean;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form
      action={formAction}
      className={className}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm())) event.preventDefault();
      }}
    >
      <input type="hidden" name="userId" value={userId} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pending={pending} danger={danger} className="px-3 py-1">
        {label}
      </SubmitButton>
      {state.message && (!state.ok || sayDone) ? (
        <span role={state.ok ? "status" : "alert"} className={`ml-2 font-semibold ${state.ok ? "text-green-800" : "text-red-800"}`}>
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

export function ActiveToggle({ userId, name, active, setActive }: { userId: string; name: string; active: boolean; setActive: Action }) {
  const t = useTranslations("accounts");
  // Deactivating ends the person's sessions: ask first.
  return (
    <AccountButton
      action={setActive}
      userId={userId}
      fields={{ active: active ? "false" : "true" }}
      label={active ? t("deactivate") : t("reactivate")}
      danger={active}
      confirm={active ? () => t("deactivateConfirm", { name }) : undefined}
    />
  );
}

/** For an account whose person has not chosen a password yet: the invitation again, with a new link. */
export function ResendInvitation({ userId, resend }: { userId: string; resend: Action }) {
  const t = useTranslations("accounts");
  return <AccountButton action={resend} userId={userId} label={t("resend")} sayDone className="mt-1" />;
}
