// Issue 27, point 4: the per-address limits (lib/auth/throttle.ts) count an IPv6 client by its /64, the
// block one household, office or machine gets (RFC 6177): twenty addresses of one /64 are one client.
import { LIMITS, takeAttempt } from "@/lib/auth/throttle";
import { addressBlock } from "@/lib/http/client-address";

const inOneBlock = (i: number) => `2001:db8:aa:bb:${(i + 1).toString(16)}::${i + 7}`;

it("counts twenty addresses of one /64 as one client", async () => {
  const answers: boolean[] = [];
  for (let i = 0; i < 20; i++) answers.push((await takeAttempt([["partnership-ip", inOneBlock(i)]])) !== null);
  expect(answers.filter(Boolean)).toHaveLength(LIMITS["partnership-ip"]);
  // Another /64 is another client; IPv4 addresses stay whole.
  expect(await takeAttempt([["partnership-ip", "2001:db8:aa:bc::1"]])).not.toBeNull();
  expect(await takeAttempt([["partnership-ip", "192.0.2.1"]])).not.toBeNull();
  expect(await takeAttempt([["partnership-ip", "192.0.2.2"]])).not.toBeNull();
});

it("writes one block however the address is written", () => {
  for (const written of ["2001:db8:aa:bb::1", "2001:0DB8:00aa:00bb:0:0:0:ff", "2001:db8:aa:bb:1:2:3:4", "2001:db8:aa:bb:ffff:ffff:192.0.2.1"]) {
    expect(addressBlock(written)).toBe("2001:db8:aa:bb::/64");
  }
  expect(addressBlock("::1")).toBe("0:0:0:0::/64");
  expect(addressBlock("2001:db8::")).toBe("2001:db8:0:0::/64");
  expect(addressBlock("192.0.2.1")).toBe("192.0.2.1");
  expect(addressBlock("inconnue")).toBe("inconnue");
  expect(addressBlock("1:2:3")).toBe("1:2:3");
});
