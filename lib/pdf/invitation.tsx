// The nominative invitation: one A4 page per guest, to print or show on a phone at the door. Written
// for people who may read French with difficulty: the guest's name first and large, one idea per block,
// short sentences, black on white, nothing but the QR code and the number to show at the entrance.
// In the person's language too, beside the French that the ticket office reads (issue 34.6).
import type { ReactNode } from "react";
import type { Styles } from "@react-pdf/renderer";
import { formatBookingNumber } from "@/lib/booking/number";
import { formatSessionDate } from "@/lib/format/dates";
import { formatFeedbackCode } from "@/lib/invitation/feedback-code";
import { fill } from "@/lib/invitation/format";
import type { InvitationData } from "@/lib/invitation/invitation";
import catalog from "@/messages/fr/invitation.json";
import { prepareArabicFont, registerArabicFonts } from "./arabic-fonts";
import { PDF_FONT_FAMILY, pdfFontFiles } from "./fonts";
import { type InvitationLocale, type InvitationWords, isRightToLeft, lineIn, translatedWords } from "./invitation-words";
import { qrModules } from "./qr";
import { drawWithShapingCache, rememberShaping, type ShapingFont } from "./shaping-cache";

const t = catalog.invitation.pdf;

type ReactPdf = typeof import("@react-pdf/renderer");

let loaded: Promise<ReactPdf> | undefined;

/**
 * react-pdf, loaded once per process with its fonts registered (its font store keeps the parsed files).
 * It is published as ES modules only, some with `import`-only exports: import() lets CommonJS runtimes
 * (tsx scripts; Jest, which compiles it, see jest.config.ts) load it the way Next.js does.
 */
export function loadReactPdf(): Promise<ReactPdf> {
  return (loaded ??= import("@react-pdf/renderer").then(async (pdf) => {
    registerFonts(pdf);
    // Parsed now rather than at the first document, to remember their glyph runs (shaping-cache.ts).
    for (const fontWeight of [400, 700]) {
      await pdf.Font.load({ fontFamily: PDF_FONT_FAMILY, fontWeight });
      rememberShaping(pdf.Font.getFont({ fontFamily: PDF_FONT_FAMILY, fontWeight }).data as unknown as ShapingFont);
    }
    return pdf;
  }));
}

function registerFonts({ Font }: ReactPdf): void {
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: pdfFontFiles.regular(), fontWeight: "normal" },
      { src: pdfFontFiles.bold(), fontWeight: "bold" },
    ],
  });
  // Read from disk the first time an Arabic or Dari invitation needs it, not before.
  registerArabicFonts(Font);
  // Names and words stay whole: a hyphen in the middle of a name is hard to read.
  Font.registerHyphenationCallback((word) => [word]);
}

const INK = "#000000";
/**
 * An A4 page's height (pt). A page that does not wrap (one guest, one page) is as tall as its content in
 * react-pdf: at least this keeps it A4, its footer at the foot, whatever a printer does with other sizes.
 */
const A4_HEIGHT = 841.89;
const baseStyles = {
  page: {
    fontFamily: PDF_FONT_FAMILY,
    fontSize: 13,
    color: INK,
    paddingTop: 24,
    paddingBottom: 20,
    paddingHorizontal: 44,
    lineHeight: 1.35,
    minHeight: A4_HEIGHT,
  },
  band: {
    flexDirection: "row",
    justifyContent: "space-between",
    alignItems: "center",
    backgroundColor: INK,
    color: "#FFFFFF",
    paddingVertical: 8,
    paddingHorizontal: 14,
  },
  bandBrand: { fontSize: 13, fontWeight: "bold" },
  bandHeading: { fontSize: 13 },
  nominative: { marginTop: 10, fontSize: 15, fontWeight: "bold" },
  forGuest: { marginTop: 8, fontSize: 13 },
  name: { fontSize: 32, fontWeight: "bold", lineHeight: 1.15 },
  place: { fontSize: 12, marginTop: 2 },
  rule: { borderBottomWidth: 2, borderBottomColor: INK, marginVertical: 10 },
  columns: { flexDirection: "row", justifyContent: "space-between" },
  details: { flex: 1, paddingRight: 24 },
  eventTitle: { fontSize: 20, fontWeight: "bold", lineHeight: 1.2, marginBottom: 4 },
  label: { fontSize: 11, fontWeight: "bold", textTransform: "uppercase", marginTop: 6 },
  date: { fontSize: 16, fontWeight: "bold" },
  strong: { fontWeight: "bold" },
  door: { width: 170, flexShrink: 0, alignItems: "center" },
  numberLabel: { fontSize: 11, fontWeight: "bold", textTransform: "uppercase", marginTop: 6 },
  number: { fontSize: 20, fontWeight: "bold" },
  doorText: { fontSize: 11, textAlign: "center", marginTop: 4 },
  box: { borderWidth: 2, borderColor: INK, paddingVertical: 8, paddingHorizontal: 14 },
  boxTitle: { fontSize: 17, fontWeight: "bold", marginBottom: 4 },
  contact: { marginTop: 6 },
  feedback: { marginTop: 8, flexDirection: "row", justifyContent: "space-between", alignItems: "center", gap: 12 },
  feedbackText: { flex: 1, fontSize: 12 },
  feedbackCode: { fontSize: 20, fontWeight: "bold", letterSpacing: 1 },
  // Pushed to the bottom of the page by the free space above it.
  footer: { marginTop: "auto", fontSize: 10, borderTopWidth: 1, borderTopColor: INK, paddingTop: 6 },
  // The person's language: under the French, a size smaller; a label's beside it, never in capitals.
  also: { fontSize: 10, fontWeight: "normal", lineHeight: 1.3 },
  alsoLabel: { fontSize: 11, textTransform: "none" },
  alsoBeside: { fontSize: 12, fontWeight: "normal" },
  center: { textAlign: "center" },
  small: { fontSize: 9 },
} satisfies Styles;

