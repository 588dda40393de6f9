import { currentActor } from "@/lib/auth/current";
import { AccessDeniedError, NotFoundError, RuleViolation } from "@/lib/errors";
import { loadInvitation } from "@/lib/invitation/invitation";
import { renderInvitationPdf } from "@/lib/pdf/invitation";
import { isInvitationLocale } from "@/lib/pdf/invitation-words";
import catalog from "@/messages/fr/invitation.json";

const messages = catalog.invitation.errors;

export const dynamic = "force-dynamic";

const text = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** The booking's nominative invitations, one page per guest, to open in the browser and print. Their fixed words
 * are printed beside the French in the language the referent set for the main guest, or in the one asked by
 * `?langue=ar` (a language code; `fr` for French alone) (issue 34.6). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const asked = new URL(request.url).searchParams.get("langue");
  const actor = await currentActor();
  try {
    const data = await loadInvitation(actor, id);
    const locale = isInvitationLocale(asked) ? asked : isInvitationLocale(data.language) ? data.language : "fr";
    const pdf = await renderInvitationPdf(data, { locale });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="invitation-${data.number}.pdf"`,
        // Names of people: never kept by a shared cache.
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDeniedError && actor.kind === "anonymous") return text(401, messages.SIGN_IN_REQUIRED);
    // A signed-in actor who may not print it learns nothing of the booking.
    if (error instanceof AccessDeniedError || error instanceof NotFoundError) return text(404, messages.NOT_FOUND);
    if (error instanceof RuleViolation) return text(409, error.message);
    throw error;
  }
}
