"use client";

import { signOut } from "next-auth/react";

/** `label`: from the server (the header), so that every page need not carry the "auth" words. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/" })} className="rounded px-1 py-2 text-ink underline underline-offset-4">
      {label}
    </button>
  );
}
