// Issue 29.3: a form of the easy-to-read pages (a wish, a person's own feedback) is refused in their words:
// "Il manque quelque chose." and "Écris ton prénom ou tes initiales.", not "Certains champs sont à corriger.
// Nom : ce champ est obligatoire.". The staff's forms keep their words.
import { actionFailure } from "@/lib/actions/result";
import { InvalidInput } from "@/lib/validation";
import { RuleViolation } from "@/lib/errors";

jest.mock("next-intl/server", () => ({
  getLocale: async () => "fr",
  getMessages: async () => jest.requireActual<{ default: Record<string, unknown> }>("@/messages/fr").default,
  getTimeZone: async () => "Europe/Paris",
}));

describe("a refusal on the easy-to-read pages", () => {
  it("says what is missing in easy words, field by field", async () => {
    const refused = await actionFailure(new InvalidInput({ name: ["validation.required"] }), { easy: true });
    expect(refused).toEqual({ ok: false, message: "Il manque quelque chose.", fieldErrors: { name: ["Écris ton prénom ou tes initiales."] } });
  });

  it("says a rule in easy words where the easy catalog has them", async () => {
    expect(await actionFailure(new RuleViolation("WISH_SESSION_LIMIT", "x"), { easy: true })).toMatchObject({
      message: "Tu as déjà envoyé beaucoup d'envies, parle à ta structure.",
    });
  });

  it("leaves the staff's forms in their own words", async () => {
    const refused = await actionFailure(new InvalidInput({ name: ["validation.required"] }));
    expect(refused.message).toBe("Certains champs sont à corriger.");
  });
});
