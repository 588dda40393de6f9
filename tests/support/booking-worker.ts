// A separate Node process that fires booking requests at the database of DATABASE_URL, for the test that
// spreads a burst over two processes (as two app servers would). Prints one JSON line of outcomes.
//   tsx tests/support/booking-worker.ts <sessionId> <partners as JSON [{partnerId, userId}]> <count> <seed>
import "../../scripts/lib/allow-server-only";
import { requestBooking } from "@/lib/booking/request";
import { disconnectPrisma } from "@/lib/db/client";

async function main() {
  const [sessionId, partnersJson, countText, seedText] = process.argv.slice(2);
  const partners = JSON.parse(partnersJson!) as { partnerId: string; userId: string }[];
  const count = Number(countText);
  let seed = Number(seedText);
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const outcomes: Record<string, number> = {};
  const errors: string[] = [];
  await Promise.all(
    Array.from({ length: count }, async () => {
      const partner = partners[Math.floor(random() * partners.length)]!;
      const places = 1 + Math.floor(random() * 3);
      try {
        const result = await requestBooking(
          { kind: "user", role: "PARTNER", userId: partner.userId, partnerId: partner.partnerId },
          {
            sessionId,
            partnerId: partner.partnerId,
            ifShort: random() < 0.5 ? "SPLIT" : "WAITLIST",
            // Other people at each request: a person holds one place per session.
            guests: Array.from({ length: places }, (_, i) => ({
              firstName: `Invité ${"abc"[i]}`,
              lastName: `Test ${seedText} ${random().toString(36).replace(/[\d.]/g, "")}`,
              kind: i === 0 ? "MAIN" : "FAMILY_OR_FRIEND",
            })),
          },
        );
        outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
      } catch (error) {
        errors.push(String((error as Error).message));
      }
    }),
  );
  await disconnectPrisma();
  console.log(JSON.stringify({ outcomes, errors }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
