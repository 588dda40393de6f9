-- Issue 26.6, decision 006: names that differ only by typography are one person. The key of 20261125103019
-- set aside only spaces, ' ’ . and the ASCII hyphen, and turned them into a space: "Jean‑Pierre" (U+2011),
-- "NʼDiaye" (U+02BC), "NDiaye" against "N'Diaye", "Lætitia" against "Laetitia" were two people.
-- Now, for each of the first and the last name: compatibility decomposition (NFKD: "ĳ" is "ij", a
-- full-width hyphen is "-"), accents dropped, the ligatures æ œ ß (which NFKD keeps) spelled out, and every
-- space, dash, hyphen, apostrophe, quote used as an apostrophe and dot removed, not turned into a space,
-- so that "N'Diaye" = "NDiaye" and "Jean-Pierre" = "Jean Pierre" = "JeanPierre". The two names stay
-- apart ("Ana Sow" is not "Anas Ow"). Still the one definition: lib/booking and lib/activities call it.
--
-- The unique index of activities was built on this function: it goes (an activity's registration is keyed
-- on its number, never on a name: issue 27.8, migration 20261206170000, which drops it too).
DROP INDEX IF EXISTS "ActivityRegistration_one_per_name";

-- One function, with nothing of its own to call: PostgreSQL (17 and later) builds an expression index with
-- the search path reduced to pg_catalog, where a helper function of ours would not be found.
CREATE OR REPLACE FUNCTION person_name_key(first_name text, last_name text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT string_agg(regexp_replace(
    translate(
      replace(replace(replace(
        regexp_replace(lower(normalize(name, NFKD)), '[\u0300-\u036f]', '', 'g'),
        'æ', 'ae'), 'œ', 'oe'), 'ß', 'ss'),
      'øłđħı', 'oldhi'),
    -- Spaces; apostrophes and what is typed for one (U+0027 U+2019 U+2018 U+201B U+02BC U+02BB U+02BD
    -- U+02B9 U+2032 U+0060 U+00B4 U+A78C); dots (U+002E U+00B7 U+2027); dashes and hyphens (U+2010 to
    -- U+2015, U+2212 minus, U+2043, U+00AD soft hyphen, U+FE58, U+FE63, U+FF0D, U+002D).
    '[[:space:]\u0027\u2019\u2018\u201b\u02bc\u02bb\u02bd\u02b9\u2032\u0060\u00b4\ua78c\u002e\u00b7\u2027\u2010-\u2015\u2212\u2043\u00ad\ufe58\ufe63\uff0d\u002d]+',
    '', 'g'), ' ' ORDER BY part)
  FROM unnest(ARRAY[first_name, last_name]) WITH ORDINALITY AS names(name, part)
$$;
