// Issue 35.2 ("mail keeps up"): React rendered the mail's layout twice per mail (HTML, then plain text),
// some 25 ms of the 22–140 ms a send-mail job took. The layout is now rendered once per shape (how many
// paragraphs, items and notes; an action or not; a link to the account's choices or not) with slots, and
// each mail fills it, escaped as React escapes. What leaves must be exactly what React would have written:
// checked here against React's own rendering on contents chosen to catch a difference (characters HTML
// escapes, a preview longer than its 150 characters, lists of every length, empty and odd values).
import { renderMail, renderMailWithReact, templateRenders, type MailContent } from "@/lib/mail/template";

const base: MailContent = {
  subject: "Réservation AB12-CD34 confirmée : Spectacle",
  greeting: "Bonjour Awa Diallo,",
  paragraphs: ["Votre réservation pour « Spectacle » est confirmée : 3 places.", "jeudi 31 décembre 2026 à 23 h 30"],
  action: { label: "Imprimer les invitations", url: "http://localhost:3000/api/bookings/1/invitation" },
  footer: {
    about: "Culture pour tous — la billetterie solidaire.",
    why: "Vous recevez ce courriel parce que…",
    choice: { label: "Choisir", url: "http://localhost:3000/mon-compte" },
  },
  signature: "L'équipe de Culture pour tous",
};

const tricky = `Tom & Jerry <b>"gras"</b> l'été ${"x".repeat(3)}  deux  espaces\net une ligne`;

/** Written by html-to-text as it is (no white space to fold): the text is filled too, not read from the HTML. */
const plain = `Tom & Jerry <b>"gras"</b> l'été &amp; 23\u202Fh\u00A030 😀 é`;

const contents: [string, MailContent][] = [
  [
    "characters HTML escapes, with no white space to fold",
    {
      ...base,
      subject: plain,
      greeting: plain,
      paragraphs: [plain, `${plain}.`],
      action: { label: plain, url: "http://localhost:3000/a?b=1&c=<2>&d='\"" },
      notes: [plain],
      items: [{ label: plain, url: "https://x.test/?a=1&b=2" }],
      footer: { about: plain, why: plain, choice: { label: plain, url: "https://x.test/?a=1&b=2" } },
      signature: plain,
    },
  ],
  ["white space at either end, or doubled", { ...base, greeting: " Bonjour", paragraphs: ["Un  deux", "trois "] }],
  ["a confirmation", base],
  [
    "characters HTML escapes, everywhere",
    {
      ...base,
      subject: tricky,
      greeting: tricky,
      paragraphs: [tricky, tricky],
      action: { label: tricky, url: "http://localhost:3000/a?b=1&c=<2>&d='\"" },
      notes: [tricky],
      footer: { about: tricky, why: tricky, choice: { label: tricky, url: "https://x.test/?a=1&b=2" } },
      signature: tricky,
    },
  ],
  ["a preview longer than 150 characters", { ...base, paragraphs: ["é".repeat(149) + "😀 et la suite", "b"] }],
  ["half of a surrogate pair in a paragraph", { ...base, paragraphs: ["a\uD83D b", "\uDE00c"] }],
  ["a preview of exactly 150 characters", { ...base, paragraphs: ["p".repeat(150)] }],
  ["a preview of 149 characters", { ...base, paragraphs: ["p".repeat(149)] }],
  ["no paragraph: the subject is the preview", { ...base, paragraphs: [] }],
  ["no action, notes, no account", { ...base, action: undefined, notes: ["Note une", "Note deux"], footer: { about: "À propos", why: "Parce que" } }],
  [
    "a digest's items",
    {
      ...base,
      items: [
        { label: "Un & deux", url: "http://localhost:3000/x" },
        { label: "Trois", url: "http://localhost:3000/y" },
      ],
    },
  ],
  ["no items in a list", { ...base, items: [] }],
  ["an empty paragraph (React writes no text there)", { ...base, paragraphs: ["Un", ""] }],
  ["a link that is not http", { ...base, action: { label: "Voir", url: "javascript:alert(1)" } }],
  ["a label that is its address but for a line break", { ...base, action: { label: "http://localhost:3000/x\n", url: "http://localhost:3000/x" } }],
  ["an action whose label is its address", { ...base, action: { label: "http://localhost:3000/x", url: "http://localhost:3000/x" } }],
];

describe("a mail's layout rendered once and filled", () => {
  it.each(contents)("writes exactly what React writes: %s", async (_, content) => {
    expect(await renderMail(content)).toEqual(await renderMailWithReact(content));
  });

  it("renders the layout once per shape, not once per mail", async () => {
    const shape = { ...base, paragraphs: ["Un", "Deux", "Trois", "Quatre", "Cinq"] };
    await renderMail(shape);
    const before = templateRenders();
    for (let i = 0; i < 20; i++) await renderMail({ ...shape, greeting: `Bonjour ${i},`, paragraphs: shape.paragraphs.map((p) => `${p} ${i}`) });
    expect(templateRenders()).toBe(before);
    await renderMail({ ...shape, paragraphs: ["Six paragraphes", ...shape.paragraphs] });
    expect(templateRenders()).toBe(before + 1);
  });
});
