-- Issue 35.1: the same key as 20261206120000 (decision 006), written as one expression of its two names
-- instead of an aggregate over them. PostgreSQL then inlines it into the statements that call it (a
-- booking request's locked read computes it for every guest named and every guest already booked by the
-- structure on the session), where the aggregate ran as a query of its own at each call: 2 to 4 times
-- faster a call, measured on the guests of a replayed season (the same keys for all 42,342 of them).
-- Nothing is stored with this key: no index or column to rebuild. The two names are folded by the same
-- expression written twice rather than by a helper function: an expression index on this function
-- (PostgreSQL 17 and later build them with the search path reduced to pg_catalog) would not find a
-- helper of ours (20261206120000).
CREATE OR REPLACE FUNCTION person_name_key(first_name text, last_name text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT regexp_replace(
           translate(
             replace(replace(replace(
               regexp_replace(lower(normalize(first_name, NFKD)), '[\u0300-\u036f]', '', 'g'),
               'æ', 'ae'), 'œ', 'oe'), 'ß', 'ss'),
             'øłđħı', 'oldhi'),
           -- Spaces; apostrophes and what is typed for one (U+0027 U+2019 U+2018 U+201B U+02BC U+02BB U+02BD
           -- U+02B9 U+2032 U+0060 U+00B4 U+A78C); dots (U+002E U+00B7 U+2027); dashes and hyphens (U+2010 to
           -- U+2015, U+2212 minus, U+2043, U+00AD soft hyphen, U+FE58, U+FE63, U+FF0D, U+002D).
           '[[:space:]\u0027\u2019\u2018\u201b\u02bc\u02bb\u02bd\u02b9\u2032\u0060\u00b4\ua78c\u002e\u00b7\u2027\u2010-\u2015\u2212\u2043\u00ad\ufe58\ufe63\uff0d\u002d]+',
           '', 'g')
         || ' ' ||
         regexp_replace(
           translate(
             replace(replace(replace(
               regexp_replace(lower(normalize(last_name, NFKD)), '[\u0300-\u036f]', '', 'g'),
               'æ', 'ae'), 'œ', 'oe'), 'ß', 'ss'),
             'øłđħı', 'oldhi'),
           '[[:space:]\u0027\u2019\u2018\u201b\u02bc\u02bb\u02bd\u02b9\u2032\u0060\u00b4\ua78c\u002e\u00b7\u2027\u2010-\u2015\u2212\u2043\u00ad\ufe58\ufe63\uff0d\u002d]+',
           '', 'g')
$$;
