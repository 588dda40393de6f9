// "J'aimerais y aller" in the authorization matrix (lib/wishes): a wish is sent by a visitor of a structure
// (through its code), read by that structure's users (and the association), handled by that structure's
// users only.
import { handleWish, listWishes, makeWish, ownWish } from "@/lib/wishes/wishes";
import type { MatrixWorld } from "../../factories/matrix";
import type { AuthorizationCase } from "./invitation.cases";

export const wishesCases: AuthorizationCase<MatrixWorld>[] = [
  { name: "send a wish for event X (makeWish)", call: (actor, w) => makeWish(actor, { eventId: w.eventX, name: "Zoé" }), allowed: ["visitorA"] },
  { name: "structure A's wishes (listWishes)", call: (actor, w) => listWishes(actor, w.partnerA), allowed: ["admin", "partnerA"] },
  { name: "one of A's wishes, to book it (ownWish)", call: (actor, w) => ownWish(actor, w.wishA), allowed: ["partnerA"] },
  { name: "set one of A's wishes aside (handleWish)", call: (actor, w) => handleWish(actor, w.wishA), allowed: ["partnerA"] },
];
