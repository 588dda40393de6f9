// Every role × every data-access function, against the real database (issue 3). Each cell builds its
// own world (tests/factories/matrix.ts), calls the function as one actor and checks: allowed, it
// succeeds; refused, it throws AccessDeniedError or NotFoundError and the database is exactly as before.
//
// To add a module: write tests/integration/authorization/<module>.cases.ts exporting a list of
// `{ name, call(actor, world), allowed: MatrixActor[] }`, add it to authorization/all.ts and to one half
// in authorization/run-matrix.ts. Every new data-access function of lib/ belongs here. This file runs the
// first half; authorization-matrix-back-office.test.ts the second.
import { matrixModules } from "./authorization/all";
import { FIRST_HALF, runMatrix, SECOND_HALF } from "./authorization/run-matrix";

it("runs every module of the matrix in one half or the other", () => {
  expect([...FIRST_HALF, ...SECOND_HALF].sort()).toEqual(Object.keys(matrixModules).sort());
});

runMatrix([...FIRST_HALF]);
