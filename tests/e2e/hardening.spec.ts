// Issue 10 (hardening) against the running demo, over HTTP as a browser or an attacker sends it:
// security headers (item 15), images up to 5 MB and a French answer above (16), malformed requests
// answered without a 500 (17), sign-in redirects that stay on the site (9), and a per-address limit
// that a made-up X-Forwarded-For does not dodge (10).
import http from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import sharp from "sharp";
import { ACCOUNTS, PASSWORD, reseedDemo, signIn } from "./support";

test.describe.configure({ mode: "serial" });
// The limits test fills this client's sign-in window: the demo's data is reloaded after.
test.afterAll(() => reseedDemo());

test("pages come with a nonce-based Content-Security-Policy and the other security headers", async ({ request }) => {
  const first = await request.get("/");
  const second = await request.get("/");
  const policy = first.headers()["content-security-policy"]!;
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).not.toContain("unsafe-eval");
  expect(policy).toContain("frame-ancestors 'none'");
  // A new nonce for every page, and the page's scripts carry it.
  const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
  expect(/'nonce-([^']+)'/.exec(second.headers()["content-security-policy"]!)![1]).not.toBe(nonce);
  expect(await first.text()).toContain(`nonce="${nonce}"`);
  expect(first.headers()).toMatchObject({
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
  });
  expect(first.headers()["permissions-policy"]).toContain("camera=()");
  // No HSTS over plain HTTP (the demo); README says how it comes with HTTPS.
  expect(first.headers()["strict-transport-security"]).toBeUndefined();
});

test("the door check may use the camera; pages run with no console error under the policy", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await signIn(page, ACCOUNTS.venue);
  const door = await page.goto("/lieu/controle");
  expect(door!.headers()["permissions-policy"]).toContain("camera=(self)");
  await page.goto("/lieu");
  expect(errors.filter((text) => /Content Security Policy|Refused to/.test(text))).toEqual([]);
});

