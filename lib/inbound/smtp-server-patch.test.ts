import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { smtpDialog } from "@/tests/smtp-test-client";
import { patchSmtpServer, type PatchedConnection } from "./smtp-server-patch";

// The receiver's one patch of smtp-server (smtp-server-patch.ts): this fails when an upgrade of smtp-server
// changes what it relies on, before the receiver's own tests fail in less obvious ways.

let server: SMTPServer | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function start(onConnection: (conn: PatchedConnection) => void) {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    hideENHANCEDSTATUSCODES: false,
    onMailFrom(_address, _session, callback) {
      callback(Object.assign(new Error("5.7.1 Not from you"), { responseCode: 550 }));
    },
  });
  patchSmtpServer(server, onConnection);
  const net = (server as unknown as { server: import("node:net").Server }).server;
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", () => r()));
  return (net.address() as AddressInfo).port;
}

describe("the smtp-server patch", () => {
  it("hands each new connection over with its id, send and socket, before the greeting", async () => {
    const seen: PatchedConnection[] = [];
    const port = await start((conn) => seen.push(conn));
    const s = await smtpDialog(port);
    expect(seen).toHaveLength(1);
    expect(typeof seen[0].id).toBe("string");
    expect(typeof seen[0].send).toBe("function");
    expect(seen[0]._socket.remotePort).toBeGreaterThan(0);
    // What the receiver does with it: a 421 sent through the connection closes it.
    const closed = new Promise((r) => seen[0]._socket.once("close", r));
    seen[0].send(421, "4.4.2 test closing connection");
    expect(await s.reply()).toBe("421 4.4.2 test closing connection");
    await closed;
  });

  it("sends a reply that already carries an enhanced status code without adding another", async () => {
    const port = await start(() => {});
    const s = await smtpDialog(port);
    await s.send("EHLO x");
    expect(await s.send("MAIL FROM:<a@x.example>")).toBe("550 5.7.1 Not from you");
    s.destroy();
  });
});
