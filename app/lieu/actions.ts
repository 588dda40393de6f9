"use server";

// The venue's server actions: the form to lib/venue or lib/booking with the current actor, then the
// answer in plain French (lib/actions/form-action.ts). No decision about access is made here.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionFailure } from "@/lib/actions/result";
import { formAction, said } from "@/lib/actions/form-action";
import { currentActor } from "@/lib/auth/current";
import { cancelSession, changeCapacity, closeBookings, reopenBookings } from "@/lib/booking/sessions";
import { setQuotaRule } from "@/lib/booking/quota";
import { withdrawGuest } from "@/lib/booking/withdraw-guest";
import { releaseLatePlaces } from "@/lib/booking/late-places";
import { openDrawWindow, removeDrawWindow } from "@/lib/booking/sessions";
import { undoArrival } from "@/lib/venue/arrivals";
import { checkInvitation, markArrived, type ArrivalAnswer, type DoorState } from "@/lib/venue/door";
import { syncArrivals, type SyncAnswer } from "@/lib/venue/door-sync";
import { cancelEvent, createEvent, publishEvent, updateEvent } from "@/lib/venue/events";
import { cancelGuestBooking } from "@/lib/venue/guest-list";
import { setEventImage } from "@/lib/venue/images";
import { updateVenueProfile } from "@/lib/venue/profile";
import { addSessions } from "@/lib/venue/add-sessions";
import { confirmSourceCancellation, importSeason, keepSourceCancelledSession, linkSeasonSource, unlinkSeasonSource } from "@/lib/venue/season/sources";

const eventPage = (input: { eventId?: unknown }) => `/lieu/evenements/${String(input.eventId)}`;
const sessionPage = (input: { sessionId?: unknown }) => `/lieu/seances/${String(input.sessionId)}`;

export const createEventAction = formAction({
  lists: ["accessibility"],
  run: createEvent,
  done: ({ id }) => redirect(`/lieu/evenements/${id}`),
});

export const updateEventAction = formAction({
  lists: ["accessibility"],
  run: updateEvent,
  done: (_, input) => (revalidatePath(eventPage(input)), said("venue.form.saved")),
});

export const publishEventAction = formAction({
  run: (actor, { eventId }) => publishEvent(actor, { eventId }),
  done: (_, input) => (revalidatePath(eventPage(input)), said("venue.event.published")),
});

export const cancelEventAction = formAction({
  confirm: "venue.session.confirmNeeded",
  optional: ["note"],
  run: cancelEvent,
  done: ({ cancelledBookings }, input) => (revalidatePath(eventPage(input)), said("venue.event.cancelled", { count: cancelledBookings })),
});

export const setImageAction = formAction({
  run: async (actor, { eventId, image, imageAlt }) => {
    const bytes = image instanceof File ? Buffer.from(await image.arrayBuffer()) : Buffer.alloc(0);
    return setEventImage(actor, String(eventId), bytes, typeof imageAlt === "string" ? imageAlt : undefined);
  },
  done: (result, input) => (revalidatePath(eventPage(input)), said("venue.event.imageSaved", result)),
});

export const addSessionsAction = formAction({
  lists: ["weekdays"],
  optional: ["to"],
  run: addSessions,
  done: ({ created }, input) => (revalidatePath(eventPage(input)), said("venue.event.added", { count: created })),
});

export const changeCapacityAction = formAction({
  run: changeCapacity,
  done: ({ capacity, promoted }) => (revalidatePath("/lieu", "layout"), said("venue.event.capacitySaved", { capacity, promoted: promoted.length })),
});

// The booking (or the guest) leaves the list with its form: the page itself says what happened.
export const cancelGuestBookingAction = formAction({
  run: cancelGuestBooking,
  done: ({ number }, input) => redirect(`${sessionPage(input)}?annulee=${number}`),
});

/** A companion will not come (the person phoned the venue): their place alone is given back. */
export const withdrawGuestFromListAction = formAction({
  run: withdrawGuest,
  // Withdrawing the last guest left is cancelling the booking, said as such.
  done: ({ number, bookingCancelled }, input) => redirect(`${sessionPage(input)}?${bookingCancelled ? "annulee" : "retiree"}=${number}`),
});

export const closeBookingsAction = formAction({
  run: closeBookings,
  done: ({ expired }, input) => (revalidatePath(sessionPage(input)), said("venue.session.closed", { count: expired })),
});

