// The benchmark's baseline: the same invitation page drawn by hand with pdfkit (the PDF writer react-pdf
// itself is built on), with the same fonts, the same vector QR code and the same text, placed with
// explicit coordinates instead of a flexbox layout. What react-pdf costs on top is its React tree, its
// layout (yoga) and its text engine.
import fs from "node:fs";
import PDFDocument from "pdfkit";
import { formatBookingNumber } from "../../lib/booking/number";
import { formatSessionDate } from "../../lib/format/dates";
import { fill } from "../../lib/invitation/format";
import { pdfFontFiles } from "../../lib/pdf/fonts";
import type { InvitationData } from "../../lib/invitation/invitation";
import { qrPath } from "../../lib/pdf/qr";
import catalog from "../../messages/fr/invitation.json";

const t = catalog.invitation.pdf;
// Read once, like react-pdf's font store keeps them: the baseline pays no file read per document.
const fonts = { regular: fs.readFileSync(pdfFontFiles.regular()), bold: fs.readFileSync(pdfFontFiles.bold()) };

const A4 = { width: 595.28, height: 841.89 };
const LEFT = 44;
const WIDTH = A4.width - 2 * LEFT;
const DOOR = 170;

export function renderWithPdfkit(data: InvitationData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    autoFirstPage: false,
    info: { Title: fill(t.documentTitle, { number: formatBookingNumber(data.number) }), Author: t.brand },
  });
  doc.registerFont("regular", fonts.regular);
  doc.registerFont("bold", fonts.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  const { venue, partner } = data;
  const text = (font: "regular" | "bold", size: number, value: string, x: number, y: number, width: number) => {
    doc
      .font(font)
      .fontSize(size)
      .text(value, x, y, { width, lineGap: size * 0.2 });
    return doc.y;
  };

  for (const guest of data.guests) {
    doc.addPage({ size: "A4", margin: 0 });
    doc.rect(LEFT, 32, WIDTH, 30).fill("#000000");
    doc.fillColor("#FFFFFF");
    text("bold", 13, t.brand, LEFT + 14, 40, WIDTH / 2);
    text("regular", 13, `${t.heading} · ${t.free}`, LEFT + WIDTH / 2, 40, WIDTH / 2 - 14);
    doc.fillColor("#000000");

    let y = text("bold", 15, t.nominative, LEFT, 76, WIDTH);
    y = text("regular", 13, t.forGuest, LEFT, y + 10, WIDTH);
    y = text("bold", 32, `${guest.firstName} ${guest.lastName}`, LEFT, y, WIDTH);
    if (data.guests.length > 1) y = text("regular", 12, fill(t.place, { position: guest.position + 1, places: data.guests.length }), LEFT, y, WIDTH);
    y += 14;
    doc
      .moveTo(LEFT, y)
      .lineTo(LEFT + WIDTH, y)
      .lineWidth(2)
      .stroke();
    const top = y + 14;

    const detailsWidth = WIDTH - DOOR - 24;
    y = text("bold", 20, data.event.title, LEFT, top, detailsWidth) + 4;
    y = text("bold", 11, t.when.toUpperCase(), LEFT, y + 8, detailsWidth);
    y = text("bold", 16, formatSessionDate(data.startsAt), LEFT, y, detailsWidth);
    y = text("bold", 11, t.where.toUpperCase(), LEFT, y + 8, detailsWidth);
    y = text("bold", 13, venue.name, LEFT, y, detailsWidth);
    y = text("regular", 13, venue.addressLine, LEFT, y, detailsWidth);
    y = text("regular", 13, `${venue.postalCode} ${venue.city}`, LEFT, y, detailsWidth);
    if (venue.accessInfo) {
      y = text("bold", 11, t.access.toUpperCase(), LEFT, y + 8, detailsWidth);
      y = text("regular", 13, venue.accessInfo, LEFT, y, detailsWidth);
    }
    y = text("bold", 11, t.bookedBy.toUpperCase(), LEFT, y + 8, detailsWidth);
    y = text("regular", 13, partner.name, LEFT, y, detailsWidth);

    const qr = qrPath(guest.code);
    const doorLeft = LEFT + WIDTH - DOOR;
    doc
      .save()
      .translate(doorLeft + 5, top)
      .scale(160 / qr.size)
      .path(qr.d)
      .fill("#000000")
      .restore();
    let doorY = text("bold", 11, t.number.toUpperCase(), doorLeft, top + 166, DOOR);
    doorY = text("bold", 20, formatBookingNumber(data.number), doorLeft, doorY, DOOR);
    doc
      .font("regular")
      .fontSize(11)
      .text(t.showAtDoor, doorLeft, doorY + 4, { width: DOOR, align: "center" });

    y = Math.max(y, doc.y) + 14;
    doc
      .moveTo(LEFT, y)
      .lineTo(LEFT + WIDTH, y)
      .lineWidth(2)
      .stroke();
    const boxTop = y + 14;
    y = text("bold", 17, t.cannotComeTitle, LEFT + 14, boxTop + 10, WIDTH - 28);
    y = text("regular", 13, t.cannotComeText, LEFT + 14, y + 4, WIDTH - 28);
    y = text("bold", 13, `${t.structure} : ${partner.name}`, LEFT + 14, y + 8, WIDTH - 28);
    y = text("regular", 13, [partner.phone, partner.email].filter(Boolean).join("  –  "), LEFT + 14, y, WIDTH - 28);
    y = text("bold", 13, `${t.ticketOffice} : ${venue.ticketOfficeName ?? venue.name}`, LEFT + 14, y + 8, WIDTH - 28);
    y = text("regular", 13, [venue.ticketOfficePhone, venue.ticketOfficeEmail].filter(Boolean).join("  –  "), LEFT + 14, y, WIDTH - 28);
    doc
      .rect(LEFT, boxTop, WIDTH, y + 10 - boxTop)
      .lineWidth(2)
      .stroke();

    const footerTop = A4.height - 28 - 32;
    doc
      .moveTo(LEFT, footerTop)
      .lineTo(LEFT + WIDTH, footerTop)
      .lineWidth(1)
      .stroke();
    text("regular", 10, t.footer, LEFT, footerTop + 6, WIDTH);
  }
  doc.end();
  return done;
}
