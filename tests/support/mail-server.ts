// A mail server on localhost for the tests that send real mail (SMTP_URL points at it while it runs): it
// keeps every message it takes, whole, and counts the connections made to it and those still open, and
// the reads of the socket each message took (a message written at once arrives in one or two: its end).
import type { Socket } from "node:net";
import { SMTPServer } from "smtp-server";

export async function startMailServer() {
  const received: string[] = [];
  const reads: number[] = [];
  /** The socket's reads so far, by the client's port (what a session knows of its socket). */
  const readsByPort = new Map<number, number>();
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
    onData(stream, session, callback) {
      let data = "";
      const readsBefore = readsByPort.get(session.remotePort) ?? 0;
      stream.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
      stream.on("end", () => {
        received.push(data);
        reads.push((readsByPort.get(session.remotePort) ?? 0) - readsBefore);
        callback();
      });
    },
  });
  server.server.on("connection", (socket: Socket) => {
    const port = socket.remotePort!;
    socket.on("data", () => readsByPort.set(port, (readsByPort.get(port) ?? 0) + 1));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`;
  return {
    received,
    reads,
    connections: () => connections,
    open: () => open,
    close: async () => {
      delete process.env.SMTP_URL;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
