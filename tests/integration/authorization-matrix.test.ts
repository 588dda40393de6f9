// Every role × every data-access function, against the real database (issue 3). Each cell builds its
// own world (tests/factories/matrix.ts), calls the function as one actor and checks: allowed, it
// succeeds; refused, it throws AccessDeniedError or NotFoundError and the database is exactly as before.
//
// To add a module: write tests/integration/authorization/<module>.cases.ts exporting a list of
// `{ name, call(actor, world), allowed: MatrixActor[] }` and add it to authorization/all.ts. Every new
// data-access function of lib/ belongs here.
import { AccessDeniedError, NotFoundError } from "@/lib/errors";
import { matrixWorld } from "../factories/matrix";
import { fingerprint } from "../support/fingerprint";
import { ACTORS, matrixModules as modules } from "./authorization/all";

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
