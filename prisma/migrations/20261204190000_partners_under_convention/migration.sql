-- Hand-written: the structures that may book at a moment, as a set. partner_convention_valid asked it of
-- one structure at a time; the pages that ask it of every structure (the membership campaign: 4,200
-- calls at national scale, 62 ms) now join this set instead. The rule stays written once: here, and
-- partner_convention_valid asks this set about one structure. As a plain SQL set-returning function it is
-- inlined into the queries that use it (a hash join there, an index lookup on the structure in
-- partner_convention_valid). Issue 14, decision 010.
CREATE FUNCTION partners_under_convention(at timestamptz) RETURNS TABLE (partner_id uuid)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT c."partnerId" FROM "Convention" c
  WHERE c."validFrom" <= (at AT TIME ZONE 'Europe/Paris')::date
    AND c."validUntil" >= (at AT TIME ZONE 'Europe/Paris')::date
$$;

CREATE OR REPLACE FUNCTION partner_convention_valid(partner_id uuid, at timestamptz) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT EXISTS (SELECT 1 FROM partners_under_convention(at) v WHERE v.partner_id = partner_convention_valid.partner_id)
$$;
