-- AlterTable
ALTER TABLE "OutboxMail" ADD COLUMN     "sealedSecrets" TEXT;

-- Hand-written: mails written before this migration kept their single-use links in clear. Those links
-- are erased (they expire within a week anyway); new mails keep them sealed.
UPDATE "OutboxMail" SET "text" = regexp_replace("text", '(/mot-de-passe/)[A-Za-z0-9_-]+', '\1[lien effacé]', 'g')
WHERE "text" ~ '/mot-de-passe/[A-Za-z0-9_-]+';
