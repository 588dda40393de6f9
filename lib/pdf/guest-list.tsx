// A session's guest list on one A4 page for the ticket office: names in alphabetical order, booking
// numbers, structures and their phone, what to prepare, and a box to tick at the door. Small type so
// that a full session fits; long lists go on over further pages.
import { formatBookingNumber } from "@/lib/booking/number";
import { formatSessionDate } from "@/lib/invitation/format";
import { describeNeeds, type GuestList } from "@/lib/venue/guest-list";
import { PDF_FONT_FAMILY } from "./fonts";
import { loadReactPdf } from "./invitation";

export async function renderGuestListPdf(list: GuestList): Promise<Buffer> {
  const pdf = await loadReactPdf();
  const { Document, Page, Text, View, StyleSheet } = pdf;
  const styles = StyleSheet.create({
    page: { fontFamily: PDF_FONT_FAMILY, fontSize: 8.5, padding: 28, color: "#000" },
    title: { fontSize: 14, fontWeight: "bold" },
    subtitle: { fontSize: 10, marginBottom: 8 },
    row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#777", paddingVertical: 2.5 },
    head: { fontWeight: "bold", borderBottomWidth: 1, borderBottomColor: "#000" },
    box: { width: 16 },
    name: { width: "30%" },
    number: { width: "13%" },
    partner: { width: "33%" },
    needs: { flexGrow: 1, flexBasis: 0 },
  });
  const Row = ({ cells, head = false }: { cells: string[]; head?: boolean }) => (
    <View style={head ? [styles.row, styles.head] : styles.row} wrap={false}>
      <Text style={styles.box}>{head ? "" : "☐"}</Text>
      <Text style={styles.name}>{cells[0]}</Text>
      <Text style={styles.number}>{cells[1]}</Text>
      <Text style={styles.partner}>{cells[2]}</Text>
      <Text style={styles.needs}>{cells[3]}</Text>
    </View>
  );
  return pdf.renderToBuffer(
    <Document title={`Invités — ${list.session.eventTitle}`} language="fr">
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>{list.session.eventTitle}</Text>
        <Text style={styles.subtitle}>
          {formatSessionDate(list.session.startsAt)} — {list.guests.length} invité{list.guests.length > 1 ? "s" : ""}
        </Text>
        <Row head cells={["Nom", "Réservation", "Structure (téléphone)", "À prévoir"]} />
        {list.guests.map((guest) => (
          <Row
            key={`${guest.bookingId}-${guest.position}`}
            cells={[`${guest.lastName} ${guest.firstName}`, formatBookingNumber(guest.number), `${guest.partnerName}${guest.partnerPhone ? ` (${guest.partnerPhone})` : ""}`, describeNeeds(guest.needs)]}
          />
        ))}
      </Page>
    </Document>,
  );
}
