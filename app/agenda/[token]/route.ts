import { calendarFeed } from "@/lib/calendar/feed";

export const dynamic = "force-dynamic";

/**
 * A referent's calendar feed, fetched by calendar apps without signing in: the token is the key
 * (lib/calendar/feed-token.ts). An unknown or revoked token gets a bare 404 that says nothing.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ics = token.endsWith(".ics") ? await calendarFeed(token.slice(0, -".ics".length)) : null;
  if (ics === null) return new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="agenda.ics"',
      // First names of people: never kept by a shared cache.
      "Cache-Control": "private, no-store",
      // The address itself is the secret: no referrer leaks it from a link in an event.
      "Referrer-Policy": "no-referrer",
    },
  });
}
