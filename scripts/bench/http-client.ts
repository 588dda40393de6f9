// The benches' HTTP client of an app server, with no side effect at import (scripts/bench/app-server.ts
// starts and cleans up servers; scripts/bench/pages.ts has its own start-up and uses only this): a
// request on a kept-alive agent, next-auth's sign-in as the forms do it, a free port.
import http from "node:http";
import { performance } from "node:perf_hooks";
import { demoAccounts } from "../../prisma/seed/catalog";

/** What the client needs of a server. */
export interface Server {
  name: string;
  port: number;
  agent: http.Agent;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

export function request(
  server: Pick<Server, "port" | "agent">,
  method: "GET" | "POST",
  urlPath: string,
  cookie = "",
  body?: string,
  retried = false,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const headers: http.OutgoingHttpHeaders = { cookie, accept: "text/html,*/*", "accept-language": "fr-FR" };
    if (body !== undefined) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      headers["content-length"] = Buffer.byteLength(body);
    }
    const req = http.request({ host: "127.0.0.1", port: server.port, method, path: urlPath, agent: server.agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - t0 }),
      );
      res.on("error", reject);
    });
    req.setTimeout(120_000, () => req.destroy(new Error(`pas de réponse en 120 s : ${urlPath}`)));
    req.on("error", (error: NodeJS.ErrnoException) => {
      // A kept-alive connection the server closed just as it was reused: asked again, once, on a new one.
      if (req.reusedSocket && !retried && (error.code === "ECONNRESET" || error.code === "EPIPE")) {
        request(server, method, urlPath, cookie, body, true).then(resolve, reject);
      } else {
        reject(error);
      }
    });
    req.end(body);
  });
}

const cookiePairs = (headers: http.IncomingHttpHeaders) => (headers["set-cookie"] ?? []).map((line) => line.split(";")[0]!);

/** Signs in through one of next-auth's credentials providers, as the sign-in page's forms do; returns the cookies. */
async function signInWith(server: Server, provider: "credentials" | "visitor", fields: Record<string, string>): Promise<string> {
  const csrf = await request(server, "GET", "/api/auth/csrf");
  if (csrf.status !== 200) throw new Error(`/api/auth/csrf : ${csrf.status}`);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const jar = new Map(cookiePairs(csrf.headers).map((pair) => [pair.split("=")[0]!, pair]));
  const form = new URLSearchParams({ csrfToken, ...fields, callbackUrl: "/", json: "true" }).toString();
  const answer = await request(server, "POST", `/api/auth/callback/${provider}`, [...jar.values()].join("; "), form);
  for (const pair of cookiePairs(answer.headers)) jar.set(pair.split("=")[0]!, pair);
  if (![...jar.keys()].some((name) => name.endsWith("next-auth.session-token"))) {
    throw new Error(`connexion (${provider}) refusée sur le serveur ${server.name} (${answer.status} ${answer.body.slice(0, 200)})`);
  }
  return [...jar.values()].join("; ");
}

/** A demo account's cookies. */
export const signIn = (server: Server, email: string) => signInWith(server, "credentials", { email, password: demoAccounts.password });

/** A visitor's cookies: a structure's access code, as a person supported types it (the demo's by default). */
export const signInAsVisitor = (server: Server, code: string = demoAccounts.visitorCode) => signInWith(server, "visitor", { code });

export { freePort } from "../../lib/db/embedded";
