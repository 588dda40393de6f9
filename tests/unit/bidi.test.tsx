// Issue 34.2: in an Arabic or Dari sentence, a date, a count, a booking number, a phone number or a venue's
// French words keep their own direction: isolated (Unicode's FSI…PDI in text, <bdi> in markup), they
// neither reorder with the Arabic around them nor pull its punctuation to the wrong side.
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "use-intl/core";
import { Isolated } from "@/components/i18n/isolated";
import { formatBookingNumber } from "@/lib/booking/number";
import { formatDateInWords, formatDay } from "@/lib/format/dates";
import { isolate, isolateAll } from "@/lib/i18n/bidi";
import { messagesFor } from "@/lib/i18n/catalogs";

const FSI = "\u2068";
const PDI = "\u2069";
const evening = new Date("2026-12-12T19:30:00Z");
const later = new Date("2026-12-19T19:30:00Z");

describe("a sentence in Arabic", () => {
  const t = createTranslator({ locale: "ar-u-nu-latn", messages: messagesFor("ar"), timeZone: "Europe/Paris" });

  it("keeps each date isolated inside the sentence", () => {
    const first = formatDay(evening, "dayMonth", "ar");
    const last = formatDay(later, "dayMonth", "ar");
    const sentence = t("offer.sessionSpan", isolateAll({ count: 3, first, last }, "ar"));
    expect(sentence).toBe(`3 مواعيد من ${FSI}${first}${PDI} إلى ${FSI}${last}${PDI}`);
  });

  it("keeps an event's French title isolated", () => {
    expect(t("easy.feedback.thanks", { event: isolate("Le Cid, 2e partie", "ar") })).toBe(`شكرًا. رأيك في «${FSI}Le Cid, 2e partie${PDI}» أُرسل إلى المكان.`);
  });

  it("renders a date and a booking number in markup each in its own <bdi>, the number left to right", () => {
    const number = formatBookingNumber("K7Q2XM4P");
    const html = renderToStaticMarkup(
      <p lang="ar" dir="rtl">
        الموعد: <Isolated>{formatDateInWords(evening, new Date("2026-12-01T10:00:00Z"), "ar")}</Isolated>، رقم الحجز: <Isolated ltr>{number}</Isolated>.
      </p>,
    );
    expect(html).toBe(`<p lang="ar" dir="rtl">الموعد: <bdi>السبت، 12 ديسمبر في 20:30</bdi>، رقم الحجز: <bdi dir="ltr">${number}</bdi>.</p>`);
  });

  it("leaves left-to-right languages' text as it is", () => {
    expect(isolate("12 December", "en")).toBe("12 December");
    expect(isolateAll({ count: 2, first: "12 December" }, "fr")).toEqual({ count: 2, first: "12 December" });
  });
});
