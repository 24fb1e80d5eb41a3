import type { Socket } from "node:net";
import type { SMTPServer } from "smtp-server";

// The one place where the receiver reaches inside smtp-server (3.21.x), because its options cannot say two things:
// 1. replies that already start with an RFC 3463 enhanced status code ("5.1.1 …") are sent as they are
//    (smtp-server would put its own code in front: "550 5.1.1 5.1.1 …");
// 2. each connection is handed to the receiver as it opens, so that the receiver can bound it in time whatever
//    the client sends (the idle timeout restarts on every byte; see create-smtp-receiver.ts).
// It relies on `server.connect(socket, options)` creating the connection and adding it to `server.connections`
// (a Set), and on each connection's `id`, `send(code, data, context)` and `_socket`. smtp-server-patch.test.ts
// fails when an upgrade changes any of them.

export type PatchedConnection = {
  id: string;
  /** Sends a reply; a 421 reply also closes the connection (smtp-server's own behaviour). */
  send: (code: number, data?: unknown, context?: unknown) => void;
  _socket: Socket;
};

const ENHANCED_CODE = /^[245]\.\d{1,3}\.\d{1,3} /;

type Internals = { connect: (socket: unknown, options: unknown) => void; connections: Set<PatchedConnection> };

/** Applies both changes to `server`; `onConnection` runs once for each new connection, before its greeting. */
export function patchSmtpServer(server: SMTPServer, onConnection: (conn: PatchedConnection) => void): void {
  const internal = server as unknown as Internals;
  if (typeof internal.connect !== "function" || !(internal.connections instanceof Set)) {
    throw new Error("smtp-server changed: server.connect or server.connections is gone (see smtp-server-patch.ts)");
  }
  const connect = internal.connect.bind(server);
  internal.connect = (socket, socketOptions) => {
    const before = new Set(internal.connections);
    connect(socket, socketOptions);
    for (const conn of internal.connections) {
      if (before.has(conn)) continue;
      const send = conn.send.bind(conn);
      conn.send = (code, data, context) =>
        send(code, data, typeof data === "string" && ENHANCED_CODE.test(data) ? false : context);
      onConnection(conn);
    }
  };
}
