// Issue 13, item 13: French plurals come from ICU messages ("1 confirmée", never "1 confirmées"). A
// number argument followed by a plural word, outside a plural rule, is flagged in every catalog. The
// messages are read with the ICU parser next-intl itself uses.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import messages from "@/messages/fr";

/** Arguments that hold words, not counts. */
const WORDS =
  /^(name|inviter|date|season|structure|venue|title|email|until|city|from|to|number|label|who|why|step|kind|filter|amount|event|phone|time|when|where|start|end|link|reason|note|action|value|list|names|code|max|months)$/;

function strings(value: unknown, path: string[] = []): [string, string][] {
  if (typeof value === "string") return [[path.join("."), value]];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, inner]) => strings(inner, [...path, key]));
  return [];
}

/** Whether a counted argument is followed by a word in -s, anywhere outside a plural rule. */
function countsWithoutPlural(elements: MessageFormatElement[]): boolean {
  return elements.some((element, index) => {
    if (element.type === TYPE.select) return Object.values(element.options).some((option) => countsWithoutPlural(option.value));
    if (element.type === TYPE.argument && !WORDS.test(element.value)) {
      const next = elements[index + 1];
      return next?.type === TYPE.literal && /^ [a-zàâéèêîôûç'’-]+s\b/i.test(next.value);
    }
    return false;
  });
}

it("puts every counted plural word under an ICU plural rule", () => {
  const offending = strings(messages)
    .filter(([, text]) => countsWithoutPlural(parse(text, { ignoreTag: true })))
    .map(([key, text]) => `${key}: ${text}`);
  expect(offending).toEqual([]);
});
