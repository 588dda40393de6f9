// Issue 35.2, decision 032: the statements every view of the two heaviest back-office pages sends read an
// index that answers them, checked on the plan PostgreSQL chooses at a national network's size (the rows
// added here, then removed). In a file of their own: a fresh database, whose tables VACUUM can settle.
import { accountPageSql, readAccountFilters } from "@/lib/auth/account-list";
import { membershipCampaignSql } from "@/lib/association/memberships";
import { getPrisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { planOf } from "../support/plans";

jest.setTimeout(60_000);

describe("the memberships page (/admin/adhesions)", () => {
  it("reads the season's memberships and the structures under convention from their indexes alone", async () => {
    // A national network's size (3,000 structures under convention, each with memberships in two seasons
    // of their own), removed after: at that size the tables' reads were most of the statement's 6 ms.
    const prisma = getPrisma();
    const tag = `plan-${Date.now()}`;
    await prisma.$executeRaw`
      WITH p AS (
        INSERT INTO "Partner" ("id", "name", "sector", "updatedAt")
        SELECT gen_random_uuid(), ${tag} || n, 'SOCIAL', now() FROM generate_series(1, 3000) n RETURNING "id"
      ), c AS (
        INSERT INTO "Convention" ("id", "partnerId", "signedOn", "validFrom", "validUntil", "reference")
        SELECT gen_random_uuid(), p."id", DATE '2026-01-01', DATE '2026-01-01', DATE '2030-12-31', 'Convention n° ' || p."id" FROM p
      )
      INSERT INTO "Membership" ("id", "partnerId", "season", "status", "invitedAt", "remindedAt", "answeredAt", "joinedOn", "amountCents", "paymentMeans", "receiptNumber", "updatedAt")
      SELECT gen_random_uuid(), p."id", season, 'MEMBER', now(), now(), now(), now(), 1000, 'Virement', 'Reçu n° ' || p."id", now()
      FROM p, (VALUES (2039), (2040)) s (season)`;
    try {
      const plan = await planOf(membershipCampaignSql(2040, new Date("2041-01-15T10:00:00Z")), ["Partner", "Convention", "Membership"]);
      expect(plan).toContain('Index Only Scan using "Membership_campaign_idx"');
      expect(plan).toContain('Index Only Scan using "Convention_valid_partner_idx"');
      // Neither table itself is visited.
      expect(plan).not.toMatch(/(Seq Scan|Heap Scan|Index Scan using \S+) on "(Membership|Convention)"/);
    } finally {
      await prisma.$executeRaw`DELETE FROM "Partner" WHERE "name" LIKE ${`${tag}%`}`;
    }
  });
});

describe("the accounts list (/comptes)", () => {
  it("finds the first page in the default order by walking an index that stops at the page (issue 35.2)", async () => {
    // A national network's 7,000 accounts, 3,000 of them here (removed after): ordered by role then name,
    // the role's index alone read every account of a role to sort them by name, on every view of /comptes.
    const tok = `${Date.now()}`;
    const prisma = getPrisma();
    await prisma.$executeRaw`
      INSERT INTO "User" ("id", "email", "name", "role", "updatedAt")
      SELECT gen_random_uuid(), 'plan-' || n || '-' || ${tok} || '@exemple.test', 'Plan ' || n, 'ADMIN', now() FROM generate_series(1, 3000) n`;
    try {
      const plan = await planOf(accountPageSql(Prisma.sql`TRUE`, readAccountFilters({}), 25), ["User"]);
      // The page's 25 ids straight from the index, in its order: no sort of a role's accounts.
      expect(plan).toMatch(/Index (Only )?Scan using "User_role_name_idx"/);
      expect(plan).not.toContain("Incremental Sort");
    } finally {
      await prisma.$executeRaw`DELETE FROM "User" WHERE "email" LIKE ${`plan-%-${tok}@exemple.test`}`;
    }
  });
});
