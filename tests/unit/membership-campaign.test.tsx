/** @jest-environment jsdom */
// Issue 29.10: the membership campaign no longer offers next season without a word. For the next season
// (from June, decision 018) it says when that season starts and that inviting now asks the structures to
// join for it; before June it says when its invitations open, and offers none.
import { render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { CampaignSection } from "@/components/association/memberships/sections/campaign";
import messages from "@/messages/fr";
import { pickMessages } from "@/lib/i18n/client-messages";

jest.mock("next-intl/server", () => ({
  getLocale: async () => "fr",
  getMessages: async () => jest.requireActual<{ default: Record<string, unknown> }>("@/messages/fr").default,
  getTimeZone: async () => "Europe/Paris",
}));

const action = async () => ({ ok: true });
const props = { season: 2027, label: "2027-2028", notInvited: 3, invited: 0, inviteAll: action, remind: action };

async function renderSection(opening: "OPEN" | "NEXT" | "PAST" | "TOO_EARLY") {
  render(
    <NextIntlClientProvider locale="fr" messages={pickMessages(messages)}>
      {await CampaignSection({ ...props, opening })}
    </NextIntlClientProvider>,
  );
}

it("says that the next season starts on 1 September and that inviting now is for that season", async () => {
  await renderSection("NEXT");
  const notice = screen.getByText(/saison prochaine/i, { selector: "p" });
  expect(notice).toHaveTextContent("La saison 2027-2028 est la saison prochaine : elle commence le 1er septembre 2027.");
  expect(notice).toHaveTextContent("Inviter maintenant demande aux structures d'adhérer pour la saison 2027-2028, pas pour la saison en cours.");
  expect(screen.getByRole("button", { name: /Inviter/ })).toBeInTheDocument();
});

it("before June, says when the next season's invitations open, and offers none", async () => {
  await renderSection("TOO_EARLY");
  expect(screen.getByText(/2027-2028/, { selector: "p" })).toHaveTextContent(
    "Les invitations pour la saison 2027-2028 ouvrent le 1er juin 2027, trois mois avant qu'elle commence.",
  );
  expect(screen.queryByRole("button")).toBeNull();
});

it("for the season under way, says nothing of the next", async () => {
  await renderSection("OPEN");
  expect(screen.queryByText(/saison prochaine/i)).toBeNull();
  expect(screen.getByRole("button", { name: /Inviter/ })).toBeInTheDocument();
});
