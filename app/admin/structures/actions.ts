"use server";

// The association's actions on a partner structure: parse the form, call lib/ with the current actor
// (which checks the rights), answer in plain French. No decision about access is made here.
import { revalidatePath } from "next/cache";
import { getTranslations } from "@/lib/i18n/server";
import { actionFailure, type ActionState } from "@/lib/actions/result";
import { addConvention, recordStep } from "@/lib/association/partnership";
import { updateStructure } from "@/lib/association/structures";
import { setAccountActive } from "@/lib/auth/accounts";
import { inviteUser } from "@/lib/auth/invitations";
import { currentActor } from "@/lib/auth/current";
import { grantQuotaException, revokeQuotaException } from "@/lib/booking/quota";
import { endOfParisDay, parisDate } from "@/lib/time";
import { calendarDay, InvalidInput, parse } from "@/lib/validation";
import { z } from "zod";

const text = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === "string" ? value : undefined;
};
const pick = (data: FormData, names: readonly string[]) => Object.fromEntries(names.map((name) => [name, text(data, name)]));
const t = async (key: string, values?: Record<string, string | number>) => (await getTranslations("structuresAdmin.answers"))(key, values);

function refresh(partnerId: string | undefined) {
  revalidatePath("/admin/structures");
  if (partnerId) revalidatePath(`/admin/structures/${partnerId}`);
}

const STEP_FIELDS = ["kind", "partnerId", "meetingOn", "decision", "signedOn", "validFrom", "validUntil", "reference", "name", "email", "trainedOn", "trainer", "note"] as const;

export async function recordStepAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    const input = pick(data, STEP_FIELDS);
    await recordStep(await currentActor(), input);
    refresh(input.partnerId);
    const labels = await getTranslations("associationLabels");
    return {
      ok: true,
      message: input.kind === "ACCOUNT_CREATED" ? await t("accountCreated", { email: String(input.email).trim() }) : await t("stepRecorded", { step: labels(`stepKind.${input.kind}`) }),
    };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function addConventionAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    const input = pick(data, ["partnerId", "signedOn", "validFrom", "validUntil", "reference"]);
    await addConvention(await currentActor(), input);
    refresh(input.partnerId);
    return { ok: true, message: await t("conventionAdded") };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function updateStructureAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    const input = pick(data, ["partnerId", "name", "sector", "addressLine", "postalCode", "city", "area", "phone", "email", "notes"]);
    await updateStructure(await currentActor(), input);
    refresh(input.partnerId);
    return { ok: true, message: await t("structureSaved") };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function inviteReferentAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    const partnerId = text(data, "partnerId");
    await inviteUser(await currentActor(), { email: text(data, "email"), name: text(data, "name"), role: "PARTNER", partnerId });
    refresh(partnerId);
    return { ok: true, message: await t("referentInvited", { email: String(text(data, "email")).trim() }) };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function setReferentActiveAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    // A real boolean: the lib coerces, and the string "false" would read as true.
    const active = text(data, "active") === "true";
    await setAccountActive(await currentActor(), { userId: text(data, "userId"), active });
    refresh(text(data, "partnerId"));
    return { ok: true, message: await t(active ? "referentReactivated" : "referentDeactivated") };
  } catch (error) {
    return actionFailure(error);
  }
}

const exceptionFormSchema = z.object({
  venueId: z.uuid("validation.required"),
  maxPlaces: z.string().optional(),
  expiresAt: calendarDay(),
  reason: z.string("validation.reasonRequired").trim().min(1, "validation.reasonRequired"),
});

export async function grantQuotaExceptionAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    const partnerId = text(data, "partnerId");
    // The form asks for an end and a reason, so that no exception is forgotten or unexplained.
    const form = parse(exceptionFormSchema, pick(data, ["venueId", "maxPlaces", "expiresAt", "reason"]));
    if (form.expiresAt < parisDate(new Date())) throw new InvalidInput({ expiresAt: ["structuresAdmin.errors.endInPast"] });
    await grantQuotaException(await currentActor(), {
      venueId: form.venueId,
      partnerId,
      // Empty: no limit at all for this structure with this venue.
      maxPlaces: form.maxPlaces?.trim() ? form.maxPlaces : null,
      reason: form.reason,
      // The chosen day is the last one the exception holds: it ends at the next midnight in Paris.
      expiresAt: endOfParisDay(form.expiresAt),
    });
    refresh(partnerId);
    return { ok: true, message: await t("exceptionGranted") };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function revokeQuotaExceptionAction(_s: ActionState, data: FormData): Promise<ActionState> {
  try {
    const partnerId = text(data, "partnerId");
    await revokeQuotaException(await currentActor(), { venueId: text(data, "venueId"), partnerId, reason: text(data, "reason") });
    refresh(partnerId);
    return { ok: true, message: await t("exceptionRevoked") };
  } catch (error) {
    return actionFailure(error);
  }
}
