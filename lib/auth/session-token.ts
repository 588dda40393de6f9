// Reading the session cookie, as next-auth's own decode does (an encrypted JWT, A256GCM, its key derived
// from NEXTAUTH_SECRET by HKDF), with the derived key remembered. next-auth derives it again for every
// request, on libuv's thread pool: the derivation and its round trip took about 2 % of the servers' CPU in
// a burst of bookings (npm run bench:burst), for a key that never changes while the secret does not.
// next-auth 4 writes the cookie (lib/auth/options.ts); tests/unit/session-token.test.ts reads its tokens here.
import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams } from "next-auth/jwt";

const keys = new Map<string, Uint8Array>();

/** next-auth 4's getDerivedEncryptionKey, once per secret and salt. */
function encryptionKey(secret: string | Buffer, salt: string): Uint8Array {
  const id = `${salt}\u0000${String(secret)}`;
  let key = keys.get(id);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`, 32));
    keys.set(id, key);
  }
  return key;
}

/** getToken's `decode`: the claims, or an error that getToken turns into "no session". */
export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, encryptionKey(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}
