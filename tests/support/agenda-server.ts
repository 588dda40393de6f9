// A venue's agenda served for real over HTTP on this machine (issue 33.1): the season import's tests and
// its e2e read their iCalendar files and OpenAgenda answers from it, through the platform's own fetching
// (never a mocked fetch). Each path answers what the test last put there.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Answer {
  status?: number;
  type?: string;
  body: string | Buffer | ((url: URL) => string);
  /** Never answers: the platform's time-out must end the wait. */
  hang?: boolean;
}

export interface AgendaServer {
  url: string;
  /** What `path` answers from now on (a path ending in "*" matches every path under it). */
  serve(path: string, answer: Answer): void;
  /** The requests received, newest last. */
  requests: URL[];
  close(): Promise<void>;
}

export async function startAgendaServer(port = 0): Promise<AgendaServer> {
  const answers = new Map<string, Answer>();
  const requests: URL[] = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    requests.push(url);
    const answer = answers.get(url.pathname) ?? [...answers].find(([path]) => path.endsWith("*") && url.pathname.startsWith(path.slice(0, -1)))?.[1];
    if (!answer) return void response.writeHead(404).end("not found");
    if (answer.hang) return;
    response.writeHead(answer.status ?? 200, { "content-type": answer.type ?? "text/calendar; charset=utf-8" });
    response.end(typeof answer.body === "function" ? answer.body(url) : answer.body);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  // Never what keeps a test process alive.
  server.unref();
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serve: (path, answer) => void answers.set(path, answer),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
