// The people's own feedback in the authorization matrix (lib/feedback): given by a visitor of the
// structure whose invitation carries the code, and by no one else (the referents pass on theirs with the
// attendance). What the venue reads of it is getEventAttendance's case (venue.cases.ts).
import { getPrisma } from "@/lib/db/client";
import { giveOwnFeedback } from "@/lib/feedback/guest-feedback";
import { feedbackCode } from "@/lib/invitation/feedback-code";
import type { MatrixWorld } from "../../factories/matrix";
import type { AuthorizationCase } from "./invitation.cases";

async function pastGuestCode(w: MatrixWorld): Promise<string> {
  const guest = await getPrisma().bookingGuest.findFirstOrThrow({ where: { bookingId: w.pastBookingId, position: 0 }, select: { id: true } });
  return feedbackCode(guest.id);
}

export const feedbackCases: AuthorizationCase<MatrixWorld>[] = [
  {
    name: "say how A's past outing was, with its code (giveOwnFeedback)",
    call: async (actor, w) => giveOwnFeedback(actor, { feedbackCode: await pastGuestCode(w), mood: "LOVED" }),
    allowed: ["visitorA"],
  },
];
