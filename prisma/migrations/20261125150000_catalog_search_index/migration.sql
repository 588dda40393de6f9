-- Issue 14: the catalog's free text, served by an index. Accents and case are folded by one immutable
-- function (the same in the index and in lib/catalog/search.ts), and pg_trgm's GIN index answers
-- "contains" (LIKE '%…%') without reading every event. Decision 010.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE OR REPLACE FUNCTION search_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN translate(lower(value), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ', 'aaaaaaceeeeiiiinooooouuuuyyoa');

CREATE INDEX "Event_search_trgm" ON "Event" USING gin (search_fold("title" || ' ' || "description") gin_trgm_ops);
CREATE INDEX "Venue_search_trgm" ON "Venue" USING gin (search_fold("name" || ' ' || "city") gin_trgm_ops);
