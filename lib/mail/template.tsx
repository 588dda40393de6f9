// The one layout of every mail the platform sends, as React components (react-email): HTML for mail
// readers and plain text from the same tree, the association's footer, and one clear action. What each
// kind of mail says is in compose.ts and content/*.ts; the words are in the message catalog (messages/fr/mail.json).
//
// Issue 35.2 ("mail keeps up"): React rendering the layout twice per mail (HTML, then plain text) was most
// of a send-mail job's cost. The layout is rendered once per shape, with slots where the words go, and each
// mail fills it, escaped as React escapes; the plain text is read from that HTML as react-email reads it.
// The result is React's own, character for character (tests/unit/mail-template.test.ts): where filling
// could differ (an empty value, which React writes as no text at all; a link that is not http(s), which
// React may rewrite), the mail is rendered by React whole, as before. See docs/decisions/031-mail-throughput.md.
import "server-only";
import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text, render } from "@react-email/components";
import { toPlainText } from "@react-email/render";

export interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** The page concerned. */
  action?: { label: string; url: string };
  /** Smaller print under the action. */
  notes?: string[];
  /** Lines of a list (a digest). */
  items?: { label: string; url: string }[];
  /** `choice`: where to choose one's mails, for a mail to an account (none for an address left in a form). */
  footer: { about: string; why: string; choice?: { label: string; url: string } };
  signature: string;
}

const text = { fontSize: "16px", lineHeight: "24px", color: "#1f2328" };

