// Issue 29.3: how long an outing lasts, said as people say it in easy-to-read French: "2 heures", not
// "120 minutes"; through the easy-to-read catalog's own messages.
import { createTranslator } from "use-intl/core";
import messages from "@/messages/fr";
import { durationInWords } from "@/components/easy/words";

const t = createTranslator({ locale: "fr", messages, namespace: "easy" });
const say = (minutes: number) => durationInWords(minutes, (key, values) => t(key, values));

describe("an outing's length in words", () => {
  it.each([
    [45, "Ça dure environ 45 minutes."],
    [60, "Ça dure environ 1 heure."],
    [75, "Ça dure environ 1 heure et quart."],
    [90, "Ça dure environ 1 heure et demie."],
    [105, "Ça dure presque 2 heures."],
    [120, "Ça dure environ 2 heures."],
    [125, "Ça dure environ 2 heures."],
    [150, "Ça dure environ 2 heures et demie."],
  ])("%i minutes: %s", (minutes, words) => {
    expect(say(minutes)).toBe(words);
  });
});
