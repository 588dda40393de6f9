"use client";

import { signOut } from "next-auth/react";

/** What a door's device keeps of the day (issue 32.2) goes with the person who signed out: the list and the cached door page. */
async function eraseDoorDevice() {
  try {
    const { eraseDoorData } = await import("@/lib/venue/door-store");
    await eraseDoorData();
    if ("caches" in window) await caches.delete("controle-page");
  } catch {
    // No IndexedDB (a private window): nothing was kept.
  }
}

/** `label`: from the server (the header), so that every page need not carry the "auth" words. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => void eraseDoorDevice().then(() => signOut({ callbackUrl: "/" }))}
      className="rounded px-1 py-2 text-ink underline underline-offset-4"
    >
      {label}
    </button>
  );
}
