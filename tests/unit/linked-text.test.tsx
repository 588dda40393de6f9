/** @jest-environment jsdom */
// Issue 29.10: the outbox's mails show their web addresses as links (the demo keeps every mail there, and a
// link had to be copied by hand); a full stop after an address is not part of it; nothing else is markup.
import { render, screen } from "@testing-library/react";
import { LinkedText } from "@/components/linked-text";

it("makes each web address of a mail's text a link, and nothing else", () => {
  render(
    <pre>
      <LinkedText text={"Bonjour,\nChoisissez votre mot de passe : https://culture.test/mot-de-passe?jeton=abc.\nÀ bientôt <b>ici</b> http://x.test/a"} />
    </pre>,
  );
  const links = screen.getAllByRole("link");
  expect(links.map((link) => link.getAttribute("href"))).toEqual(["https://culture.test/mot-de-passe?jeton=abc", "http://x.test/a"]);
  expect(screen.getByText(/À bientôt <b>ici<\/b>/)).toBeInTheDocument();
});
