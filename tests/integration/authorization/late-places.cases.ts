// "Des places ce soir" (issue 33.2) in the authorization matrix: the venue of the session (and the
// association) releases late places; a structure books them and chooses its alerts for itself; the offer
// of late places is everyone's who may browse the offer; the figure is the association's, or a venue's own.
import { releaseLatePlaces, requestLatePlaces } from "@/lib/booking/late-places";
import { lateOffers } from "@/lib/catalog/late-places";
import { getPrisma } from "@/lib/db/client";
import { bookLateFromForm } from "@/lib/partner/book-from-form";
import { getLateAlertChoice, setLateAlertChoice } from "@/lib/partner/late-alerts";
import { latePlacesFigure } from "@/lib/stats/late-places";
import { seasonOf } from "@/lib/time";
import type { MatrixWorld } from "../../factories/matrix";
import type { AuthorizationCase } from "./invitation.cases";

/** Three hours before the session X's start: within the 48 hours of a release, before any margin. */
const beforeStart = async (sessionId: string) => {
  const { startsAt } = await getPrisma().session.findUniqueOrThrow({ where: { id: sessionId }, select: { startsAt: true } });
  return new Date(startsAt.getTime() - 3 * 3_600_000);
};

export const latePlacesCases: AuthorizationCase<MatrixWorld>[] = [
  {
    name: "release late places on X's session (releaseLatePlaces)",
    call: async (actor, w) => releaseLatePlaces(actor, { sessionId: w.sessionX, places: 2 }, { now: await beforeStart(w.sessionX) }),
    allowed: ["admin", "venueX"],
  },
  {
    name: "book a late place for A (requestLatePlaces)",
    call: async (actor, w) =>
      requestLatePlaces(
        actor,
        { sessionId: w.freeSessionX, partnerId: w.partnerA, guests: [{ firstName: "Zoé", lastName: "Tardive", kind: "MAIN" }] },
        { now: await beforeStart(w.freeSessionX) },
      ),
    allowed: ["admin", "partnerA"],
  },
  {
    name: "book a late place from the form for A (bookLateFromForm)",
    call: (actor, w) =>
      bookLateFromForm(actor, { sessionId: w.freeSessionX, partnerId: w.partnerA, people: [{ personId: w.personA, firstName: "Zoé", lastName: "Lefèvre" }] }),
    allowed: ["admin", "partnerA"],
  },
  { name: "A's alert choices (getLateAlertChoice)", call: (actor, w) => getLateAlertChoice(actor, w.partnerA), allowed: ["admin", "partnerA"] },
  {
    name: "set A's alert choices (setLateAlertChoice)",
    call: (actor, w) => setLateAlertChoice(actor, { partnerId: w.partnerA, wanted: true, categories: ["THEATRE"] }),
    allowed: ["admin", "partnerA"],
  },
  {
    name: "the offer of late places (lateOffers)",
    call: (actor) => lateOffers(actor),
    allowed: ["admin", "partnerA", "partnerB", "venueX", "venueY", "visitorA"],
  },
  {
    name: "X's figure of late places (latePlacesFigure)",
    call: (actor, w) => latePlacesFigure(actor, { season: seasonOf(new Date()), venueId: w.venueX }),
    allowed: ["admin", "venueX"],
  },
];
