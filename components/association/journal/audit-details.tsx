// An audit entry in words: its action ("booking.cancelled" → "Réservation annulée", the raw action when
// the catalog has no words for it), who made it, and its before/after as short "key : value" lines.
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { auditFields, clipped } from "@/lib/association/audit-fields";
import { formatDay, formatMoment } from "@/lib/format/dates";

type Translator = Awaited<ReturnType<typeof getTranslations>>;

/** Words for an action, or the action itself. */
export async function actionLabeller(): Promise<(action: string) => string> {
  const t = await getTranslations("journalAdmin");
  return (action) => (/^[a-z_]+\.[a-z_]+$/.test(action) && t.has(`actions.${action}`) ? t(`actions.${action}`) : action);
}

/** "Claire Martin (Association)", or the kind of actor alone ("Plateforme") when there is no account. */
export async function actorLabeller(): Promise<(name: string | null | undefined, kind: string) => string> {
  const labels = await getTranslations("associationLabels");
  return (name, kind) => {
    const kindLabel = labels.has(`actorKind.${kind}`) ? labels(`actorKind.${kind}`) : kind;
    return name ? `${name} (${kindLabel})` : kindLabel;
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Keys whose numbers are guests' places in their booking (lib/booking: position, from 0). */
const GUEST_RANKS = new Set(["position", "positions", "attended", "absent"]);

export async function AuditDetails({ before, after }: { before: unknown; after: unknown }) {
  const t = await getTranslations("journalAdmin");
  const labels = await getTranslations("associationLabels");
  const codes = await getTranslations("cancelCodes");
  const venues = await getTranslations("venuesAdmin");
  const format = await getFormatter();

  const say = (translate: Translator, key: string, fallback: string) => (translate.has(key) ? translate(key) : fallback);
  const keyLabel = (key: string) => (/^[A-Za-z_]+$/.test(key) ? say(t, `keys.${key}`, key) : key);
  const value = (key: string, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === "") return t("emptyValue");
    if (typeof raw === "boolean") return labels(raw ? "yes" : "no");
    // Guests are stored by their place in the booking from 0; people count from 1, as the booking's
    // list of guests shows them in that order.
    if (typeof raw === "number") return format.number(GUEST_RANKS.has(key) ? raw + 1 : raw);
    if (typeof raw === "string") {
      if (key === "status") return say(labels, `bookingStatus.${raw}`, raw);
      if (key === "reason") return say(labels, `cancelReason.${raw}`, raw);
      if (key === "code") return say(codes, raw, raw);
      if (key === "role") return say(labels, `actorKind.${raw.toLowerCase()}`, raw);
      if (key === "mood") return say(labels, `mood.${raw}`, raw);
      if (key === "venueKind") return say(venues, `kinds.${raw}`, raw);
      // Ids are long: their start is enough to tell them apart (the full id is in the title).
      if (UUID.test(raw)) return `${raw.slice(0, 8)}…`;
      if (ISO_INSTANT.test(raw) && !Number.isNaN(Date.parse(raw))) return formatMoment(new Date(raw));
      if (ISO_DAY.test(raw) && !Number.isNaN(Date.parse(raw))) return formatDay(raw);
      return clipped(raw);
    }
    if (Array.isArray(raw)) return raw.map((item) => value(key, item)).join(", ");
    return clipped(JSON.stringify(raw));
  };
  const title = (raw: unknown) => (typeof raw === "string" && UUID.test(raw) ? raw : undefined);

  const lines: { key: string; label: string; text: string; title?: string }[] = [];
  const fields = auditFields(before, after);
  if (fields) {
    for (const { key, old, now, inNow, changed } of fields) {
      const text = changed ? `${value(key, old)} → ${value(key, now)}` : inNow ? value(key, now) : `${value(key, old)} (${t("before")})`;
      lines.push({ key, label: keyLabel(key), text, title: title(inNow ? now : old) });
    }
  } else {
    if (before !== null && before !== undefined) lines.push({ key: "before", label: t("before"), text: value("", before) });
    if (after !== null && after !== undefined) lines.push({ key: "after", label: "", text: value("", after) });
  }
  if (!lines.length) return <span>{t("noDetails")}</span>;
  return (
    <ul className="space-y-0.5 text-sm">
      {lines.map((line) => (
        <li key={line.key} className="break-words">
          {line.label ? <span className="font-semibold">{line.label} : </span> : null}
          <span title={line.title}>{line.text}</span>
        </li>
      ))}
    </ul>
  );
}
