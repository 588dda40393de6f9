// next-auth (v4) configuration: two credential providers, one for accounts (email and password) and
// one for visitors (a structure's access code), and JWT sessions. The token carries only identifiers
// and versions; lib/auth/current.ts rebuilds the actor from the database on every request, so a
// deactivated account or a renewed visitor code stops working at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientAddress } from "@/lib/http/client-address";
import { verifyCredentials } from "./sign-in";
import { openVisitorAccess } from "./visitor";

type Headers = Record<string, string | string[] | undefined> | undefined;

/** The client's address as the app's server established it (never a header the client wrote). */
const clientIp = (headers: Headers) => clientAddress(headers);

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 3600 },
  pages: { signIn: "/connexion", error: "/connexion" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "E-mail et mot de passe",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const result = await verifyCredentials({ email: credentials?.email, password: credentials?.password }, clientIp(req?.headers as Headers));
        // The error's message travels to the sign-in form as a code, never as a hint about the account.
        if (!result.ok) throw new Error(result.reason);
        return { id: result.userId, kind: "user", sessionVersion: result.sessionVersion };
      },
    }),
    CredentialsProvider({
      id: "visitor",
      name: "Code visiteur",
      credentials: { code: { type: "text" } },
      async authorize(credentials, req) {
        const access = await openVisitorAccess(credentials?.code, clientIp(req?.headers as Headers));
        if (!access.ok) throw new Error(access.reason);
        return { id: `visitor:${access.partnerId}`, kind: "visitor", partnerId: access.partnerId, codeVersion: access.codeVersion, session: access.session };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const signedIn = user as unknown as {
          id: string;
          kind: "user" | "visitor";
          sessionVersion?: number;
          partnerId?: string;
          codeVersion?: number;
          session?: string;
        };
        token.kind = signedIn.kind;
        token.openedAt = Date.now();
        if (signedIn.kind === "user") {
          token.userId = signedIn.id;
          token.sessionVersion = signedIn.sessionVersion;
        } else {
          token.partnerId = signedIn.partnerId;
          token.codeVersion = signedIn.codeVersion;
          token.visitorSession = signedIn.session;
        }
      }
      return token;
    },
    async session({ session, token }) {
      // The browser learns nothing it could use: the actor is rebuilt on the server.
      return { ...session, kind: token.kind };
    },
  },
};