type Style = Styles[string];

/** Two languages take more lines: tighter spaces, a smaller type, name and QR code keep the invitation on one A4 sheet. */
const twoLanguageStyles = {
  ...baseStyles,
  page: { ...baseStyles.page, fontSize: 12, lineHeight: 1.3, paddingTop: 18, paddingBottom: 14, paddingHorizontal: 34 },
  band: { ...baseStyles.band, paddingVertical: 5 },
  nominative: { ...baseStyles.nominative, marginTop: 6 },
  forGuest: { ...baseStyles.forGuest, marginTop: 4 },
  name: { ...baseStyles.name, fontSize: 26 },
  rule: { ...baseStyles.rule, marginVertical: 6 },
  eventTitle: { ...baseStyles.eventTitle, fontSize: 16 },
  label: { ...baseStyles.label, marginTop: 3 },
  box: { ...baseStyles.box, paddingVertical: 4 },
  contact: { ...baseStyles.contact, marginTop: 3 },
  feedback: { ...baseStyles.feedback, marginTop: 4 },
} satisfies Styles;

/** The person's words, printed after the French: a line of their own, or beside a label. Nothing in French. */
interface Also {
  styles: typeof baseStyles;
  /** The QR code's side (pt): a little smaller beside two languages, still read at arm's length. */
  qrSize: number;
  line: (pick: (words: InvitationWords) => string, style?: Style) => ReactNode;
  label: (pick: (words: InvitationWords) => string, style?: Style) => ReactNode;
}

function alsoIn(pdf: ReactPdf, locale: InvitationLocale): Also {
  const words = translatedWords(locale);
  if (!words) return { styles: baseStyles, qrSize: 160, line: () => null, label: () => null };
  const { Text } = pdf;
  return {
    styles: twoLanguageStyles,
    qrSize: 148,
    line: (pick, style = {}) => {
      const { text, style: script } = lineIn(locale, pick(words));
      return <Text style={[baseStyles.also, style, script]}>{text}</Text>;
    },
    label: (pick, style = {}) => {
      const { text, style: script } = lineIn(locale, pick(words));
      return (
        <>
          {"  ·  "}
          <Text style={[baseStyles.alsoLabel, style, script]}>{text}</Text>
        </>
      );
    },
  };
}

/** What the QR code asks of react-pdf's painter (pdfkit's methods, chained). */
interface QrPainter {
  scale(factor: number): QrPainter;
  rect(x: number, y: number, width: number, height: number): QrPainter;
  fill(color: string): QrPainter;
}

function Qr({ pdf: { Canvas }, code, size }: { pdf: ReactPdf; code: string; size: number }) {
  const qr = qrModules(code);
  // Rectangles painted straight into the page: an SVG path is text that pdfkit parses back into lines on
  // every page and writes out twice as long; the page's content is a third smaller (decision 027).
  const paint = (painter: QrPainter) => {
    painter.scale(size / qr.size);
    for (const [x, y, width] of qr.runs) painter.rect(x, y, width, 1);
    painter.fill(INK);
    return null;
  };
  return <Canvas style={{ width: size, height: size }} paint={paint} />;
}

/** "04 72 00 00 00 – billetterie@lieu.fr", skipping what is missing. */
const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join("  –  ");

