// "Candidatures puis tirage" (issue 17): the window for applications, set on a session nobody booked yet,
// or shown once set with the fingerprint that lets anyone check the draw afterwards.
import Link from "next/link";
import { getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
import type { ActionState } from "@/lib/actions/state";
import type { DrawRecord } from "@/lib/booking/applications";
import { formatSessionDate as when } from "@/lib/format/dates";

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

export async function DrawSection({ sessionId, draw, open, remove }: { sessionId: string; draw: DrawRecord | null; open: Action; remove: Action }) {
  const dt = await getTranslations("venue.draw");
  return (
    <section aria-labelledby="tirage" className="space-y-3 print:hidden">
      <h2 id="tirage" className="text-xl font-semibold">
        {dt("title")}
      </h2>
      {draw ? (
        <>
          {/* A status: set from the form above, which this replaces, it is announced. */}
          <div role="status" className="space-y-1">
            <p>{dt("window", { opens: when(draw.opensAt), closes: when(draw.closesAt) })}</p>
            <p>
              {dt("fingerprintLabel")} <span className="font-mono text-sm break-all">{draw.fingerprint}</span>
            </p>
          </div>
          <p>
            <Link href={`/tirages/${sessionId}`} className="font-semibold text-brand-800 underline">
              {dt("see")}
            </Link>
          </p>
          {!draw.drawnAt && draw.count === 0 ? (
            <ActionForm action={remove} submit={dt("remove")} confirm={dt("removeConfirm")}>
              <input type="hidden" name="sessionId" value={sessionId} />
            </ActionForm>
          ) : null}
        </>
      ) : (
        <>
          <p>{dt("lead")}</p>
          <ActionForm action={open} submit={dt("submit")}>
            <input type="hidden" name="sessionId" value={sessionId} />
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField name="opensAt" label={dt("opensAt")} type="datetime-local" required />
              <TextField name="closesAt" label={dt("closesAt")} type="datetime-local" required />
            </div>
          </ActionForm>
        </>
      )}
    </section>
  );
}
