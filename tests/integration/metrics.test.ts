// Issue 31.3: /api/metrics in Prometheus' format, read only with METRICS_TOKEN (a bearer token); a
// missing or wrong token, or no token configured at all, is refused. With it: bookings by outcome, the
// booking lock's waits, jobs by task and state read from the queue's tables, the pool's waiting clients.
import { GET } from "@/app/api/metrics/route";
import { requestBooking } from "@/lib/booking/request";
import { getPrisma } from "@/lib/db/client";
import { prismaSql } from "@/lib/db/sql";
import { enqueue } from "@/lib/db/queue";
import { partners, request, stage } from "../factories/booking";

const TOKEN = "jeton-de-mesure-0123456789abcdef";

function scrape(authorization?: string) {
  return GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));
}

afterEach(() => {
  delete process.env.METRICS_TOKEN;
});

describe("GET /api/metrics", () => {
  it("refuses a missing or wrong token, and everyone when no token is configured", async () => {
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
    process.env.METRICS_TOKEN = TOKEN;
    for (const authorization of [undefined, "Bearer ", `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, TOKEN, `Basic ${TOKEN}`]) {
      const response = await scrape(authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
      expect(await response.text()).not.toContain("billetterie_");
    }
  });

  it("gives the figures in Prometheus' format with the right token", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    const { sessionId } = await stage({ capacity: 2 });
    const [partner] = await partners(1);
    await requestBooking(partner!.actor, request(sessionId, partner!.id, 2));
    await requestBooking(partner!.actor, request(sessionId, partner!.id, 1, "WAITLIST"));
    await getPrisma().$transaction((tx) => enqueue(prismaSql(tx), { task: "stats-refresh", payload: {}, runAt: new Date("2000-01-01T00:00:00Z") }));

    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(text).toMatch(/^billetterie_bookings_total\{outcome="CONFIRMED"\} [1-9]/m);
    expect(text).toMatch(/^billetterie_bookings_total\{outcome="WAITLISTED"\} [1-9]/m);
    expect(text).toMatch(/^billetterie_booking_lock_wait_seconds_count [1-9]/m);
    expect(text).toMatch(/^billetterie_booking_lock_timeouts_total 0/m);
    expect(text).toMatch(/^billetterie_jobs\{task="stats-refresh",state="waiting"\} 1$/m);
    expect(text).toMatch(/^billetterie_jobs\{task="send-mail",state="failed"\} 0$/m);
    expect(text).toMatch(/^billetterie_db_pool_waiting_clients 0$/m);
    expect(text).toContain("# TYPE billetterie_request_duration_seconds histogram");
    expect(text).toContain("# TYPE billetterie_mails_total counter");
    expect(text).toContain("# TYPE billetterie_texts_total counter");
  });
});
