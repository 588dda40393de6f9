// A guest's practical needs (DESIGN: Booking): each guest of a booking may have needs the venue must
// prepare for, and "other" with a few words; they reach the venue's guest list, its CSV, and nothing more.
import { requestBooking } from "@/lib/booking/request";
import { InvalidInput } from "@/lib/validation";
import { getPrisma } from "@/lib/db/client";
import { bookFromForm } from "@/lib/partner/book-from-form";
import { describeNeeds, getGuestList, guestListCsv } from "@/lib/venue/guest-list";
import { venueActor } from "../factories/actors";
import { newFamilyName, partners, request, stage } from "../factories/booking";

// The first request of a file loads lib/booking and opens the pool: slow on a busy machine.
jest.setTimeout(30_000);

const NOTE = "Arrive avec un déambulateur : prévoir l'accès par l'entrée des artistes";

async function guestsOf(bookingId: string) {
  return getPrisma().bookingGuest.findMany({
    where: { bookingId },
    orderBy: { position: "asc" },
    select: { position: true, firstName: true, needs: true, needsNote: true },
  });
}

describe("a guest's practical needs", () => {
  it("are booked guest by guest from the partner's form, the note only with 'other'", async () => {
    const { sessionId } = await stage({ capacity: 5 });
    const [partner] = await partners(1);
    const lastName = newFamilyName();
    const result = await bookFromForm(partner!.actor, {
      sessionId,
      partnerId: partner!.id,
      people: [{ firstName: "Awa", lastName, keep: false, needs: ["WHEELCHAIR_SPACE", "OTHER"], needsNote: `  ${NOTE} ` }],
      companions: [
        { firstName: "Moussa", lastName, kind: "FAMILY_OR_FRIEND", needs: ["EASY_READING"] },
        { firstName: "Claire", lastName: "Martin", kind: "PROFESSIONAL" },
      ],
    });

    expect(result.outcome).toBe("CONFIRMED");
    if (result.outcome !== "CONFIRMED") return;
    expect(await guestsOf(result.confirmed.id)).toEqual([
      { position: 0, firstName: "Awa", needs: ["WHEELCHAIR_SPACE", "OTHER"], needsNote: NOTE },
      { position: 1, firstName: "Moussa", needs: ["EASY_READING"], needsNote: null },
      { position: 2, firstName: "Claire", needs: [], needsNote: null },
    ]);
  });

  it("are refused, before anything is booked, as 'other' without its note, a note over 200 characters, an unknown need", async () => {
    const { sessionId } = await stage({ capacity: 5 });
    const [partner] = await partners(1);
    const form = (needsNote?: string) => ({
      sessionId,
      partnerId: partner!.id,
      people: [{ firstName: "Awa", lastName: newFamilyName(), keep: false }],
      companions: [{ firstName: "Moussa", lastName: "Diallo", kind: "FAMILY_OR_FRIEND", needs: ["OTHER"], needsNote }],
    });

    await expect(bookFromForm(partner!.actor, form())).rejects.toMatchObject({ fieldErrors: { companions: ["validation.needsNoteRequired"] } });
    await expect(bookFromForm(partner!.actor, form("   "))).rejects.toMatchObject({ fieldErrors: { companions: ["validation.needsNoteRequired"] } });
    await expect(bookFromForm(partner!.actor, form("x".repeat(201)))).rejects.toMatchObject({ fieldErrors: { companions: ["validation.tooLong"] } });
    // lib/booking holds the same rule for any other caller.
    const direct = request(sessionId, partner!.id, 1);
    direct.guests[0] = { ...direct.guests[0]!, needs: ["OTHER"] };
    await expect(requestBooking(partner!.actor, direct)).rejects.toBeInstanceOf(InvalidInput);
    await expect(requestBooking(partner!.actor, { ...direct, guests: [{ ...direct.guests[0]!, needs: ["GLASSES"] as never }] })).rejects.toBeInstanceOf(
      InvalidInput,
    );
    expect(await getPrisma().booking.count({ where: { sessionId } })).toBe(0);
  });

  it("carry no note that describes nothing: without 'other' it is dropped; each need counts once", async () => {
    const { sessionId } = await stage({ capacity: 5 });
    const [partner] = await partners(1);
    const input = request(sessionId, partner!.id, 1);
    input.guests[0] = { ...input.guests[0]!, needs: ["HEARING_LOOP", "HEARING_LOOP"], needsNote: "Un mot sans objet" };
    const result = await requestBooking(partner!.actor, input);

    if (result.outcome !== "CONFIRMED") throw new Error("expected a confirmation");
    expect(await guestsOf(result.confirmed.id)).toEqual([{ position: 0, firstName: "Awa", needs: ["HEARING_LOOP"], needsNote: null }]);
  });

  it("follow each guest into the waitlisted part of a split group (rule 2)", async () => {
    const { sessionId } = await stage({ capacity: 1 });
    const [partner] = await partners(1);
    const input = request(sessionId, partner!.id, 3, "SPLIT");
    input.guests[1] = { ...input.guests[1]!, needs: ["SIGN_LANGUAGE"] };
    input.guests[2] = { ...input.guests[2]!, needs: ["OTHER", "SEAT_NEAR_EXIT"], needsNote: NOTE };
    const result = await requestBooking(partner!.actor, input);

    if (result.outcome !== "SPLIT") throw new Error("expected a split");
    expect(await guestsOf(result.confirmed.id)).toEqual([{ position: 0, firstName: "Awa", needs: [], needsNote: null }]);
    expect(await guestsOf(result.waitlisted.id)).toEqual([
      { position: 1, firstName: "Accompagnant a", needs: ["SIGN_LANGUAGE"], needsNote: null },
      { position: 2, firstName: "Accompagnant b", needs: ["OTHER", "SEAT_NEAR_EXIT"], needsNote: NOTE },
    ]);
  });

  it("show on the venue's guest list and its CSV, the note in place of 'other'", async () => {
    const { venueId, sessionId } = await stage({ capacity: 5 });
    const [partner] = await partners(1);
    const input = request(sessionId, partner!.id, 2);
    input.guests[0] = { ...input.guests[0]!, needs: ["EASY_READING", "OTHER"], needsNote: NOTE };
    input.guests[1] = { ...input.guests[1]!, needs: ["WHEELCHAIR_SPACE"] };
    await requestBooking(partner!.actor, input);
    const manager = await venueActor(venueId);

    const list = await getGuestList(manager, sessionId);
    const awa = list.guests.find((guest) => guest.firstName === "Awa")!;
    expect(awa).toMatchObject({ needs: ["EASY_READING", "OTHER"], needsNote: NOTE });
    expect(describeNeeds(awa.needs, awa.needsNote)).toBe(`documents en FALC (facile à lire), ${NOTE}`);
    expect(describeNeeds(["OTHER"])).toBe("autre besoin (non précisé)");
    const { csv } = await guestListCsv(manager, sessionId);
    expect(csv).toContain(`documents en FALC (facile à lire), ${NOTE}`);
    expect(csv).toContain("place fauteuil");
  });
});
