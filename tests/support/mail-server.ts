// A mail server on localhost for the tests that send real mail (SMTP_URL points at it while it runs): it
// keeps every message it takes, whole, and counts the connections made to it and those still open.
import { SMTPServer } from "smtp-server";

export async function startMailServer() {
  const received: string[] = [];
  let connections = 0;
  let open = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      connections++;
      open++;
      callback();
    },
    onClose() {
      open--;
    },
    onData(stream, _session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push(data);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`;
  return {
    received,
    connections: () => connections,
    open: () => open,
    close: async () => {
      delete process.env.SMTP_URL;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
