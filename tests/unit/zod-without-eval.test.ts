/** @jest-environment jsdom */
// Issue 35.2: the pages with a form broke their Content-Security-Policy as they loaded: zod tried
// `new Function` once to learn whether it may compile its schemas, and the browser reported the refusal
// (Lighthouse: "Issues were logged in the Issues panel", best practices 93). Loading the forms' module in
// a browser builds every schema it checks as people type; nothing may try to evaluate code on the way.
it("builds the forms' schemas in the browser without trying to evaluate code", async () => {
  const evaluate = jest.spyOn(globalThis, "Function");
  await jest.isolateModulesAsync(async () => {
    await import("@/components/forms/action-form");
  });
  const { FORM_SCHEMAS } = jest.requireActual<typeof import("@/components/forms/schemas")>("@/components/forms/schemas");
  // The schemas still check, without compiling (a person's first name is required).
  expect(FORM_SCHEMAS.person.safeParse({ firstName: "", lastName: "Lefèvre" }).success).toBe(false);
  expect(evaluate).not.toHaveBeenCalled();
});
