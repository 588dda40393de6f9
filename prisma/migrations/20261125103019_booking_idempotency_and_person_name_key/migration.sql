-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "idempotencyKey" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "Booking_partnerId_idempotencyKey_key" ON "Booking"("partnerId", "idempotencyKey");

-- Hand-written: "the same person", as lib/booking compares guests of one structure on one session:
-- case, accents, spaces, hyphens and apostrophes do not make two people. The one definition of it.
CREATE FUNCTION person_name_key(first_name text, last_name text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT btrim(regexp_replace(
    regexp_replace(lower(normalize(first_name || ' ' || last_name, NFD)), '[\u0300-\u036f]', '', 'g'),
    '[\s''’.-]+', ' ', 'g'))
$$;
