// Reading a venue's agenda from its own server (issue 33.1, decision 024). The address is typed by a
// venue, so the platform's server is made to call wherever it says: http(s) only, a time-out, a size cap,
// at most three redirects (each checked again), and never a private, loopback or link-local address (a
// request forged to reach the platform's own network). The check is made on the address the connection
// really uses (the socket's DNS lookup), so a name that resolves elsewhere the second time gains nothing.
// Tests and the demo serve their calendars on this machine: SEASON_IMPORT_ALLOW_PRIVATE=1 lets them.
import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { RuleViolation } from "@/lib/errors";

export const SOURCE_LIMITS = { maxBytes: 2 * 1024 * 1024, timeoutMs: 15_000, maxRedirects: 3 };

/** Loopback, private (RFC 1918, unique local), link-local, carrier-grade NAT, "this network", multicast. */
export function isPrivateAddress(address: string): boolean {
  if (net.isIPv6(address)) {
    const lower = address.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    if (mapped) return isPrivateAddress(mapped[1]!);
    const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
    if (hex) {
      const [high, low] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
      return isPrivateAddress(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
    }
    return lower === "::" || lower === "::1" || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || /^ff/.test(lower);
  }
  const [a = 0, b = 0] = address.split(".").map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a >= 224 ||
    (a === 100 && b >= 64 && b < 128) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b < 32) ||
    (a === 192 && b === 168)
  );
}

const privateAllowed = () => process.env.SEASON_IMPORT_ALLOW_PRIVATE === "1";

/** The socket's lookup: resolves as usual, then refuses a private address unless allowed. */
const checkedLookup: net.LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 4);
    const list = addresses as dns.LookupAddress[];
    const refused = !privateAllowed() && list.some((entry) => isPrivateAddress(entry.address));
    if (refused) return callback(Object.assign(new Error("private address"), { code: "SOURCE_PRIVATE" }), "", 4);
    if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
};

function checkedUrl(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new RuleViolation("SOURCE_BAD_ADDRESS", "Cette adresse n'est pas une adresse web (http ou https).");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new RuleViolation("SOURCE_BAD_ADDRESS", "Cette adresse n'est pas une adresse web (http ou https).");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(host) && isPrivateAddress(host) && !privateAllowed())
    throw new RuleViolation("SOURCE_PRIVATE", "Cette adresse mène à un réseau privé : la plateforme ne la lit pas.");
  return url;
}

const unreachable = () => new RuleViolation("SOURCE_UNREACHABLE", "L'agenda est injoignable : vérifiez l'adresse, ou réessayez plus tard.");

function getOnce(url: URL, limits: typeof SOURCE_LIMITS): Promise<{ status: number; location?: string; body: Buffer; type: string }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.get(url, {
      lookup: checkedLookup,
      headers: { accept: "text/calendar, application/json;q=0.9, */*;q=0.5", "user-agent": "billetterie-solidaire" },
    });
    const timer = setTimeout(() => {
      request.destroy(new RuleViolation("SOURCE_TIMEOUT", "L'agenda a mis trop de temps à répondre : réessayez plus tard."));
    }, limits.timeoutMs);
    request.on("error", (error: Error & { code?: string }) => {
      clearTimeout(timer);
      if (error instanceof RuleViolation) reject(error);
      else if (error.code === "SOURCE_PRIVATE")
        reject(new RuleViolation("SOURCE_PRIVATE", "Cette adresse mène à un réseau privé : la plateforme ne la lit pas."));
      else reject(unreachable());
    });
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      const type = String(response.headers["content-type"] ?? "");
      if (status >= 300 && status < 400) {
        response.resume();
        clearTimeout(timer);
        return resolve({ status, location: response.headers.location, body: Buffer.alloc(0), type });
      }
      const declared = Number(response.headers["content-length"] ?? 0);
      const tooLarge = () =>
        new RuleViolation("SOURCE_TOO_LARGE", `L'agenda dépasse ${Math.round(limits.maxBytes / 1024 / 1024)} Mo : la plateforme ne le lit pas.`, {
          megabytes: Math.round(limits.maxBytes / 1024 / 1024),
        });
      if (declared > limits.maxBytes) return request.destroy(tooLarge());
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) request.destroy(tooLarge());
        else chunks.push(chunk);
      });
      response.on("end", () => {
        clearTimeout(timer);
        resolve({ status, body: Buffer.concat(chunks), type });
      });
      response.on("error", () => undefined);
    });
  });
}

/** The bytes at `address` (redirects followed, each checked again), or a RuleViolation in French saying why not. */
export async function fetchSourceBytes(address: string, limits = SOURCE_LIMITS): Promise<{ body: Buffer; type: string }> {
  let url = checkedUrl(address);
  for (let hop = 0; ; hop++) {
    const answer = await getOnce(url, limits);
    if (answer.status >= 300 && answer.status < 400 && answer.location) {
      if (hop >= limits.maxRedirects) throw unreachable();
      url = checkedUrl(new URL(answer.location, url).toString());
      continue;
    }
    if (answer.status === 401 || answer.status === 403)
      throw new RuleViolation("SOURCE_REFUSED", "L'agenda refuse la lecture : vérifiez la clé ou les droits de partage.");
    if (answer.status < 200 || answer.status >= 300) throw unreachable();
    return answer;
  }
}

/** The text at `address`, or a RuleViolation in French saying why not. */
export async function fetchSourceText(address: string, limits = SOURCE_LIMITS): Promise<{ body: string; type: string }> {
  const { body, type } = await fetchSourceBytes(address, limits);
  return { body: body.toString("utf8"), type };
}
