// Issue 27.11: POST /offre/version (the easy-to-read or classic offer) is taken from this site's own pages
// only, as Next.js takes server actions: a form posted from another site is refused and changes nothing.
import { POST } from "@/app/offre/version/route";
import { READING_MODE_COOKIE } from "@/lib/catalog/reading-mode";

function post(headers: Record<string, string>) {
  return POST(
    new Request("http://billetterie.exemple.fr/offre/version", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body: "mode=facile",
    }),
  );
}

it("switches the reading mode for a form of this site", async () => {
  const forms: Record<string, string>[] = [
    { Host: "billetterie.exemple.fr", Origin: "https://billetterie.exemple.fr" },
    { Host: "127.0.0.1:3000", "X-Forwarded-Host": "billetterie.exemple.fr", Origin: "https://billetterie.exemple.fr" },
    { Host: "billetterie.exemple.fr" },
  ];
  for (const headers of forms) {
    const response = await post(headers);
    expect(response.status).toBe(303);
    expect(response.headers.get("set-cookie")).toContain(`${READING_MODE_COOKIE}=facile`);
  }
});

it("refuses a form posted from another site, in French, and sets nothing", async () => {
  for (const origin of ["https://evil.example", "null", "https://billetterie.exemple.fr.evil.example"]) {
    const response = await post({ Host: "billetterie.exemple.fr", Origin: origin });
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await response.text()).toMatch(/^Envoi refusé/);
  }
});
