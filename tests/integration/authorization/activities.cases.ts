// The association's own activities in the authorization matrix (lib/activities): planned, listed with
// the names of who registered, and cancelled by the association alone. Registering and cancelling one's
// own registration take no actor: anyone may, with a name, or a number and a name (activities.test.ts).
import { cancelActivity, cancelRegistration, createActivity, getActivity, listActivities, readActivityFilters } from "@/lib/activities/admin";
import { parisDate } from "@/lib/time";
import type { MatrixWorld } from "../../factories/matrix";
import type { AuthorizationCase } from "./invitation.cases";

const admin: AuthorizationCase<MatrixWorld>["allowed"] = ["admin"];
const nextMonth = () => parisDate(new Date(Date.now() + 30 * 86_400_000));

export const activitiesCases: AuthorizationCase<MatrixWorld>[] = [
  {
    name: "plan an activity (createActivity)",
    call: (actor) => createActivity(actor, { kind: "WORKSHOP", title: "Atelier", day: nextMonth(), time: "18:00", place: "Salle", capacity: 10 }),
    allowed: admin,
  },
  { name: "every activity (listActivities)", call: (actor) => listActivities(actor), allowed: admin },
  {
    name: "past activities, searched and sorted (listActivities)",
    call: (actor) => listActivities(actor, readActivityFilters({ quand: "passees", q: "Atelier", tri: "inscrits", ordre: "asc", page: "2" })),
    allowed: admin,
  },
  { name: "an activity and who registered (getActivity)", call: (actor, w) => getActivity(actor, w.activityId), allowed: admin },
  { name: "cancel a registration (cancelRegistration)", call: (actor, w) => cancelRegistration(actor, { registrationId: w.registrationId }), allowed: admin },
  { name: "cancel an activity (cancelActivity)", call: (actor, w) => cancelActivity(actor, { activityId: w.activityId }), allowed: admin },
];
