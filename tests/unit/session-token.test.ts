// The session cookie read with the derived key remembered (lib/auth/session-token.ts) must read exactly
// what next-auth 4 writes, and refuse what it would refuse.
import { encode, getToken } from "next-auth/jwt";
import { decodeSessionToken } from "@/lib/auth/session-token";

const secret = "un-secret-de-test-assez-long-pour-hkdf";
/** The same token with one character of its ciphertext changed. */
function tamper(token: string): string {
  const parts = token.split(".");
  const text = parts[3]!;
  const middle = Math.floor(text.length / 2);
  parts[3] = text.slice(0, middle) + (text[middle] === "A" ? "B" : "A") + text.slice(middle + 1);
  return parts.join(".");
}

const claims = { kind: "user", userId: "0195f3c2-7a4e-7b1d-9c3e-5a6b7c8d9e0f", sessionVersion: 3 };

describe("the session cookie", () => {
  it("reads the claims of a token next-auth wrote, again and again", async () => {
    const token = await encode({ token: claims, secret });
    for (let i = 0; i < 3; i++) expect(await decodeSessionToken({ token, secret })).toMatchObject(claims);
  });

  it("reads a token written with a salt, and keeps the keys of two secrets apart", async () => {
    const salted = await encode({ token: claims, secret, salt: "autre-cookie" });
    expect(await decodeSessionToken({ token: salted, secret, salt: "autre-cookie" })).toMatchObject(claims);
    await expect(decodeSessionToken({ token: salted, secret })).rejects.toThrow();
    const other = await encode({ token: claims, secret: "un-autre-secret-tout-aussi-long" });
    await expect(decodeSessionToken({ token: other, secret })).rejects.toThrow();
  });

  it("refuses a token altered or expired, and gives nothing for no token", async () => {
    const token = await encode({ token: claims, secret });
    await expect(decodeSessionToken({ token: tamper(token), secret })).rejects.toThrow();
    const expired = await encode({ token: claims, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow();
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });

  it("gives getToken the claims of the cookie, and no session for a forged one", async () => {
    const token = await encode({ token: claims, secret });
    const request = (value: string) => ({ cookies: { "next-auth.session-token": value }, headers: {} }) as never;
    expect(await getToken({ req: request(token), secret, decode: decodeSessionToken })).toMatchObject(claims);
    expect(await getToken({ req: request(tamper(token)), secret, decode: decodeSessionToken })).toBeNull();
  });
});
