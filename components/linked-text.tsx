// A mail's text as the outbox shows it, its web addresses clickable (issue 29.10: the demo, with no mail
// server, keeps every mail there, and a link had to be copied by hand). Only http(s) addresses become links;
// the rest stays text, escaped by React.
const ADDRESS = /https?:\/\/[^\s<>"')\]]+/g;

export function LinkedText({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    // A sentence's full stop or comma after an address is not part of it.
    const address = match[0].replace(/[.,;:!?]+$/, "");
    parts.push(
      text.slice(last, match.index),
      <a key={match.index} href={address} className="text-brand-800 underline">
        {address}
      </a>,
    );
    last = match.index + address.length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}