/** "Des places ce soir" (issue 33.2): late places released, the matching structures told at once. */
export const releaseLatePlacesAction = formAction({
  run: releaseLatePlaces,
  done: ({ latePlaces, alerted }, input) => (revalidatePath(sessionPage(input)), said("latePlaces.released", { places: latePlaces, alerted })),
});

export const reopenBookingsAction = formAction({
  run: reopenBookings,
  done: ({ expiredAtClosing }, input) => (revalidatePath(sessionPage(input)), said("venue.session.reopened", { count: expiredAtClosing })),
});

export const cancelSessionAction = formAction({
  confirm: "venue.session.confirmNeeded",
  optional: ["note"],
  run: cancelSession,
  done: ({ cancelledBookings }, input) => (revalidatePath(sessionPage(input)), said("venue.session.sessionCancelled", { count: cancelledBookings })),
});

export const updateProfileAction = formAction({
  lists: ["accessibility"],
  // The venue's own form has no kind: left out, it stays as it is (lib/venue/profile.ts).
  run: (actor, input) => updateVenueProfile(actor, { ...input, kind: undefined }),
  done: () => (revalidatePath("/lieu/profil"), said("venue.profileForm.saved")),
});

export const setQuotaAction = formAction({
  run: setQuotaRule,
  done: () => (revalidatePath("/lieu/profil"), said("venue.quota.saved")),
});

/** "Candidatures puis tirage" on a session nobody booked (issue 17, lib/booking/applications.ts). */
export const openDrawWindowAction = formAction({
  run: openDrawWindow,
  done: ({ fingerprint }, input) => (revalidatePath(sessionPage(input)), said("venue.draw.set", { fingerprint })),
});

/** Back to first come, first served, before anyone applied. */
export const removeDrawWindowAction = formAction({
  run: removeDrawWindow,
  done: (_, input) => (revalidatePath(sessionPage(input)), said("venue.draw.removed")),
});

// The door and the guest list call these from code, with typed arguments rather than a form.

export async function checkInvitationAction(input: { code?: string; number?: string }): Promise<DoorState> {
  try {
    return { answer: await checkInvitation(await currentActor(), input) };
  } catch (error) {
    return { message: (await actionFailure(error)).message };
  }
}

/** The arrivals a door's device marked offline, sent when the network returns (issue 32.3): the server decides. */
export async function syncArrivalsAction(input: unknown): Promise<SyncAnswer | { message: string }> {
  try {
    return await syncArrivals(await currentActor(), input);
  } catch (error) {
    return { message: (await actionFailure(error)).message ?? "" };
  }
}

/** A guest's box ticked (or unticked) on the guest list: no reload, the box keeps the state it shows. */
export async function tickArrivalAction(input: { bookingId: string; position: number; arrived: boolean }): Promise<ArrivalAnswer> {
  try {
    const actor = await currentActor();
    const { bookingId, position, arrived } = input ?? {};
    if (arrived === true) await markArrived(actor, { bookingId, positions: [position] });
    else await undoArrival(actor, { bookingId, position });
    return { ok: true };
  } catch (error) {
    return { ok: false, message: (await actionFailure(error)).message };
  }
}

export async function markArrivedAction(input: { bookingId: string; positions: number[] }): Promise<DoorState> {
  try {
    await markArrived(await currentActor(), input);
    return { markedMessage: (await said("venue.door.marked")).message };
  } catch (error) {
    return { message: (await actionFailure(error)).message };
  }
}

// The season from the venue's own agenda (issue 33.1): lib/venue/season decides who may and what happens.
const seasonPage = "/lieu/agenda";

export const linkSeasonSourceAction = formAction({
  optional: ["apiKey"],
  run: linkSeasonSource,
  done: () => (revalidatePath(seasonPage), said("seasonImport.linkedSaved")),
});

export const unlinkSeasonSourceAction = formAction({
  confirm: "venue.session.confirmNeeded",
  run: unlinkSeasonSource,
  done: () => (revalidatePath(seasonPage), said("seasonImport.unlinked")),
});

export const importSeasonAction = formAction({
  run: importSeason,
  done: (applied) => (revalidatePath(seasonPage), revalidatePath("/lieu"), said("seasonImport.imported", { ...applied })),
});

export const confirmSourceCancellationAction = formAction({
  confirm: "venue.session.confirmNeeded",
  run: confirmSourceCancellation,
  done: ({ cancelledBookings }) => (revalidatePath(seasonPage), said("seasonImport.cancelled", { count: cancelledBookings })),
});

export const keepSourceCancelledSessionAction = formAction({
  run: keepSourceCancelledSession,
  done: () => (revalidatePath(seasonPage), said("seasonImport.kept")),
});
