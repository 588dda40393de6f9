import { metricsAnswer } from "@/lib/observability/collect";

export const dynamic = "force-dynamic";

/** Prometheus' scrape (issue 31.3): read only with METRICS_TOKEN, decided in lib/observability/collect.ts. */
export async function GET(request: Request) {
  const answer = await metricsAnswer(request.headers.get("authorization"));
  const headers: Record<string, string> = {
    "Cache-Control": "no-store",
    "Content-Type": "contentType" in answer ? answer.contentType : "text/plain; charset=utf-8",
  };
  if (answer.status === 401) headers["WWW-Authenticate"] = "Bearer";
  return new Response(answer.body, { status: answer.status, headers });
}
