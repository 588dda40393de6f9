// The replay's mail server (issue 35.2): the app servers send every mail through SMTP as in service, to
// this one, on localhost, which takes each message and drops it at once. It must answer fast, or the
// replay would measure it rather than the platform; it counts what it took.
import { SMTPServer } from "smtp-server";

export interface ReplayMailServer {
  url: string;
  received(): number;
  close(): Promise<void>;
}

export async function startMailServer(): Promise<ReplayMailServer> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    // No reverse DNS lookup of 127.0.0.1 on every connection (smtp-server does one by default).
    disableReverseLookup: true,
    logger: false,
    // The servers close their pools once idle: no need to wait long for the last connections.
    closeTimeout: 1_000,
    onData(stream, _session, callback) {
      stream.on("end", () => {
        received++;
        callback();
      });
      stream.resume();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
