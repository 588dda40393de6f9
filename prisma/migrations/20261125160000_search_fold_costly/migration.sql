-- Issue 14, decision 010: search_fold() as a SQL function was inlined by the planner, which then costed
-- folding every event's description as nearly free and read them all (180 ms for "atelier" on the national
-- data) rather than its trigram index. As PL/pgSQL it is not inlined and its COST says what folding a long
-- text costs: the index is used (17 ms). The indexes are rebuilt on the new function.
DROP INDEX IF EXISTS "Event_search_trgm";
DROP INDEX IF EXISTS "Venue_search_trgm";

CREATE OR REPLACE FUNCTION search_fold(value text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000
AS $$
BEGIN
  RETURN translate(lower(value), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ', 'aaaaaaceeeeiiiinooooouuuuyyoa');
END
$$;

CREATE INDEX "Event_search_trgm" ON "Event" USING gin (search_fold("title" || ' ' || "description") gin_trgm_ops);
CREATE INDEX "Venue_search_trgm" ON "Venue" USING gin (search_fold("name" || ' ' || "city") gin_trgm_ops);
