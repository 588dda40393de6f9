"use server";

// The venue's server actions: parse the form, call lib/venue or lib/booking with the current actor,
// answer in plain French. No decision about access is made here.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { currentActor } from "@/lib/auth/current";
import { cancelSession, changeCapacity, closeBookings, reopenBookings } from "@/lib/booking/sessions";
import { setQuotaRule } from "@/lib/booking/quota";
import { withdrawGuest } from "@/lib/booking/withdraw-guest";
import { openDrawWindow, removeDrawWindow } from "@/lib/booking/sessions";
import { undoArrival } from "@/lib/venue/arrivals";
import { checkInvitation, markArrived, type ArrivalAnswer, type DoorState } from "@/lib/venue/door";
import { cancelEvent, createEvent, publishEvent, updateEvent } from "@/lib/venue/events";
import { cancelGuestBooking } from "@/lib/venue/guest-list";
import { setEventImage } from "@/lib/venue/images";
import { updateVenueProfile } from "@/lib/venue/profile";
import { addSessions } from "@/lib/venue/add-sessions";

const text = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === "string" ? value : undefined;
};
const eventFields = (data: FormData) => ({
  title: text(data, "title"),
  description: text(data, "description"),
  category: text(data, "category"),
  minAge: text(data, "minAge"),
  durationMinutes: text(data, "durationMinutes"),
  accessibility: data.getAll("accessibility"),
  publicPrice: text(data, "publicPrice"),
  ticketUrl: text(data, "ticketUrl"),
  imageAlt: text(data, "imageAlt"),
});
const t = async (key: string, values?: Record<string, string | number>) => (await getTranslations("venue"))(key, values);
const confirmed = (data: FormData) => data.get("confirm") === "oui";

export async function createEventAction(_s: ActionState, data: FormData): Promise<ActionState> {
  let id: string;
  try {
    ({ id } = await createEvent(await currentActor(), { venueId: text(data, "venueId"), ...eventFields(data) }));
  } catch (error) {
    return actionFailure(error);
  }
  redirect(`/lieu/evenements/${id}`);
}

export async function updateEventAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    await updateEvent(await currentActor(), { eventId: text(data, "eventId"), ...eventFields(data) });
    revalidatePath(`/lieu/evenements/${text(data, "eventId")}`);
    return { ok: true, message: await t("form.saved") };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function publishEventAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    await publishEvent(await currentActor(), { eventId: text(data, "eventId") });
    revalidatePath(`/lieu/evenements/${text(data, "eventId")}`);
    return { ok: true, message: await t("event.published") };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function cancelEventAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    if (!confirmed(data)) return { ok: false, message: await t("session.confirmNeeded") };
    const result = await cancelEvent(await currentActor(), { eventId: text(data, "eventId"), note: text(data, "note") || undefined });
    revalidatePath(`/lieu/evenements/${text(data, "eventId")}`);
    return { ok: true, message: await t("event.cancelled", { count: result.cancelledBookings }) };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function setImageAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    const file = data.get("image");
    const bytes = file instanceof File ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    const result = await setEventImage(await currentActor(), String(text(data, "eventId")), bytes, text(data, "imageAlt"));
    revalidatePath(`/lieu/evenements/${text(data, "eventId")}`);
    return { ok: true, message: await t("event.imageSaved", result) };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function addSessionsAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    const { created } = await addSessions(await currentActor(), {
      eventId: text(data, "eventId"),
      from: text(data, "from"),
      to: text(data, "to") || undefined,
      weekdays: data.getAll("weekdays"),
      times: text(data, "times"),
      capacity: text(data, "capacity"),
      opensDaysBefore: text(data, "opensDaysBefore"),
      closesHoursBefore: text(data, "closesHoursBefore"),
    });
    revalidatePath(`/lieu/evenements/${text(data, "eventId")}`);
    return { ok: true, message: await t("event.added", { count: created }) };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function changeCapacityAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    const result = await changeCapacity(await currentActor(), { sessionId: text(data, "sessionId"), capacity: text(data, "capacity") });
    revalidatePath("/lieu", "layout");
    return { ok: true, message: await t("event.capacitySaved", { capacity: result.capacity, promoted: result.promoted.length }) };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function cancelGuestBookingAction(_s: ActionState, data: FormData): Promise<ActionState> {
  let number: string;
  try {
    ({ number } = await cancelGuestBooking(await currentActor(), { bookingId: text(data, "bookingId"), note: text(data, "note") }));
  } catch (error) {
    return actionFailure(error);
  }
  // The booking leaves the list with its form: the page itself says what happened.
  redirect(`/lieu/seances/${text(data, "sessionId")}?annulee=${number}`);
}

