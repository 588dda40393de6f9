-- Issue 35.2, decision 032: the memberships page and the accounts list read their figures and their page
-- from an index alone. The membership campaign's counts (every view of /admin/adhesions) read the season's
-- memberships and the structures under convention without visiting the tables; the accounts list's default
-- order (role, then name) walks its index and stops at the page instead of sorting the 5,700 referents.
-- The role's index gives way to the longer one, which serves everything it served.

-- DropIndex
DROP INDEX "User_role_idx";

-- CreateIndex
CREATE INDEX "Convention_valid_partner_idx" ON "Convention"("validUntil", "validFrom", "partnerId");

-- CreateIndex
CREATE INDEX "Membership_campaign_idx" ON "Membership"("season", "partnerId", "status", "amountCents");

-- CreateIndex
CREATE INDEX "User_role_name_idx" ON "User"("role", "name", "id");
