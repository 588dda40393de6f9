// "J'aimerais y aller" (issue 16): on an event's page, a visitor tells their referent they would like to
// go, with a first name or initials, a date if they have one in mind, and a message if they want.
import { getLanguage, getTranslations } from "@/lib/i18n/server";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, TextField } from "@/components/forms/fields";
import type { ActionState } from "@/lib/actions/state";
import { formatDateInWords } from "@/lib/format/dates";

export async function WishForm({
  eventId,
  dates,
  action,
  now = new Date(),
}: {
  eventId: string;
  dates: { id: string; startsAt: Date }[];
  action: (state: ActionState, data: FormData) => Promise<ActionState>;
  now?: Date;
}) {
  const t = await getTranslations("easy.wish");
  const language = await getLanguage();
  return (
    <section aria-labelledby="envie" className="space-y-3 rounded-2xl bg-brand-50 p-5 text-xl leading-relaxed">
      <h2 id="envie" className="text-2xl font-bold">
        {t("title")}
      </h2>
      {(t.raw("lead") as string[]).map((line) => (
        <p key={line}>{line}</p>
      ))}
      <ActionForm action={action} submit={t("send")} resetOnSuccess className="space-y-4">
        <input type="hidden" name="eventId" value={eventId} />
        {dates.length > 1 ? (
          <SelectField
            name="sessionId"
            label={t("date")}
            options={[["", t("anyDate")], ...dates.map((date): [string, string] => [date.id, formatDateInWords(date.startsAt, now, language)])]}
          />
        ) : null}
        <TextField name="name" label={t("name")} required />
        <TextField name="message" label={t("message")} multiline />
      </ActionForm>
    </section>
  );
}
