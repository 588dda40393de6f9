/** @jest-environment jsdom */
// A session on the event page says what a booking will do (rule 1): with places left but the structure's
// quota with the venue used, a booking goes on the waitlist; the page says so, why, when it may change,
// and its button says what it does (issue item 9).
import { render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { EventSessionItem } from "@/components/offer/event-session";
import type { EventSession } from "@/lib/catalog/event";
import messages from "@/messages/fr";
import { pickMessages } from "@/lib/i18n/client-messages";

const EVENT = "0190f0e0-0000-7000-8000-0000000000e1";
const startsAt = new Date("2026-12-12T19:30:00Z"); // Saturday 12 December, 20:30 in Paris

function session(overrides: Partial<EventSession> = {}): EventSession {
  return {
    id: "0190f0e0-0000-7000-8000-0000000000f1",
    startsAt,
    endsAt: null,
    placesLeft: 3,
    waitlistLength: 0,
    window: "OPEN",
    quotaLeft: 0,
    quotaMax: 2,
    waitsFor: "QUOTA_REACHED",
    quotaLiftsAt: null,
    conventionValid: true,
    ...overrides,
  };
}

function renderSession(
  value: EventSession,
  quotaRule: { period: "SESSION" | "MONTH" | "SEASON"; maxPlaces: number; liftDaysBefore: number | null } | null = {
    period: "SESSION",
    maxPlaces: 2,
    liftDaysBefore: null,
  },
) {
  render(
    <NextIntlClientProvider locale="fr" messages={pickMessages(messages)} timeZone="Europe/Paris">
      <ul>
        <EventSessionItem eventId={EVENT} session={value} quotaRule={quotaRule} isPartner canBook />
      </ul>
    </NextIntlClientProvider>,
  );
}

describe("a session of the event page, for a partner", () => {
  it("says plainly that a booking will wait when the structure's quota is used, and why", () => {
    renderSession(session());
    expect(screen.getByText("3 places disponibles")).toBeInTheDocument();
    expect(screen.queryByText(/0 place/)).not.toBeInTheDocument();
    const notice = screen.getByText(/Une réservation ira en liste d'attente/).closest("div")!;
    expect(notice).toHaveTextContent("votre structure a déjà réservé toutes les places que ce lieu lui accorde pour cette séance");
    expect(notice).toHaveTextContent("Ce lieu accorde au plus 2 places par séance à chaque structure");
    expect(notice).toHaveTextContent("si une place se libère dans le quota de votre structure");
    expect(screen.queryByRole("link", { name: /^Réserver/ })).not.toBeInTheDocument();
    const link = screen.getByRole("link", { name: /^S'inscrire en liste d'attente/ });
    expect(link).toHaveAttribute("href", `/offre/${EVENT}/reserver/0190f0e0-0000-7000-8000-0000000000f1`);
    // The session's date in the platform's formats (getByText reads a non-breaking space as a space):
    // short in the list, in full for a screen reader (no abbreviation to spell out).
    expect(screen.getByText("sam. 12 déc. 2026 à 20 h 30")).toHaveAttribute("dateTime", startsAt.toISOString());
    expect(link).toHaveAttribute("aria-label", "S'inscrire en liste d'attente — samedi 12 décembre 2026 à\u00a020\u00a0h\u00a030");
    // A screen reader's user hears why beside the button, not only somewhere above it.
    expect(link).toHaveAccessibleDescription(/^Une réservation ira en liste d'attente.*Ce lieu accorde au plus 2 places par séance/);
  });

  it("names the month of a monthly quota and the day the venue lifts its rule", () => {
    renderSession(session({ quotaMax: 1, quotaLiftsAt: new Date("2026-12-09T19:30:00Z") }), { period: "MONTH", maxPlaces: 1, liftDaysBefore: 3 });
    expect(screen.getByText(/lui accorde en décembre 2026/)).toBeInTheDocument();
    expect(screen.getByText(/au plus 1 place par mois/)).toBeInTheDocument();
    expect(screen.getByText(/Le mercredi 9 décembre 2026 à 20 h 30, 3 jours avant la séance, ce lieu lève son quota/)).toBeInTheDocument();
  });

  it("books at once while the quota leaves places, and says how many", () => {
    renderSession(session({ quotaLeft: 2, waitsFor: null }));
    expect(screen.getByText("Votre structure peut encore réserver 2 places pour cette séance.")).toBeInTheDocument();
    expect(screen.queryByText(/ira en liste d'attente/)).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: /^Réserver/ })).toBeInTheDocument();
  });

  it("announces nothing where bookings are not open, and keeps the quota's figure", () => {
    renderSession(session({ window: "NOT_YET_OPEN" }));
    expect(screen.queryByText(/ira en liste d'attente/)).not.toBeInTheDocument();
    expect(screen.getByText("Réservations pas encore ouvertes")).toBeInTheDocument();
    expect(screen.getByText("Votre structure peut encore réserver 0 place pour cette séance.")).toBeInTheDocument();
  });

  it("says a booking will wait for places when the session is full", () => {
    renderSession(session({ placesLeft: 0, quotaLeft: 2, waitsFor: "NO_PLACES", waitlistLength: 2 }));
    expect(screen.getByText("Complet")).toBeInTheDocument();
    expect(
      screen.getByText(/Une réservation ira en liste d'attente : elle sera confirmée, dans l'ordre des demandes, si des places se libèrent/),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /^S'inscrire en liste d'attente/ })).toBeInTheDocument();
  });
});

describe("a session of the event page opened from a person's wish (issue 29.14)", () => {
  it("carries the wish on to the booking form", () => {
    const wish = "0190f0e0-0000-7000-8000-0000000000a1";
    render(
      <NextIntlClientProvider locale="fr" messages={pickMessages(messages)} timeZone="Europe/Paris">
        <ul>
          <EventSessionItem eventId={EVENT} session={session({ waitsFor: null, quotaLeft: 2 })} quotaRule={null} isPartner canBook wishId={wish} />
        </ul>
      </NextIntlClientProvider>,
    );
    expect(screen.getByRole("link", { name: /^Réserver/ })).toHaveAttribute("href", `/offre/${EVENT}/reserver/${session().id}?envie=${wish}`);
  });
});
