-- Hand-written: the structures under convention at a moment, with that moment's day in Paris computed
-- once per query (an InitPlan) instead of once per convention. Written inline, PostgreSQL converted the
-- time zone for each of the 4,100 conventions of a national network, and that conversion was most of the scan
-- time: it took 3–5 ms of the membership campaign's 8, 0.6 ms with the day
-- computed once (issue 14, decision 010). The rule itself is unchanged.
CREATE OR REPLACE FUNCTION partners_under_convention(at timestamptz) RETURNS TABLE (partner_id uuid)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT c."partnerId" FROM "Convention" c
  WHERE c."validFrom" <= (SELECT (at AT TIME ZONE 'Europe/Paris')::date)
    AND c."validUntil" >= (SELECT (at AT TIME ZONE 'Europe/Paris')::date)
$$;
