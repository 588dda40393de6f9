// The door check's service worker (issue 32.4), built by scripts/build-door-worker.mjs into
// public/controle-sw.js. It serves /lieu/controle and the app's scripts and styles when the network is
// gone, and nothing else: no other page, no API answer, no server action is cached, so no personal data
// is kept by it (the day's list lives in IndexedDB, lib/venue/door-store.ts). The page itself puts its
// own scripts in the caches on its first visit (components/venue/door-offline/register-worker.tsx),
// since they were loaded before this worker took control. Decision record 021.
import { CacheFirst, ExpirationPlugin, NetworkFirst, Serwist } from "serwist";

export const DOOR_PAGE_CACHE = "controle-page";
export const DOOR_ASSET_CACHE = "controle-scripts";

const serwist = new Serwist({
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      matcher: ({ request, url }) => request.mode === "navigate" && url.origin === location.origin && url.pathname === "/lieu/controle",
      handler: new NetworkFirst({
        cacheName: DOOR_PAGE_CACHE,
        networkTimeoutSeconds: 4,
        // The page put itself in the cache with a plain request (register-worker.tsx): Next.js's Vary headers would not match a navigation.
        matchOptions: { ignoreVary: true },
        // Only the page itself: never a sign-in page it was redirected to, nor an error.
        plugins: [{ cacheWillUpdate: async ({ response }) => (response.status === 200 && !response.redirected ? response : null) }],
      }),
    },
    {
      matcher: ({ url }) => url.origin === location.origin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({ cacheName: DOOR_ASSET_CACHE, plugins: [new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600 })] }),
    },
  ],
});

serwist.addEventListeners();
