"use client";

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

/**
 * next-auth's client, fetched when someone signs out: the header imports this button on every page, and
 * that client was 40 kB of JavaScript on each, for people not even signed in (issue 35.2).
 */
async function signOut() {
  const { signOut: endSession } = await import("next-auth/react");
  await endSession({ callbackUrl: "/" });
}

/** `label`: from the server (the header), so that every page need not carry the "auth" words. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => void eraseDoorDevice().then(signOut)} className="rounded px-1 py-2 text-ink underline underline-offset-4">
      {label}
    </button>
  );
}
