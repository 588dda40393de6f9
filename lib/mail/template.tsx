// The one layout of every mail the platform sends, as React components (react-email): HTML for mail
// readers and plain text from the same tree, the association's footer, and one clear action. What each
// kind of mail says is in compose.ts and content/*.ts; the words are in the message catalog (messages/fr/mail.json).
import "server-only";
import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text, render } from "@react-email/components";

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

function Mail({ content }: { content: MailContent }) {
  return (
    <Html lang="fr">
      <Head />
      <Preview>{content.paragraphs[0] ?? content.subject}</Preview>
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

export async function renderMail(content: MailContent): Promise<{ subject: string; html: string; text: string }> {
  const element = <Mail content={content} />;
  const [html, plain] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: content.subject, html, text: plain };
}
