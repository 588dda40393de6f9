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
  const raw =
    typeof headers?.get === "function"
      ? headers.get(CLIENT_ADDRESS_HEADER)
      : (headers as Record<string, string | string[] | undefined> | undefined)?.[CLIENT_ADDRESS_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const secret = process.env.NEXTAUTH_SECRET;
  if (!value || !secret) return UNKNOWN;
  const [address, signed] = value.split(" ");
  if (!address || !signed) return UNKNOWN;
  const expected = Buffer.from(signature(address, secret));
  const given = Buffer.from(signed);
  return expected.length === given.length && timingSafeEqual(expected, given) ? address : UNKNOWN;
}

/**
 * The part of an address that names one client for the per-address limits (issue 27.4): an IPv6
 * address's /64, since a household, an office or a single machine is given a whole /64 and picks any
 * address in it (RFC 6177, privacy addresses); an IPv4 address whole. Anything else is kept as it is.
 */
export function addressBlock(address: string): string {
  if (!address.includes(":")) return address;
  const groups = ipv6Groups(address);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : address;
}

/** The eight groups of an IPv6 address, without leading zeros; null if it is not one. */
function ipv6Groups(address: string): string[] | null {
  let text = address.toLowerCase();
  // A dotted IPv4 tail (::ffff:192.0.2.1, 64:ff9b::192.0.2.1) stands for the last two groups.
  const tail = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (tail) {
    const bytes = tail.slice(1).map(Number);
    if (bytes.some((byte) => byte > 255)) return null;
    text = `${text.slice(0, tail.index)}${((bytes[0]! << 8) | bytes[1]!).toString(16)}:${((bytes[2]! << 8) | bytes[3]!).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const rest = halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  return groups.every((group) => /^[0-9a-f]{1,4}$/.test(group)) ? groups.map((group) => parseInt(group, 16).toString(16)) : null;
}
