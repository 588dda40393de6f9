// The app's public address, for links that leave it (mails, invitations, the visitor's poster): one
// definition so that a link built anywhere points at the same server (issue 28.1: it lived among the
// mails' words, and invitations reached into lib/mail for it).

/** The public address of the app (NEXTAUTH_URL, or this machine in development) followed by `path`. */
export function appUrl(path: string): string {
  const base = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return new URL(path, base).toString();
}
