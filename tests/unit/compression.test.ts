// What scripts/server.ts compresses (lib/http/compression.ts, the `compression` middleware on a real
// node:http server): pages and page-sized action answers, never a server action's own small result.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { compressAnswers } from "@/lib/http/compression";

/** Answers as Next.js does: headers first, then the body in streamed chunks, with no length. */
function answer(res: http.ServerResponse, contentType: string, body: string, extraHeaders: Record<string, string> = {}) {
  res.setHeader("Content-Type", contentType);
  for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);
  res.flushHeaders();
  const half = Math.floor(body.length / 2);
  res.write(body.slice(0, half));
  res.end(body.slice(half));
}

const page = "<!doctype html><main>" + "Une sortie au théâtre. ".repeat(400) + "</main>";
const result = '0:{"a":"$@1"}\n1:{"ok":true,"outcome":"CONFIRMED","href":"/partenaire/reservations/x?resultat=CONFIRMED"}\n';

let server: http.Server;
let origin: string;

beforeAll(async () => {
  const compress = compressAnswers();
  server = http.createServer((req, res) =>
    compress(req, res, () => {
      if (req.url === "/page") return answer(res, "text/html; charset=utf-8", page);
      if (req.url === "/action") return answer(res, "text/x-component", result);
      if (req.url === "/action-revalidated") return answer(res, "text/x-component", page, { "x-action-revalidated": "[[],1,0]" });
      if (req.url === "/action-redirect") return answer(res, "text/x-component", page, { "x-action-redirect": "/partenaire;push" });
      res.statusCode = 404;
      res.end();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(pathname: string, headers: Record<string, string>, method = "GET"): Promise<{ encoding?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${origin}${pathname}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const raw = Buffer.concat(chunks);
        const encoding = response.headers["content-encoding"];
        resolve({ encoding, body: (encoding === "gzip" ? zlib.gunzipSync(raw) : encoding === "br" ? zlib.brotliDecompressSync(raw) : raw).toString("utf8") });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

const browser = { "Accept-Encoding": "gzip, deflate, br" };
const action = { ...browser, "Next-Action": "7f3a", Accept: "text/x-component" };

describe("compressed answers", () => {
  it("compresses a page for a browser that accepts it, and sends it whole", async () => {
    const answer = await get("/page", browser);
    expect(answer.encoding).toBe("br");
    expect((await get("/page", { "Accept-Encoding": "gzip" })).encoding).toBe("gzip");
    expect(answer.body).toBe(page);
  });

  it("sends a page plain to a client that does not accept compression", async () => {
    expect(await get("/page", {})).toEqual({ encoding: undefined, body: page });
  });

  it("leaves a server action's own result as it is", async () => {
    expect(await get("/action", action, "POST")).toEqual({ encoding: undefined, body: result });
  });

  it("compresses an action's answer that carries a page (a path revalidated, a redirect)", async () => {
    for (const pathname of ["/action-revalidated", "/action-redirect"]) {
      const answer = await get(pathname, action, "POST");
      expect(answer.encoding).toBe("br");
      expect(answer.body).toBe(page);
    }
  });
});
