-- Issue 34.1: the language a person reads, for their texts and invitation (null: French).
ALTER TABLE "Person" ADD COLUMN "language" TEXT;