async function noiseImage(megabytes: number): Promise<Buffer> {
  // Noise does not compress: a PNG of about `megabytes`.
  const side = Math.round(Math.sqrt((megabytes * 1024 * 1024) / 3));
  const pixels = Buffer.alloc(side * side * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24;
  return sharp(pixels, { raw: { width: side, height: side, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

test("an image of 3 MB is taken; one over 5 MB gets a French answer", async ({ page }) => {
  test.slow();
  await signIn(page, ACCOUNTS.venue);
  await page.getByRole("link", { name: "Déclarer un événement" }).click();
  await page.getByLabel("Titre").fill("Affiche lourde");
  await page.getByLabel("Présentation").fill("Un spectacle à l'affiche lourde.");
  await page.getByLabel("Genre").selectOption("DANCE");
  await page.getByRole("button", { name: "Créer le brouillon" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Affiche lourde");

  await page.getByText("Image", { exact: true }).click();
  const image = page.getByLabel("Fichier (JPEG, PNG ou WebP, 5 Mo au plus)");
  const three = await noiseImage(3);
  expect(three.length).toBeGreaterThan(2 * 1024 * 1024);
  await image.setInputFiles({ name: "affiche.png", mimeType: "image/png", buffer: three });
  await page.getByRole("button", { name: "Envoyer l'image" }).click();
  await expect(page.getByRole("status")).toContainText(/Image enregistrée/);

  await image.setInputFiles({ name: "trop-lourde.png", mimeType: "image/png", buffer: await noiseImage(5.5) });
  await page.getByRole("button", { name: "Envoyer l'image" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "trop-lourde.png" })).toContainText("« trop-lourde.png » dépasse 5 Mo");
});

test("malformed requests get an answer, never a server error", async ({ page, request }) => {
  for (const path of [
    "/offre?q=%00",
    "/offre?ville=%00&quartier=a%00b",
    "/offre?acces=toString&categorie=__proto__",
    "/offre?page=1e300",
    "/offre/pas-un-id",
    "/offre/%00",
    "/api/events/toString/image",
    "/connexion?suite=/%0A/evil.example",
    "/connexion?suite=a&suite=b",
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
  }
  await signIn(page, ACCOUNTS.partner);
  for (const path of [
    "/partenaire/personnes?q=%00",
    "/partenaire/personnes?page=1e300",
    "/partenaire/personnes/toString",
    "/partenaire/reservations/%00",
    "/partenaire/reservations?page=-3&onglet=__proto__",
  ]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
  }
  // An action's body over the limit (item 16), sent as a script would, not through the form that
  // refuses a file over 5 MB before sending: the proxy answers before anything is parsed, in French.
  const tooBig = await page.request.post("/partenaire/personnes", {
    headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
    data: Buffer.alloc(7 * 1024 * 1024, 0x61),
    maxRedirects: 0,
  });
  expect(tooBig.status()).toBe(413);
  expect(await tooBig.text()).toMatch(/^Envoi trop volumineux : 6 Mo au plus/);
  // Answered by scripts/server.ts, which gives an action's answers the headers proxy.ts gives pages.
  expect(tooBig.headers()["x-content-type-options"]).toBe("nosniff");
});

test("pages come compressed to a browser that accepts it", async ({ request }) => {
  const response = await request.get("/offre", { headers: { "Accept-Encoding": "gzip, deflate" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-encoding"]).toBe("gzip");
  expect(await response.text()).toContain("</html>");
});

test("after signing in, ?suite= leads only to a page of this site", async ({ page }) => {
  for (const suite of ["/%5Cevil.example", "/%09/evil.example", "//evil.example", "https://evil.example"]) {
    await page.context().clearCookies();
    await page.goto(`/connexion?suite=${suite}`);
    await page.getByLabel("Adresse e-mail").fill(ACCOUNTS.partner);
    await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
    expect(new URL(page.url()).host, suite).toBe(new URL(test.info().project.use.baseURL!).host);
  }
});

async function visitorAttempt(request: APIRequestContext, code: string, forwardedFor: string): Promise<string> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/visitor", {
    form: { code, csrfToken, json: "true" },
    headers: { "x-forwarded-for": forwardedFor },
    maxRedirects: 0,
  });
  const location = response.headers().location ?? (await response.text());
  return /error=(\w+)/.exec(location)?.[1] ?? "OK";
}

test("a made-up X-Forwarded-For does not dodge the per-address limit on visitor codes", async ({ request }) => {
  const answers: string[] = [];
  for (let i = 0; i < 12; i++) answers.push(await visitorAttempt(request, `FAUX${i}XYZ`, `198.51.100.${i}`));
  expect(answers.slice(0, 10)).toEqual(Array(10).fill("INVALID"));
  expect(answers.slice(10)).toEqual(["THROTTLED", "THROTTLED"]);
});

/** Sends a body in pieces with no announced length, as a script may; the server may stop reading. */
function chunkedPost(url: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, text: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
    let offset = 0;
    const next = () => {
      while (offset < body.length) if (!request.write(body.subarray(offset, (offset += 256 * 1024)))) return void request.once("drain", next);
      request.end();
    };
    next();
  });
}

// Issue 27, points 5, 11 and 12, against the built app behind scripts/server.ts (lib/http/request-gate.ts).
test("every body is limited, whatever its headers, and answered in French", async ({ request }) => {
  const base = test.info().project.use.baseURL!;
  const kinds: Record<string, string>[] = [{ "next-router-prefetch": "1" }, { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" }];
  for (const headers of kinds) {
    const answer = await chunkedPost(new URL("/offre/version", base).href, headers, Buffer.alloc(8 * 1024 * 1024, 0x61));
    expect(answer.status).toBe(413);
    expect(answer.text).toMatch(/^Envoi trop volumineux : 6 Mo au plus/);
  }
  const announced = await request.post("/offre/version", {
    headers: { "next-router-prefetch": "1" },
    data: Buffer.alloc(7 * 1024 * 1024, 0x61),
    maxRedirects: 0,
  });
  expect(announced.status()).toBe(413);
});

test("a page fetched as a prefetch carries the security headers too", async ({ request }) => {
  const kinds: Record<string, string>[] = [{ "next-router-prefetch": "1" }, { purpose: "prefetch" }];
  for (const headers of kinds) {
    const response = await request.get("/", { headers });
    expect(response.headers()["x-frame-options"]).toBe("DENY");
    expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    if (/text\/html/.test(response.headers()["content-type"] ?? "")) {
      const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"]!)![1]!;
      expect(await response.text()).toContain(`nonce="${nonce}"`);
    }
  }
});

test("an action body React cannot decode is answered 400 in French, and the server stays up", async ({ request }) => {
  const action = { "next-action": "0".repeat(42) };
  const bodies: { headers: Record<string, string>; data: string }[] = [
    { headers: { ...action, "content-type": "text/plain;charset=UTF-8" }, data: "n'importe quoi {{" },
    {
      headers: { ...action, "content-type": "multipart/form-data; boundary=xx" },
      data: '--xx\r\nContent-Disposition: form-data; name="1"\r\n\r\n"$K2"\r\n--xx--\r\n',
    },
    {
      headers: { ...action, "content-type": "multipart/form-data; boundary=xx" },
      data: '--xx\r\nContent-Disposition: form-data; name="0"\r\n\r\n{"then":"$1:__proto__:then"}\r\n--xx\r\nContent-Disposition: form-data; name="1"\r\n\r\n"$@0"\r\n--xx--\r\n',
    },
  ];
  for (const { headers, data } of bodies) {
    const response = await request.post("/offre", { headers, data, maxRedirects: 0 });
    expect(response.status()).toBe(400);
    expect(await response.text()).toMatch(/^Envoi illisible/);
  }
  expect((await request.get("/")).status()).toBe(200);
});

test("the reading mode is switched from this site only", async ({ request }) => {
  const base = new URL(test.info().project.use.baseURL!);
  const from = (origin: string) => request.post("/offre/version", { headers: { origin }, form: { mode: "classique" }, maxRedirects: 0 });
  expect((await from("https://evil.example")).status()).toBe(403);
  expect((await from(base.origin)).status()).toBe(303);
});
