"use client";

// Sign-in for accounts, and the visitor code for the people a structure supports. Both go through
// next-auth's credential providers; an error comes back as a code, shown as one plain sentence that
// never says whether an address has an account.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";

const input = "w-full rounded-md border border-gray-500 px-3 py-2 text-lg";
const button = "rounded-md bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";

/** next-auth's client, fetched once the person starts typing, so that it is there when the form is sent. */
const nextAuthClient = () => import("next-auth/react");

function useSubmit(provider: "credentials" | "visitor", next: string) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const fields = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    // next-auth's client comes with the first key typed, not with the page (issue 35.2: 40 kB of JavaScript).
    const { signIn } = await nextAuthClient();
    const result = await signIn(provider, { ...fields, redirect: false });
    if (result?.ok && !result.error) {
      router.push(next);
      router.refresh();
      return;
    }
    setPending(false);
    setError(result?.error === "THROTTLED" ? "throttled" : "invalid");
  }
  return { submit, pending, error };
}

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("auth");
  const id = useId();
  const account = useSubmit("credentials", next);
  return (
    <form onSubmit={account.submit} onInput={() => void nextAuthClient()} className="space-y-4" noValidate>
      <p>
        <label htmlFor={`${id}-email`} className="mb-1 block font-semibold">
          {t("email")}
        </label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="username" required className={input} />
      </p>
      <p>
        <label htmlFor={`${id}-password`} className="mb-1 block font-semibold">
          {t("password")}
        </label>
        <input id={`${id}-password`} name="password" type="password" autoComplete="current-password" required className={input} />
      </p>
      <div aria-live="assertive">
        {account.error ? (
          <p role="alert" className="font-semibold text-red-800">
            {t(account.error)}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={account.pending} className={button}>
        {account.pending ? t("signingIn") : t("signIn")}
      </button>
    </form>
  );
}

/** The visitor code's form: in the staff's words on the sign-in page, in easy-to-read words on the person's own entrance. */
export function VisitorForm({ easy = false, autoFocus = false }: { easy?: boolean; autoFocus?: boolean }) {
  const staff = useTranslations("auth");
  const person = useTranslations("easy.entry");
  const t = (key: "visitorCode" | "visitorOpen" | "visitorInvalid" | "throttled") => (easy ? person(key) : staff(key));
  const id = useId();
  const visitor = useSubmit("visitor", "/offre");
  return (
    <form onSubmit={visitor.submit} onInput={() => void nextAuthClient()} className={easy ? "space-y-5 text-xl" : "space-y-4"} noValidate>
      <p>
        <label htmlFor={`${id}-code`} className="mb-1 block font-semibold">
          {t("visitorCode")}
        </label>
        <input
          id={`${id}-code`}
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          autoFocus={autoFocus}
          className={`${input} font-mono uppercase tracking-widest ${easy ? "min-h-14 text-2xl" : ""}`}
        />
      </p>
      <div aria-live="assertive">
        {visitor.error ? (
          <p role="alert" className="font-semibold text-red-800">
            {visitor.error === "throttled" ? t("throttled") : t("visitorInvalid")}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={visitor.pending} className={`${button} ${easy ? "min-h-14 w-full text-xl sm:w-auto" : ""}`}>
        {t("visitorOpen")}
      </button>
    </form>
  );
}
