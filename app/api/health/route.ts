import { databaseAnswers } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** For load balancers and monitoring: 200 when the app and its database answer, 503 otherwise. */
export async function GET() {
  const ok = await databaseAnswers().catch(() => false);
  return Response.json(
    { status: ok ? "ok" : "error", database: ok ? "ok" : "unreachable" },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
