-- AlterTable
ALTER TABLE "ActivityRegistration" DROP COLUMN "nameKey";

-- Hand-written: one registration per person and activity, by the project's one rule for "the same person"
-- (person_name_key, as lib/booking), instead of a key column kept by the app.
CREATE UNIQUE INDEX "ActivityRegistration_one_per_name" ON "ActivityRegistration" ("activityId", person_name_key("firstName", "lastName")) WHERE "status" <> 'CANCELLED';
