-- Hand-written: a partnership's history is append-only, and the database now says so rather than the
-- app by omission (lib/association/partnership.ts only ever inserts steps). A decision reconsidered is
-- a new step (a meeting planned again after a "no"), never an edit or a deletion of the old one.
--
-- Refused: any UPDATE or DELETE of a row of "OnboardingStep", whatever sends it. Let through, because
-- they are the foreign keys' own actions that schema.prisma declares and nothing else reaches these
-- rows that way:
--   * DELETE of the steps of a structure that is itself being deleted (ON DELETE CASCADE from
--     "Partner"): the cascade runs after the structure's row is gone, so it is no longer visible here.
--     The app never deletes a structure; a structure deleted by hand goes with its history.
--   * UPDATE that only empties "byUserId" because that account has just been deleted (ON DELETE SET NULL
--     from "User"): the step stays, without its author. The app never deletes an account (it
--     deactivates them) and the retention job (lib/retention.ts) does not touch this table.
-- TRUNCATE (the demo's reset, prisma/seed/demo.ts) fires no row trigger and empties the whole table.
CREATE FUNCTION onboarding_step_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM "Partner" p WHERE p."id" = OLD."partnerId") THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."byUserId" IS NOT NULL AND NEW."byUserId" IS NULL
     AND to_jsonb(NEW) - 'byUserId' = to_jsonb(OLD) - 'byUserId'
     AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u."id" = OLD."byUserId") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'L''historique d''un partenariat ne se modifie pas : % refusé sur l''étape % ("OnboardingStep" est en ajout seul).', TG_OP, OLD."id"
    -- The default SQLSTATE (P0001): Prisma's driver adapter reads 23001 as a foreign key violation.
    USING HINT = 'Enregistrez une nouvelle étape (lib/association/partnership.ts, recordStep) ; seule la suppression de la structure emporte son historique, celle d''un compte n''en efface que l''auteur.';
END
$$;

CREATE TRIGGER "OnboardingStep_append_only"
  BEFORE UPDATE OR DELETE ON "OnboardingStep"
  FOR EACH ROW EXECUTE FUNCTION onboarding_step_append_only();
