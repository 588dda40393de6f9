// A session's guest list on one A4 page for the ticket office: names in alphabetical order, booking
// numbers, structures and their phone, what to prepare, and an "Arrivé" box to tick by hand at the door
// (crossed already for a guest marked arrived when it is printed). The box is drawn, not a character:
// the embedded font is a subset without the ballot-box signs. Small type so that a full session fits;
// long lists go on over further pages.
import { formatBookingNumber } from "@/lib/booking/number";
import { formatSessionDate } from "@/lib/format/dates";
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
    tick: { width: 38 },
    box: { width: 10, height: 10, borderWidth: 0.8, borderColor: "#000" },
    cross: { fontSize: 7, lineHeight: 1.1, textAlign: "center" },
    name: { width: "30%" },
    number: { width: "13%" },
    partner: { width: "33%" },
    needs: { flexGrow: 1, flexBasis: 0 },
  });
  const Row = ({ tick, cells }: { tick: "head" | "empty" | "arrived"; cells: string[] }) => (
    <View style={tick === "head" ? [styles.row, styles.head] : styles.row} wrap={false}>
      {tick === "head" ? (
        <Text style={styles.tick}>Arrivé</Text>
      ) : (
        <View style={styles.tick}>
          <View style={styles.box}>{tick === "arrived" ? <Text style={styles.cross}>×</Text> : null}</View>
        </View>
      )}
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
        <Row tick="head" cells={["Nom", "Réservation", "Structure (téléphone)", "À prévoir"]} />
        {list.guests.map((guest) => (
          <Row
            key={`${guest.bookingId}-${guest.position}`}
            tick={guest.checkedInAt ? "arrived" : "empty"}
            cells={[
              `${guest.lastName} ${guest.firstName}`,
              formatBookingNumber(guest.number),
              `${guest.partnerName}${guest.partnerPhone ? ` (${guest.partnerPhone})` : ""}`,
              describeNeeds(guest.needs, guest.needsNote),
            ]}
          />
        ))}
      </Page>
    </Document>,
  );
}
