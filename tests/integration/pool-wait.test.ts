// A server under a burst has every connection of its pool busy for a moment. A transaction opened then
// waits its turn (up to TRANSACTION_MAX_WAIT_MS) instead of failing after Prisma's default 2 s: a
// sign-in, a wish or a cancellation during an opening rush is slow, not lost. Seen failing under load
// before (auth-hardening's "twenty wrong passwords at once", wishes' "60 wishes at once").
import type pg from "pg";
import { takeAttempt } from "@/lib/auth/throttle";
import { getPool, getPrisma } from "@/lib/db/client";
import { poolSettings } from "@/lib/db/pool-settings";

it("a transaction waits for a free connection longer than Prisma's default two seconds", async () => {
  await getPrisma().$queryRaw`SELECT 1`;
  const held: pg.PoolClient[] = await Promise.all(Array.from({ length: poolSettings().poolSize }, () => getPool().connect()));
  try {
    const attempt = takeAttempt([["email", "attente@exemple.test"]]);
    const outcome = attempt.then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error: String(error) }),
    );
    // Every connection stays busy for 2.5 s: past Prisma's default wait.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    held.splice(0).forEach((client) => client.release());
    await expect(outcome).resolves.toMatchObject({ ok: true, value: { ids: [expect.any(BigInt)] } });
  } finally {
    held.forEach((client) => client.release());
  }
}, 30_000);
