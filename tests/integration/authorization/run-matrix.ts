// Runs the authorization matrix for some of its modules (authorization/all.ts): the matrix is split in
// two test files so that Jest's two workers share it (it is the longest suite by far).
import { AccessDeniedError, NotFoundError } from "@/lib/errors";
import { matrixWorld } from "../../factories/matrix";
import { fingerprint } from "../../support/fingerprint";
import { ACTORS, matrixModules as modules } from "./all";

export function runMatrix(moduleNames: (keyof typeof modules)[]): void {
  for (const name of moduleNames) {
    describe(`authorization of ${name}`, () => {
      for (const testCase of modules[name]!) {
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
}

/** The modules of each half; a module not in either fails the test below (authorization-matrix.test.ts). */
export const FIRST_HALF = ["booking", "partner", "auth", "invitation", "wishes", "feedback", "draw"] as const;
export const SECOND_HALF = ["venue", "association", "statistics", "activities", "sms", "importExport", "latePlaces", "seasonImport"] as const;
