// Authorization cases of the invitation, for the authorization matrix (its runner calls each case with
// every actor and expects success for those in `allowed` and a refusal, AccessDeniedError or
// NotFoundError, for the others).
//
// `world` must hold a CONFIRMED booking of partner A at venue X (`world.bookingId`); partner B and
// venue Y have nothing to do with it; visitorA is the visitor access of partner A. See
// tests/factories/invitation.ts (`invitationWorld()`), which builds such a world with its actors.
import type { Actor } from "@/lib/auth/actor";
import { loadInvitation } from "@/lib/invitation/invitation";

export type MatrixActor = "admin" | "partnerA" | "partnerB" | "venueX" | "venueY" | "visitorA" | "anonymous";

export interface AuthorizationCase<World> {
  name: string;
  call: (actor: Actor, world: World) => Promise<unknown>;
  allowed: MatrixActor[];
}

export const invitationCases: AuthorizationCase<{ bookingId: string }>[] = [
  {
    name: "print a booking's invitations (loadInvitation)",
    call: (actor, world) => loadInvitation(actor, world.bookingId),
    allowed: ["admin", "partnerA", "venueX"],
  },
];
