"use client";

import { useActionState, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { initialActionState, type ActionState } from "@/lib/actions/state";

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;
const input = "w-full rounded-md border border-gray-500 px-3 py-2";

export function InviteForm({
  invite,
  structures,
}: {
  invite: Action;
  /** For admins: every structure; for a referent or manager the form invites into their own. */
  structures: { partners: { id: string; name: string }[]; venues: { id: string; name: string }[] } | null;
}) {
  const t = useTranslations("accounts");
  const id = useId();
  const [state, action, pending] = useActionState(invite, initialActionState);
  const [role, setRole] = useState<"ADMIN" | "PARTNER" | "VENUE">("PARTNER");
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  return (
    <form action={action} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        {(["name", "email"] as const).map((field) => (
          <p key={field}>
            <label htmlFor={`${id}-${field}`} className="mb-1 block font-semibold">
              {t(field)}
            </label>
            <input id={`${id}-${field}`} name={field} type={field === "email" ? "email" : "text"} required className={input} aria-invalid={Boolean(error(field))} />
            {error(field) ? <span className="font-semibold text-red-800">{error(field)}</span> : null}
          </p>
        ))}
        {structures ? (
          <>
            <p>
              <label htmlFor={`${id}-role`} className="mb-1 block font-semibold">
                {t("role")}
              </label>
              <select id={`${id}-role`} name="role" value={role} onChange={(e) => setRole(e.target.value as typeof role)} className={input}>
                {(["PARTNER", "VENUE", "ADMIN"] as const).map((value) => (
                  <option key={value} value={value}>
                    {t(`roles.${value}`)}
                  </option>
                ))}
              </select>
            </p>
            {role !== "ADMIN" ? (
              <p>
                <label htmlFor={`${id}-structure`} className="mb-1 block font-semibold">
                  {role === "PARTNER" ? t("structure") : t("venue")}
                </label>
                <select id={`${id}-structure`} name={role === "PARTNER" ? "partnerId" : "venueId"} required className={input}>
                  {(role === "PARTNER" ? structures.partners : structures.venues).map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </p>
            ) : null}
          </>
        ) : null}
      </div>
      <div aria-live="polite">{state.message ? <p className={state.ok ? "font-semibold text-green-900" : "font-semibold text-red-800"}>{state.message}</p> : null}</div>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {t("invite")}
      </button>
    </form>
  );
}

export function ActiveToggle({ userId, name, active, setActive }: { userId: string; name: string; active: boolean; setActive: Action }) {
  const t = useTranslations("accounts");
  const [state, action, pending] = useActionState(setActive, initialActionState);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        // Deactivating ends the person's sessions: ask first.
        if (active && !window.confirm(t("deactivateConfirm", { name }))) event.preventDefault();
      }}
    >
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <button type="submit" disabled={pending} className="rounded-md border border-brand-700 px-3 py-1 font-semibold text-brand-800">
        {active ? t("deactivate") : t("reactivate")}
      </button>
      {state.message && !state.ok ? (
        <span role="alert" className="ml-2 font-semibold text-red-800">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
