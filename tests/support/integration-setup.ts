import { disconnectPrisma } from "@/lib/db/client";

// Keys of a test run: made up here, like the demo's are generated at first start.
process.env.INVITATION_SIGNING_KEY ??= "test-invitation-signing-key-0123456789abcdef";
process.env.INVITATION_ED25519_KEY ??= "dGVzdC1pbnZpdGF0aW9uLWVkMjU1MTkta2V5LTAxMjM";
process.env.NEXTAUTH_SECRET ??= "test-nextauth-secret-0123456789abcdef0123456789";
// The tests run as the demo does (npm run demo, as the e2e run): the outbox shows single-use links
// (tests/integration/outbox-links.test.ts checks it does not under npm start).
process.env.BILLETTERIE_DEMO ??= "1";

afterAll(async () => {
  await disconnectPrisma();
});