/** A companion will not come (the person phoned the venue): their place alone is given back. */
export async function withdrawGuestFromListAction(_s: ActionState, data: FormData): Promise<ActionState> {
  let done: { number: string; bookingCancelled: boolean };
  try {
    done = await withdrawGuest(await currentActor(), { bookingId: text(data, "bookingId"), position: text(data, "position") });
  } catch (error) {
    return actionFailure(error);
  }
  // The guest leaves the list with its form: the page itself says what happened (withdrawing the last
  // guest left is cancelling the booking, said as such).
  redirect(`/lieu/seances/${text(data, "sessionId")}?${done.bookingCancelled ? "annulee" : "retiree"}=${done.number}`);
}

export async function closeBookingsAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    const { expired } = await closeBookings(await currentActor(), { sessionId: text(data, "sessionId") });
    revalidatePath(`/lieu/seances/${text(data, "sessionId")}`);
    return { ok: true, message: await t("session.closed", { count: expired }) };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function reopenBookingsAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    const { expiredAtClosing } = await reopenBookings(await currentActor(), { sessionId: text(data, "sessionId") });
    revalidatePath(`/lieu/seances/${text(data, "sessionId")}`);
    return { ok: true, message: await t("session.reopened", { count: expiredAtClosing }) };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function cancelSessionAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    if (!confirmed(data)) return { ok: false, message: await t("session.confirmNeeded") };
    const result = await cancelSession(await currentActor(), { sessionId: text(data, "sessionId"), note: text(data, "note") || undefined });
    revalidatePath(`/lieu/seances/${text(data, "sessionId")}`);
    return { ok: true, message: await t("session.sessionCancelled", { count: result.cancelledBookings }) };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function updateProfileAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    const fields = ["venueId", "name", "addressLine", "postalCode", "city", "area", "accessInfo", "phone", "email", "website", "ticketOfficeName", "ticketOfficePhone", "ticketOfficeEmail", "accessibilityNotes"];
    await updateVenueProfile(await currentActor(), { ...Object.fromEntries(fields.map((f) => [f, text(data, f)])), accessibility: data.getAll("accessibility") });
    revalidatePath("/lieu/profil");
    return { ok: true, message: await t("profileForm.saved") };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function setQuotaAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    const period = text(data, "period");
    await setQuotaRule(await currentActor(), {
      venueId: text(data, "venueId"),
      rule: period && period !== "NONE" ? { period, maxPlaces: text(data, "maxPlaces"), liftDaysBefore: text(data, "liftDaysBefore") || null } : null,
    });
    revalidatePath("/lieu/profil");
    return { ok: true, message: await t("quota.saved") };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function checkInvitationAction(input: { code?: string; number?: string }): Promise<DoorState> {
  try {
    return { answer: await checkInvitation(await currentActor(), input) };
  } catch (error) {
    return { message: (await actionFailure(error)).message };
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
    return { markedMessage: await t("door.marked") };
  } catch (error) {
    return { message: (await actionFailure(error)).message };
  }
}

/** "Candidatures puis tirage" on a session nobody booked (issue 17, lib/booking/applications.ts). */
export async function openDrawWindowAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    const { fingerprint } = await openDrawWindow(await currentActor(), { sessionId: text(data, "sessionId"), opensAt: text(data, "opensAt"), closesAt: text(data, "closesAt") });
    revalidatePath(`/lieu/seances/${text(data, "sessionId")}`);
    return { ok: true, message: await t("draw.set", { fingerprint }) };
  } catch (error) {
    return actionFailure(error);
  }
}

/** Back to first come, first served, before anyone applied. */
export async function removeDrawWindowAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    await removeDrawWindow(await currentActor(), { sessionId: text(data, "sessionId") });
    revalidatePath(`/lieu/seances/${text(data, "sessionId")}`);
    return { ok: true, message: await t("draw.removed") };
  } catch (error) {
    return actionFailure(error);
  }
}
