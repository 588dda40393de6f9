/** @jest-environment jsdom */
// Issue 30: the SMS outbox showed its first 20 texts only. Its pages go by their own URL word (`sms`), beside
// the mails' `page` on the same /admin/courriels, and each link brings the reader back to the SMS section.
import { render, screen } from "@testing-library/react";
import { listHref, Pagination } from "@/components/pagination";

jest.mock("next-intl/server", () => ({
  getLocale: async () => "fr",
  getMessages: async () => jest.requireActual<{ default: Record<string, unknown> }>("@/messages/fr").default,
  getTimeZone: async () => "Europe/Paris",
}));

describe("a list's pages", () => {
  it("go by `page` by default, page 1 left out", async () => {
    render(await Pagination({ path: "/admin/journal", params: { action: "booking.created" }, page: 2, pageCount: 3 }));
    expect(screen.getByRole("link", { name: /Page précédente/ })).toHaveAttribute("href", "/admin/journal?action=booking.created");
    expect(screen.getByRole("link", { name: /Page suivante/ })).toHaveAttribute("href", "/admin/journal?action=booking.created&page=3");
  });

  it("go by their own word when a page holds two lists, keeping the other list's page, and land on their section", async () => {
    render(
      await Pagination({
        path: "/admin/courriels",
        params: { etat: "echec", page: 2, sms: 2 },
        pageKey: "sms",
        fragment: "sms",
        page: 2,
        pageCount: 3,
        total: 45,
      }),
    );
    expect(screen.getByRole("link", { name: /Page précédente/ })).toHaveAttribute("href", "/admin/courriels?etat=echec&page=2#sms");
    expect(screen.getByRole("link", { name: /Page suivante/ })).toHaveAttribute("href", "/admin/courriels?etat=echec&page=2&sms=3#sms");
    expect(listHref("/admin/courriels", { page: 1, sms: 1 }, { pageKey: "sms" })).toBe("/admin/courriels");
  });
});
