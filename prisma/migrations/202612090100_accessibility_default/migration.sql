-- An event or a venue written without its accessibility list (in SQL: an import, a bench's staging) had
-- NULL there, which the catalogue's pages did not expect (the visitor's offer answered 500). The list
-- now defaults to none, as Prisma writes it, and the rows written so are mended.

-- AlterTable
ALTER TABLE "Event" ALTER COLUMN "accessibility" SET DEFAULT ARRAY[]::"Accessibility"[];

-- AlterTable
ALTER TABLE "Venue" ALTER COLUMN "accessibility" SET DEFAULT ARRAY[]::"Accessibility"[];

UPDATE "Event" SET "accessibility" = ARRAY[]::"Accessibility"[] WHERE "accessibility" IS NULL;
UPDATE "Venue" SET "accessibility" = ARRAY[]::"Accessibility"[] WHERE "accessibility" IS NULL;
