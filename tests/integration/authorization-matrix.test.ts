// Every role × every data-access function, against the real database (issue 3). Each cell builds its
// own world (tests/factories/matrix.ts), calls the function as one actor and checks: allowed, it
// succeeds; refused, it throws AccessDeniedError or NotFoundError and the database is exactly as before.
//
// To add a module: write tests/integration/authorization/<module>.cases.ts exporting a list of
// `{ name, call(actor, world), allowed: MatrixActor[] }` and add it to `modules` below. Every new
// data-access function of lib/ belongs here.
import { getPrisma } from "@/lib/db/client";
import { AccessDeniedError, NotFoundError } from "@/lib/errors";
import { matrixWorld, type MatrixWorld } from "../factories/matrix";
import { authCases } from "./authorization/auth.cases";
import { bookingCases } from "./authorization/booking.cases";
import { invitationCases, type AuthorizationCase, type MatrixActor } from "./authorization/invitation.cases";
import { partnerCases } from "./authorization/partner.cases";
import { venueCases } from "./authorization/venue.cases";

const ACTORS: MatrixActor[] = ["admin", "partnerA", "partnerB", "venueX", "venueY", "visitorA", "anonymous"];

const modules: Record<string, AuthorizationCase<MatrixWorld>[]> = {
  booking: bookingCases,
  partner: partnerCases,
  auth: authCases,
  invitation: invitationCases as AuthorizationCase<MatrixWorld>[],
  venue: venueCases,
};

/** A digest of every row of every table: equal before and after means nothing changed. */
async function fingerprint(): Promise<string> {
  const prisma = getPrisma();
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  const digests = await prisma.$queryRawUnsafe<{ name: string; digest: string }[]>(
    tables.map((t) => `SELECT '${t.name}' AS name, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS digest FROM "${t.name}" x`).join(" UNION ALL "),
  );
  return digests.map((d) => `${d.name}:${d.digest}`).join(",");
}

for (const [module, cases] of Object.entries(modules)) {
  describe(`authorization of ${module}`, () => {
    for (const testCase of cases) {
      describe(testCase.name, () => {
        it.each(ACTORS)("as %s", async (who) => {
          const world = await matrixWorld();
          const actor = world.actors[who];
          if (testCase.allowed.includes(who)) {
            await expect(testCase.call(actor, world)).resolves.not.toThrow();
            return;
          }
          const before = await fingerprint();
          const error = await testCase.call(actor, world).then(
            () => null,
            (thrown: unknown) => thrown,
          );
          expect(error).not.toBeNull();
          expect(error instanceof AccessDeniedError || error instanceof NotFoundError).toBe(true);
          expect(await fingerprint()).toBe(before);
        });
      });
    }
  });
}
