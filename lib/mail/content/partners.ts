// The mails about a structure: the acknowledgement of a partnership request, and to the association (a
// request, a convention ending) or to the structure (the membership campaign).
import "server-only";
import { getPrisma } from "@/lib/db/client";
import { appUrl } from "@/lib/http/app-url";
import { formatDay } from "@/lib/format/dates";
import { frame, t, type MailBody } from "./frame";

/**
 * To an address typed in the public partnership form, confirmed by nobody: the association's words only,
 * never the requester's (a name, a structure), which would let anyone mail anyone under its name (issue 27.6).
 */
export function partnershipAckMail(): MailBody {
  return {
    ...frame(
      null,
      {
        subject: t("PARTNERSHIP_ACK.subject"),
        paragraphs: [t("PARTNERSHIP_ACK.lead"), t("PARTNERSHIP_ACK.next")],
        action: { label: t("PARTNERSHIP_ACK.action"), url: appUrl("/faq") },
      },
      t("PARTNERSHIP_ACK.why"),
    ),
    url: appUrl("/faq"),
  };
}

/** The mails about a structure: to the association (a request, a convention ending) or to the structure (membership). */
export async function partnerMail(kind: string, props: Record<string, unknown>, recipientName: string | null): Promise<MailBody | null> {
  const partner = await getPrisma().partner.findUnique({
    where: { id: String(props.partnerId ?? "") },
    select: { id: true, name: true, city: true, sector: true, conventions: { orderBy: { validUntil: "desc" }, take: 1, select: { validUntil: true } } },
  });
  if (!partner) return null;
  const adminPage = appUrl(`/admin/structures/${partner.id}`);
  const season = Number(props.season ?? 0);
  const facts = {
    structure: partner.name,
    city: partner.city ?? "",
    season: `${season}-${season + 1}`,
    until: partner.conventions[0] ? formatDay(partner.conventions[0].validUntil) : "",
  };
  switch (kind) {
    case "PARTNERSHIP_REQUEST":
      return {
        ...frame(recipientName, {
          subject: t("PARTNERSHIP_REQUEST.subject", facts),
          paragraphs: [t("PARTNERSHIP_REQUEST.lead", facts)],
          action: { label: t("PARTNERSHIP_REQUEST.action"), url: adminPage },
        }),
        url: adminPage,
      };
    case "CONVENTION_ENDING":
      return {
        ...frame(recipientName, {
          subject: t("CONVENTION_ENDING.subject", facts),
          paragraphs: [t("CONVENTION_ENDING.lead", facts)],
          action: { label: t("CONVENTION_ENDING.action"), url: adminPage },
        }),
        url: adminPage,
      };
    default: {
      const home = appUrl("/partenaire");
      const which = kind === "MEMBERSHIP_REMINDER" ? "MEMBERSHIP_REMINDER" : "MEMBERSHIP_INVITATION";
      return {
        ...frame(recipientName, {
          subject: t(`${which}.subject`, facts),
          paragraphs: [t(`${which}.lead`, facts), t("MEMBERSHIP_INVITATION.never")],
          action: { label: t("MEMBERSHIP_INVITATION.action"), url: home },
        }),
        url: home,
      };
    }
  }
}
