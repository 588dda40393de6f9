/** @jest-environment jsdom */
import { fireEvent, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import ErrorPage from "@/app/error";
import messages from "@/messages/fr";
import { pickMessages } from "@/lib/i18n/client-messages";

describe("the error page", () => {
  it("explains in French and lets the person try again", () => {
    const reset = jest.fn();
    jest.spyOn(console, "error").mockImplementation(() => {});
    render(
      <NextIntlClientProvider locale="fr" messages={pickMessages(messages)}>
        <ErrorPage error={new Error("boom")} reset={reset} />
      </NextIntlClientProvider>,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("Une erreur est survenue");
    fireEvent.click(screen.getByRole("button", { name: "Réessayer" }));
    expect(reset).toHaveBeenCalledTimes(1);
  });
});