function GuestPage({ pdf, data, guest, also }: { pdf: ReactPdf; data: InvitationData; guest: InvitationData["guests"][number]; also: Also }) {
  const { Page, Text, View } = pdf;
  const { styles } = also;
  const place = { position: guest.position + 1, places: data.guests.length };
  const { venue, partner } = data;
  const number = formatBookingNumber(data.number);
  // wrap={false}: one guest, one page, whatever the length of a venue's access text.
  return (
    <Page size="A4" style={styles.page} wrap={false}>
      <View style={styles.band}>
        <Text style={styles.bandBrand}>{t.brand}</Text>
        <Text style={styles.bandHeading}>{`${t.heading} · ${t.free}`}</Text>
      </View>

      <Text style={styles.nominative}>{t.nominative}</Text>
      {also.line((w) => w.nominative)}
      <Text style={styles.forGuest}>
        {t.forGuest}
        {also.label((w) => w.forGuest)}
      </Text>
      {/* NFC: a name typed with combining accents (e + ◌́) prints with the precomposed glyph (é). */}
      <Text style={styles.name}>{`${guest.firstName} ${guest.lastName}`.normalize("NFC")}</Text>
      {data.guests.length > 1 && (
        <>
          <Text style={styles.place}>
            {fill(t.place, place)}
            {also.label((w) => fill(w.place, place))}
          </Text>
        </>
      )}

      <View style={styles.rule} />

      <View style={styles.columns}>
        <View style={styles.details}>
          <Text style={styles.eventTitle}>{data.event.title}</Text>
          <Text style={styles.label}>
            {t.when}
            {also.label((w) => w.when)}
          </Text>
          <Text style={styles.date}>{formatSessionDate(data.startsAt)}</Text>
          <Text style={styles.label}>
            {t.where}
            {also.label((w) => w.where)}
          </Text>
          <Text style={styles.strong}>{venue.name}</Text>
          <Text>{venue.addressLine}</Text>
          <Text>{`${venue.postalCode} ${venue.city}`}</Text>
          {venue.accessInfo && (
            <>
              <Text style={styles.label}>
                {t.access}
                {also.label((w) => w.access)}
              </Text>
              <Text>{venue.accessInfo}</Text>
            </>
          )}
          <Text style={styles.label}>
            {t.bookedBy}
            {also.label((w) => w.bookedBy)}
          </Text>
          <Text>{partner.name}</Text>
        </View>
        <View style={styles.door}>
          <Qr pdf={pdf} code={guest.code} size={also.qrSize} />
          <Text style={styles.numberLabel}>{t.number}</Text>
          {also.line((w) => w.number, styles.center)}
          <Text style={styles.number}>{number}</Text>
          <Text style={styles.doorText}>{t.showAtDoor}</Text>
          {also.line((w) => w.showAtDoor, styles.center)}
        </View>
      </View>

      <View style={styles.rule} />

      <View style={styles.box} wrap={false}>
        <Text style={styles.boxTitle}>
          {t.cannotComeTitle}
          {also.label((w) => w.cannotComeTitle, styles.alsoBeside)}
        </Text>
        <Text>{t.cannotComeText}</Text>
        {also.line((w) => w.cannotComeText)}
        <View style={styles.contact}>
          <Text style={styles.strong}>
            {t.structure}
            {also.label((w) => w.structure)}
            {` : ${partner.name}`}
          </Text>
          {(partner.phone || partner.email) && <Text>{joined(partner.phone, partner.email)}</Text>}
        </View>
        <View style={styles.contact}>
          <Text style={styles.strong}>
            {t.ticketOffice}
            {also.label((w) => w.ticketOffice)}
            {` : ${venue.ticketOfficeName ?? venue.name}`}
          </Text>
          <Text>{joined(venue.ticketOfficePhone, venue.ticketOfficeEmail)}</Text>
        </View>
      </View>

      {/* The person's own feedback (issue 16): after the outing, with this code, no name asked. */}
      <View style={styles.feedback} wrap={false}>
        <View style={styles.feedbackText}>
          <Text style={styles.strong}>{t.feedbackTitle}</Text>
          {also.line((w) => w.feedbackTitle)}
          <Text>{data.visitorCodeExists === false ? t.feedbackTextAsk : fill(t.feedbackText, { url: data.feedbackUrl })}</Text>
          {also.line((w) => (data.visitorCodeExists === false ? w.feedbackTextAsk : fill(w.feedbackText, { url: data.feedbackUrl })))}
        </View>
        <View style={{ alignItems: "center" }}>
          <Text style={styles.numberLabel}>{t.feedbackCode}</Text>
          {also.line((w) => w.feedbackCode, styles.center)}
          <Text style={styles.feedbackCode}>{formatFeedbackCode(guest.feedbackCode)}</Text>
        </View>
      </View>

      <View style={styles.footer}>
        <Text>{t.footer}</Text>
        {also.line((w) => w.footer, styles.small)}
      </View>
    </Page>
  );
}

function InvitationDocument({ pdf, data, locale }: { pdf: ReactPdf; data: InvitationData; locale: InvitationLocale }) {
  const { Document } = pdf;
  const also = alsoIn(pdf, locale);
  return (
    <Document title={fill(t.documentTitle, { number: formatBookingNumber(data.number) })} author={t.brand} language="fr">
      {data.guests.map((guest) => (
        <GuestPage key={guest.position} pdf={pdf} data={data} guest={guest} also={also} />
      ))}
    </Document>
  );
}

export interface InvitationOptions {
  /** The person's language: its fixed words are printed beside the French. French only by default. */
  locale?: InvitationLocale;
}

/** The PDF of a booking's invitations, one page per guest. */
export async function renderInvitationPdf(data: InvitationData, { locale = "fr" }: InvitationOptions = {}): Promise<Buffer> {
  const pdf = await loadReactPdf();
  if (isRightToLeft(locale)) await prepareArabicFont(pdf.Font, locale);
  return drawWithShapingCache(() => pdf.renderToBuffer(<InvitationDocument pdf={pdf} data={data} locale={locale} />));
}
