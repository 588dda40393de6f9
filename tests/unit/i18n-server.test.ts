// Server translations with next-intl's caches kept for the process (lib/i18n/server.ts): the same words
// as next-intl's own translator, and a second request that builds no Intl object again.
const counted = { numberFormats: 0 };
const RealNumberFormat = Intl.NumberFormat;
// Counted before lib/i18n/server.ts builds its formatters (they keep the constructor they are given).
Intl.NumberFormat = new Proxy(RealNumberFormat, {
  construct(target, args: ConstructorParameters<typeof Intl.NumberFormat>) {
    counted.numberFormats++;
    return new target(...args);
  },
});

import { createTranslator } from "use-intl/core";
import messages from "@/messages/fr";
import { getFormatter, getTranslations } from "@/lib/i18n/server";

jest.mock("next-intl/server", () => ({
  getLocale: async () => "fr",
  getMessages: async () => jest.requireActual<{ default: Record<string, unknown> }>("@/messages/fr").default,
  getTimeZone: async () => "Europe/Paris",
}));

afterAll(() => {
  Intl.NumberFormat = RealNumberFormat;
});

describe("server translations", () => {
  it("say what next-intl's translator says: plain, with values, plurals", async () => {
    const reference = createTranslator({ locale: "fr", messages, namespace: "membershipsAdmin" as never, timeZone: "Europe/Paris" });
    const t = await getTranslations("membershipsAdmin");
    for (const [key, values] of [
      ["seasonCurrent", { label: "2026-2027" }],
      ["remindedOn", { date: "12/01/2027" }],
      ["inviteLead", { count: 0 }],
      ["inviteLead", { count: 1 }],
      ["inviteLead", { count: 12 }],
    ] as const) {
      expect(t(key, values)).toBe((reference as (key: string, values: object) => string)(key, values));
    }
    expect(t("inviteLead", { count: 12 })).toMatch(/^12 structures en partenariat n'ont pas encore reçu/);
  });

  it("format numbers in French", async () => {
    const format = await getFormatter();
    expect(format.number(12.5, { style: "currency", currency: "EUR" })).toBe("12,50\u00a0€");
  });

  it("build a message's Intl objects once, not once per request", async () => {
    await (
      await getTranslations("membershipsAdmin")
    )("inviteLead", { count: 3 });
    (await getFormatter()).number(7.25, { style: "currency", currency: "EUR" });
    const before = counted.numberFormats;
    for (let request = 0; request < 5; request++) {
      expect((await getTranslations("membershipsAdmin"))("inviteLead", { count: 3 })).toMatch(/^3 structures/);
      expect((await getFormatter()).number(7.25, { style: "currency", currency: "EUR" })).toBe("7,25\u00a0€");
    }
    expect(counted.numberFormats).toBe(before);
  });
});
