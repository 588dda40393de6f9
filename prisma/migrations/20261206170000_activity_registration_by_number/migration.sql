-- Hand-written (issue 27.8): a registration for an activity is keyed on its number, never on a name. The
-- one-per-name index refused a name already registered, which told anyone who was coming and let a
-- stranger take a person's name first; the public form now takes every registration (lib/activities).
DROP INDEX IF EXISTS "ActivityRegistration_one_per_name";
