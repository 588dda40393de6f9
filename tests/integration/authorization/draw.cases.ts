// "Candidatures puis tirage" in the authorization matrix (lib/booking/applications.ts): the venue and
// the association set or remove the window; a structure (or the association for it) files and withdraws
// its own application; the record of a draw is read by anyone signed in, names hidden where they must be
// (draw.test.ts). The draw itself is a job, with no actor.
import { applyForDraw, drawRecord, withdrawApplication } from "@/lib/booking/applications";
import { openDrawWindow, removeDrawWindow } from "@/lib/booking/sessions";
import { applyFromForm } from "@/lib/partner/book-from-form";
import { inParis, parisDate } from "@/lib/time";
import type { MatrixWorld } from "../../factories/matrix";
import type { AuthorizationCase } from "./invitation.cases";

const local = (instant: Date) => {
  const paris = inParis(instant);
  return `${parisDate(instant)}T${String(paris.getHours()).padStart(2, "0")}:${String(paris.getMinutes()).padStart(2, "0")}`;
};
const hours = (h: number) => local(new Date(Date.now() + h * 3600_000));

export const drawCases: AuthorizationCase<MatrixWorld>[] = [
  {
    name: "set a session of X to applications then a draw (openDrawWindow)",
    call: (actor, w) => openDrawWindow(actor, { sessionId: w.freeSessionX, opensAt: hours(1), closesAt: hours(48) }),
    allowed: ["admin", "venueX"],
  },
  {
    name: "take the draw off a session of X (removeDrawWindow)",
    call: (actor, w) => removeDrawWindow(actor, { sessionId: w.freeSessionX }),
    allowed: ["admin", "venueX"],
  },
  {
    name: "file A's application (applyForDraw)",
    call: (actor, w) =>
      applyForDraw(actor, { sessionId: w.drawSessionX, partnerId: w.partnerA, minPlaces: 1, guests: [{ firstName: "Awa", lastName: "Diallo", kind: "MAIN" }] }),
    allowed: ["admin", "partnerA"],
  },
  {
    name: "file A's application from the booking form (applyFromForm)",
    call: (actor, w) =>
      applyFromForm(actor, { sessionId: w.drawSessionX, partnerId: w.partnerA, minPlaces: 1, people: [{ firstName: "Awa", lastName: "Diallo", keep: false }] }),
    allowed: ["admin", "partnerA"],
  },
  {
    name: "withdraw A's application (withdrawApplication)",
    call: (actor, w) => withdrawApplication(actor, { sessionId: w.drawSessionX, partnerId: w.partnerA }),
    allowed: ["admin", "partnerA"],
  },
  {
    name: "the record of a draw (drawRecord)",
    call: (actor, w) => drawRecord(actor, w.drawSessionX),
    allowed: ["admin", "partnerA", "partnerB", "venueX", "venueY", "visitorA"],
  },
];
