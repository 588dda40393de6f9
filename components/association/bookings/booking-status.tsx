// A booking's status as a badge: its word carries the meaning, the colour only repeats it.
import { getTranslations } from "@/lib/i18n/server";

const STYLES: Record<string, string> = {
  CONFIRMED: "bg-green-50 text-green-900 border-green-700",
  WAITLISTED: "bg-amber-50 text-amber-900 border-amber-700",
  CANCELLED: "bg-gray-100 text-gray-800 border-gray-500",
};

export async function BookingStatus({ status }: { status: string }) {
  const labels = await getTranslations("associationLabels");
  return (
    <span className={`inline-block whitespace-nowrap rounded border px-2 py-0.5 text-sm font-semibold ${STYLES[status] ?? ""}`}>
      {labels.has(`bookingStatus.${status}`) ? labels(`bookingStatus.${status}`) : status}
    </span>
  );
}