function Mail({ content, previewSlot }: { content: MailContent; previewSlot?: string }) {
  return (
    <Html lang="fr">
      <Head />
      <Preview>{previewSlot ?? content.paragraphs[0] ?? content.subject}</Preview>
      <Body style={{ backgroundColor: "#f6f4f0", fontFamily: "DejaVu Sans, Verdana, sans-serif" }}>
        <Container style={{ backgroundColor: "#ffffff", maxWidth: "560px", margin: "24px auto", padding: "24px", borderRadius: "8px" }}>
          <Text style={{ ...text, fontWeight: 700, color: "#7c2d12" }}>Culture pour tous</Text>
          <Text style={text}>{content.greeting}</Text>
          {content.paragraphs.map((paragraph, index) => (
            <Text key={index} style={text}>
              {paragraph}
            </Text>
          ))}
          {content.items?.length ? (
            <Section>
              {content.items.map((item, index) => (
                <Text key={index} style={text}>
                  • <Link href={item.url}>{item.label}</Link>
                </Text>
              ))}
            </Section>
          ) : null}
          {content.action ? (
            <Section style={{ margin: "16px 0" }}>
              <Button
                href={content.action.url}
                style={{ backgroundColor: "#9a3412", color: "#ffffff", padding: "12px 20px", borderRadius: "6px", fontWeight: 700 }}
              >
                {content.action.label}
              </Button>
              <Text style={{ ...text, fontSize: "13px" }}>{content.action.url}</Text>
            </Section>
          ) : null}
          {content.notes?.map((note, index) => (
            <Text key={index} style={{ ...text, fontSize: "14px", color: "#4b5563" }}>
              {note}
            </Text>
          ))}
          <Text style={text}>{content.signature}</Text>
          <Hr />
          <Text style={{ fontSize: "12px", color: "#4b5563" }}>{content.footer.about}</Text>
          <Text style={{ fontSize: "12px", color: "#4b5563" }}>
            {content.footer.why}
            {content.footer.choice ? (
              <>
                {" "}
                <Link href={content.footer.choice.url}>{content.footer.choice.label}</Link>
              </>
            ) : null}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/** The mail rendered by React, whole: the reference, and the way for contents a layout cannot be filled with. */
export async function renderMailWithReact(content: MailContent): Promise<RenderedMail> {
  const element = <Mail content={content} />;
  const [html, plain] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: content.subject, html, text: plain };
}

/** What React writes for a text or an attribute's value (react-dom's escapeTextForBrowser). */
const ESCAPES: Record<string, string> = { '"': "&quot;", "&": "&amp;", "'": "&#x27;", "<": "&lt;", ">": "&gt;" };
const escape = (value: string) => value.replace(/["&'<>]/g, (char) => ESCAPES[char]!);

/** react-email's Preview: its first 150 characters, then invisible characters up to 150 (none past it). */
const PREVIEW_LENGTH = 150;
const PREVIEW_PADDING = "\xA0\u200C\u200B\u200D\u200E\u200F\uFEFF";
const preview = (value: string) => {
  const text = value.substring(0, PREVIEW_LENGTH);
  return escape(text) + (text.length < PREVIEW_LENGTH ? `<div>${PREVIEW_PADDING.repeat(PREVIEW_LENGTH - text.length)}</div>` : "");
};

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The words of a mail in the order of their slots (the preview first), for a layout of its shape. */
function slotValues(content: MailContent): string[] {
  return [
    content.paragraphs[0] ?? content.subject,
    content.greeting,
    ...content.paragraphs,
    ...(content.items ?? []).flatMap((item) => [item.url, item.label]),
    ...(content.action ? [content.action.url, content.action.label, content.action.url] : []),
    ...(content.notes ?? []),
    content.signature,
    content.footer.about,
    content.footer.why,
    ...(content.footer.choice ? [content.footer.choice.url, content.footer.choice.label] : []),
  ];
}

const shapeOf = (content: MailContent) =>
  [content.paragraphs.length, content.items?.length ?? 0, content.action ? 1 : 0, content.notes?.length ?? 0, content.footer.choice ? 1 : 0].join(":");

/**
 * A layout: its HTML cut at its slots (html[0], slot 0, html[1], slot 1…), and its plain text cut at
 * the slots it shows (text[0], slot textSlots[0], text[1]…: the preview is not in the text, and a link
 * reads "label address").
 */
interface Layout {
  html: string[];
  text: string[];
  textSlots: number[];
}
const layouts = new Map<string, Promise<Layout>>();
let rendered = 0;
/** How many layouts were rendered by React (a test counts them). */
export const templateRenders = () => rendered;

async function layoutOf(content: MailContent): Promise<Layout> {
  const shape = shapeOf(content);
  let layout = layouts.get(shape);
  if (!layout) {
    layout = renderLayout(content);
    layouts.set(shape, layout);
    layout.catch(() => layouts.delete(shape));
  }
  return layout;
}

const SLOT = /mailslot(\d+)x/g;

async function renderLayout(content: MailContent): Promise<Layout> {
  rendered++;
  // Each slot holds a word of its own that React leaves as it is, in the same place as the mail's words.
  let next = 0;
  const slot = () => `mailslot${next++}x`;
  const slotted: MailContent = {
    subject: "",
    paragraphs: [],
    greeting: "",
    signature: "",
    footer: { about: "", why: "" },
  };
  const previewSlot = slot();
  slotted.greeting = slot();
  slotted.paragraphs = content.paragraphs.map(() => slot());
  if (content.items?.length) slotted.items = content.items.map(() => ({ url: slot(), label: slot() }));
  if (content.action) slotted.action = { url: slot(), label: slot() };
  const actionUrlAgain = content.action ? slot() : null;
  if (content.notes?.length) slotted.notes = content.notes.map(() => slot());
  slotted.signature = slot();
  slotted.footer = { about: slot(), why: slot() };
  if (content.footer.choice) slotted.footer.choice = { url: slot(), label: slot() };
  // The preview is its own slot, not the first paragraph's; the action's address is written twice.
  const element = <Mail content={slotted} previewSlot={previewSlot} />;
  let html = await render(element);
  const padded = `${previewSlot}<div>${PREVIEW_PADDING.repeat(PREVIEW_LENGTH - previewSlot.length)}</div>`;
  if (!html.includes(padded)) throw new Error("Le gabarit des courriels n'a pas la forme attendue (aperçu).");
  html = html.replace(padded, previewSlot);
  if (actionUrlAgain) html = html.replace(`>${slotted.action!.url}</p>`, `>${actionUrlAgain}</p>`);
  const order = [...html.matchAll(SLOT)].map((match) => Number(match[1]));
  if (order.length !== next || order.some((n, index) => n !== index)) throw new Error("Le gabarit des courriels n'a pas la forme attendue (ordre).");
  const text = toPlainText(html);
  return {
    html: html.split(SLOT).filter((_, index) => index % 2 === 0),
    text: text.split(SLOT).filter((_, index) => index % 2 === 0),
    textSlots: [...text.matchAll(SLOT)].map((match) => Number(match[1])),
  };
}

/**
 * Whether html-to-text would write the value as it is: no run of its white space to fold into one space,
 * none at either end to drop. Otherwise the text is read from the filled HTML, as react-email reads it.
 */
const plainAsIs = (value: string) => !/[\t\r\n\f\u200b]| {2}|^ | $/.test(value);
/** A link whose label is its address reads as the address alone: not what a layout with two slots writes. */
const linksDiffer = (content: MailContent) =>
  [...(content.items ?? []), ...(content.action ? [content.action] : []), ...(content.footer.choice ? [content.footer.choice] : [])].every(
    (link) => link.label.replace(/\n/g, "") !== link.url,
  );

/** A mail's subject, HTML and plain text: its shape's layout filled with its words (React whole where that could differ). */
export async function renderMail(content: MailContent): Promise<RenderedMail> {
  const values = slotValues(content);
  const urls = [...(content.items ?? []).map((item) => item.url), ...(content.action ? [content.action.url] : []), content.footer.choice?.url ?? "https://"];
  if (values.some((value) => value === "") || urls.some((url) => !/^https?:\/\//.test(url))) return renderMailWithReact(content);
  const layout = await layoutOf(content);
  let html = layout.html[0]!;
  values.forEach((value, index) => (html += (index === 0 ? preview(value) : escape(value)) + layout.html[index + 1]!));
  // React's HTML goes through UTF-8 (TextEncoder): a lone half of a surrogate pair comes out as U+FFFD.
  html = html.replace(LONE_SURROGATE, "\uFFFD");
  if (!linksDiffer(content) || layout.textSlots.some((slot) => !plainAsIs(values[slot]!))) return { subject: content.subject, html, text: toPlainText(html) };
  let text = layout.text[0]!;
  layout.textSlots.forEach((slot, index) => (text += values[slot]!.replace(LONE_SURROGATE, "\uFFFD") + layout.text[index + 1]!));
  return { subject: content.subject, html, text };
}
