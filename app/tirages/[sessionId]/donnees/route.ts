// The data of a session's draw, to re-run it (issue 17): the seed and its fingerprint, and each
// application's id, weight, number and rank; no structure's name but the reader's own where it may be seen.
import { currentActor } from "@/lib/auth/current";
import { drawRecord } from "@/lib/booking/applications";

export async function GET(_request: Request, { params }: { params: Promise<{ sessionId: string }> }) {
  const actor = await currentActor();
  if (actor.kind === "anonymous")
    return new Response("Connectez-vous pour voir le tirage.", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const record = await drawRecord(actor, (await params).sessionId);
  if (!record?.drawnAt || record.notHeld)
    return new Response("Aucun tirage publié pour cette séance.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const body = {
    sessionId: record.sessionId,
    fingerprint: record.fingerprint,
    seed: record.seed,
    drawnAt: record.drawnAt,
    rule: "u = HMAC-SHA256(seed, id) (53 premiers bits, + 0,5, ÷ 2^53) ; clé = -ln(u) / poids ; ordre croissant des clés ; poids = √minPlaces / (1 + outings)",
    applications: record.rows.map(({ applicationId, rank, places, minPlaces, outings, weight, u, placesWon, partnerName }) => ({
      id: applicationId,
      rank,
      places,
      minPlaces,
      outings,
      weight,
      u,
      placesWon,
      structure: partnerName,
    })),
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="tirage-${record.sessionId}.json"` },
  });
}
