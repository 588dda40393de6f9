// The address of the client, for the per-address limits (sign-in, visitor codes, forgotten passwords).
// Whatever X-Forwarded-For a client sends is a claim, not a fact: the only address known for sure is
// the one of the socket, i.e. the client itself or the last proxy. The app's server (scripts/server.ts)
// walks back TRUSTED_PROXIES hops from the socket through X-Forwarded-For (default 0: the socket's
// address), and hands the result to the app in a header signed with NEXTAUTH_SECRET, so that a client
// cannot set it, and a server started without it (next dev) falls back to "unknown" rather than to a
// header the client wrote.
import { createHmac, timingSafeEqual } from "node:crypto";

export const CLIENT_ADDRESS_HEADER = "x-billetterie-client-address";
const UNKNOWN = "inconnue";

/** How many proxies of ours stand in front of the app (TRUSTED_PROXIES, default none). */
export function trustedProxies(): number {
  const count = Number(process.env.TRUSTED_PROXIES ?? 0);
  return Number.isInteger(count) && count >= 0 ? count : 0;
}

/**
 * The socket's address is the last hop; each trusted proxy appended the address it saw to
 * X-Forwarded-For. Walking back `proxies` hops from the socket gives the first address no trusted
 * party vouches against; anything further left was written by the client.
 */
export function clientAddressOf(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, proxies: number): string {
  const claimed = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = [...claimed, socketAddress ?? UNKNOWN];
  return normalize(chain[Math.max(0, chain.length - 1 - proxies)]!);
}

/** "::ffff:10.0.0.1" and "10.0.0.1" are one client; nothing but an address's characters is kept. */
function normalize(address: string): string {
  const plain = address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1").toLowerCase();
  return /^[0-9a-f:.]{2,45}$/.test(plain) ? plain : UNKNOWN;
}

function signature(address: string, secret: string): string {
  return createHmac("sha256", secret).update(`client-address:${address}`).digest("base64url");
}

/** The header's value for an address: the address and its signature. */
export function signClientAddress(address: string, secret = process.env.NEXTAUTH_SECRET ?? ""): string {
  return `${address} ${signature(address, secret)}`;
}

/** The client's address from the app's signed header; "inconnue" when missing or not ours. */
export function clientAddress(headers: { get(name: string): string | null } | Record<string, string | string[] | undefined> | undefined): string {
  const raw = typeof headers?.get === "function" ? headers.get(CLIENT_ADDRESS_HEADER) : (headers as Record<string, string | string[] | undefined> | undefined)?.[CLIENT_ADDRESS_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const secret = process.env.NEXTAUTH_SECRET;
  if (!value || !secret) return UNKNOWN;
  const [address, signed] = value.split(" ");
  if (!address || !signed) return UNKNOWN;
  const expected = Buffer.from(signature(address, secret));
  const given = Buffer.from(signed);
  return expected.length === given.length && timingSafeEqual(expected, given) ? address : UNKNOWN;
}
