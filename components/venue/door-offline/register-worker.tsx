"use client";

// Installs the door check's service worker (issue 32.4; worker/door-sw.ts), so that /lieu/controle opens
// without a network. The page's own scripts and styles were loaded before the worker took control: the
// page puts them, and itself, in the worker's caches (the names worker/door-sw.ts reads).
import { useEffect } from "react";

export const DOOR_PAGE_CACHE = "controle-page";
const DOOR_ASSET_CACHE = "controle-scripts";

async function keepForOffline() {
  await navigator.serviceWorker.ready;
  const ownAssets = performance
    .getEntriesByType("resource")
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === location.origin && url.pathname.startsWith("/_next/static/"))
    .map((url) => url.href);
  const assets = await caches.open(DOOR_ASSET_CACHE);
  await Promise.all([...new Set(ownAssets)].map((url) => assets.add(url).catch(() => undefined)));
  await (await caches.open(DOOR_PAGE_CACHE)).add(location.href);
}

export function RegisterDoorWorker() {
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !navigator.onLine) return;
    void navigator.serviceWorker
      .register("/controle-sw.js")
      .then(keepForOffline)
      .catch(() => undefined);
  }, []);
  return null;
}
