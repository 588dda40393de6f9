// Issue 35.2 ("mail keeps up"): sending a mail was made cheaper (the template rendered once per shape and
// filled, one SMTP connection pool per server, the mail of a booking written and sent by one job). None
// of that may change what a person receives: this test pins, word for word and tag for tag, the subject,
// plain text and HTML of a booking's confirmation and of its cancellation as the mail server receives
// them. The expected texts were taken from the code before those changes (tests/integration/golden/).
import fs from "node:fs";
import path from "node:path";
import { cancelBooking } from "@/lib/booking/cancel";
import { requestBooking } from "@/lib/booking/request";
import { formatBookingNumber } from "@/lib/booking/number-format";
import { getPrisma } from "@/lib/db/client";
import { adminActor } from "../factories/actors";
import { partners, request, stage } from "../factories/booking";
import { forgetJobsAndMail, runJobs } from "../support/jobs";
import { startMailServer } from "../support/mail-server";

jest.setTimeout(120_000);
beforeEach(() => forgetJobsAndMail());

const GOLDEN = path.join(__dirname, "golden", "booking-mails.json");

/** What changes from one run to the next (ids, generated names, the booking's number) is replaced by its role. */
function stable(text: string, names: Record<string, string>): string {
  let out = text;
  for (const [value, role] of Object.entries(names)) out = out.split(value).join(`{${role}}`);
  return out;
}

describe("what a booking's mails say, pinned", () => {
  it("the confirmation and the cancellation leave with the same subject, text and HTML as before", async () => {
    const smtp = await startMailServer();
    try {
      const { sessionId, venueId } = await stage({ capacity: 5 });
      const [partner] = await partners(1);
      const result = await requestBooking(partner!.actor, request(sessionId, partner!.id, 3));
      const bookingId = (result as { confirmed: { id: string } }).confirmed.id;
      await runJobs();
      await cancelBooking(await adminActor(), { bookingId, note: "La salle est fermée" });
      await runJobs();

      const prisma = getPrisma();
      const booking = await prisma.booking.findUniqueOrThrow({ where: { id: bookingId }, select: { number: true } });
      const venue = await prisma.venue.findUniqueOrThrow({ where: { id: venueId }, select: { name: true } });
      const user = await prisma.user.findFirstOrThrow({ where: { partnerId: partner!.id }, select: { name: true, email: true } });
      const names = { [bookingId]: "bookingId", [venue.name]: "venue", [user.name ?? "?"]: "user", [user.email]: "email" };
      const mails = await prisma.outboxMail.findMany({
        where: { kind: { in: ["BOOKING_CONFIRMED", "BOOKING_CANCELLED"] } },
        orderBy: { kind: "desc" },
        select: { id: true, kind: true, status: true, subject: true, text: true, html: true },
      });
      expect(mails.map((mail) => [mail.kind, mail.status])).toEqual([
        ["BOOKING_CONFIRMED", "SENT"],
        ["BOOKING_CANCELLED", "SENT"],
      ]);
      const written = formatBookingNumber(booking.number);
      const pinned = mails.map((mail) => ({
        kind: mail.kind,
        subject: stable(mail.subject ?? "", { ...names, [written]: "number" }),
        text: stable(mail.text ?? "", { ...names, [written]: "number" }),
        html: stable(mail.html ?? "", { ...names, [written]: "number" }),
      }));
      if (process.env.PIN_MAILS === "write") fs.writeFileSync(GOLDEN, `${JSON.stringify(pinned, null, 2)}\n`);
      expect(pinned).toEqual(JSON.parse(fs.readFileSync(GOLDEN, "utf8")));

      // What the mail server received is that text and that HTML (quoted-printable in the message).
      expect(smtp.received).toHaveLength(2);
      // Written whole, then sent (lib/mail/deliver.ts): one read of the mail server's each, or two with the
      // end mark, not one per header, part and line as when the message was streamed (12 and 14 then).
      for (const count of smtp.reads) expect(count).toBeLessThanOrEqual(2);
      for (const mail of mails) {
        const message = smtp.received.find((data) => data.includes(`Message-ID: <${mail.id}@billetterie-solidaire>`))!;
        expect(message).toBeDefined();
        expect(decodeQuotedPrintable(message)).toContain(mail.text!.split("\n").find((line) => line.length > 20)!);
      }
    } finally {
      await smtp.close();
    }
  });
});

function decodeQuotedPrintable(message: string): string {
  return Buffer.from(
    message.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");
}
