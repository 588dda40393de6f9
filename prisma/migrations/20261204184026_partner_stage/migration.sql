-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "stage" TEXT NOT NULL DEFAULT 'REQUEST_RECEIVED',
ADD COLUMN     "stageAt" TIMESTAMPTZ(3);

-- Hand-written: a structure's current step in the partnership, derived from its append-only history
-- (its latest step; a "declined" meeting is its own stage) or, with no step at all, from whether a
-- convention exists. It was computed for every structure on every view of the association's home and
-- pipeline (4,200 correlated lookups at national scale): it is now kept on the structure by triggers on
-- the steps and conventions, whatever writes them, and read from an index (issue 14, decision 010).
CREATE FUNCTION partner_stage_of(partner_id uuid) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT coalesce(
    (SELECT CASE WHEN st."kind" = 'MEETING_HELD' AND st."data"->>'decision' = 'DECLINED' THEN 'DECLINED' ELSE st."kind"::text END
     FROM "OnboardingStep" st WHERE st."partnerId" = partner_id ORDER BY st."at" DESC, st."id" DESC LIMIT 1),
    CASE WHEN EXISTS (SELECT 1 FROM "Convention" c WHERE c."partnerId" = partner_id) THEN 'CONVENTION_SIGNED' ELSE 'REQUEST_RECEIVED' END)
$$;

CREATE FUNCTION partner_stage_refresh(partner_id uuid) RETURNS void
LANGUAGE sql
AS $$
  UPDATE "Partner" p
  SET "stage" = partner_stage_of(p."id"),
      "stageAt" = (SELECT max(st."at") FROM "OnboardingStep" st WHERE st."partnerId" = p."id")
  WHERE p."id" = partner_id
$$;

CREATE FUNCTION partner_stage_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM partner_stage_refresh(OLD."partnerId"); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM partner_stage_refresh(NEW."partnerId"); END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "OnboardingStep_partner_stage"
  AFTER INSERT OR UPDATE OR DELETE ON "OnboardingStep"
  FOR EACH ROW EXECUTE FUNCTION partner_stage_sync();

CREATE TRIGGER "Convention_partner_stage"
  AFTER INSERT OR UPDATE OF "partnerId" OR DELETE ON "Convention"
  FOR EACH ROW EXECUTE FUNCTION partner_stage_sync();

-- A structure deleted with its steps (ON DELETE CASCADE) is simply gone: the refresh updates no row.
UPDATE "Partner" p
SET "stage" = partner_stage_of(p."id"),
    "stageAt" = (SELECT max(st."at") FROM "OnboardingStep" st WHERE st."partnerId" = p."id");

-- CreateIndex
CREATE INDEX "Partner_stage_stageAt_idx" ON "Partner"("stage", "stageAt");
