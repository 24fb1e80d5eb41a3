// Test helpers: a real SMTP client (nodemailer) and a line-by-line SMTP dialog for what nodemailer will not do
// (stop mid-DATA, read the exact RCPT reply). Used by the receiver's integration tests, the e2e fake provider
// and the benchmark; never by the app.
import net from "node:net";
import { Readable } from "node:stream";
import { createTransport } from "nodemailer";

export type SendResult =
  | { ok: true; accepted: string[]; rejected: string[]; response: string }
  | { ok: false; code?: string; responseCode?: number; response: string };

/** Sends `raw` from `from` to `to` (the envelope) through the SMTP server on 127.0.0.1:`port`, with nodemailer. */
export async function sendRaw(
  port: number,
  envelope: { from: string; to: string[] },
  raw: Buffer | string,
  host = "127.0.0.1",
): Promise<SendResult> {
  const transport = createTransport({
    host,
    port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  try {
    const info = await transport.sendMail({ envelope, raw });
    return {
      ok: true,
      accepted: info.accepted.map(String),
      rejected: info.rejected.map(String),
      response: info.response,
    };
  } catch (e) {
    const err = e as { code?: string; responseCode?: number; response?: string; message?: string };
    return {
      ok: false,
      code: err.code,
      responseCode: err.responseCode,
      response: err.response ?? err.message ?? String(e),
    };
  } finally {
    transport.close();
  }
}

/** A raw SMTP conversation: `send(line)` resolves with the server's complete reply ("250 …" or a multi-line one). */
export async function smtpDialog(port: number, host = "127.0.0.1") {
  const socket = net.connect(port, host);
  socket.setEncoding("utf8");
  let buffer = "";
  let waiting: ((reply: string) => void) | null = null;
  let failWaiting: ((e: Error) => void) | null = null;
  const tryResolve = () => {
    // A complete reply ends with a line "NNN text" (a space after the code, not a hyphen).
    const m = /(^|\r\n)(\d{3}) [^\r\n]*\r\n$/.exec(buffer);
    if (m && waiting) {
      const reply = buffer;
      buffer = "";
      const w = waiting;
      waiting = null;
      failWaiting = null;
      w(reply.trim());
    }
  };
  socket.on("data", (chunk: string) => {
    buffer += chunk;
    tryResolve();
  });
  socket.on("error", () => {});
  socket.on("close", () => failWaiting?.(new Error(`connection closed (buffer: ${buffer.trim()})`)));
  const next = () =>
    new Promise<string>((resolve, reject) => {
      waiting = resolve;
      failWaiting = reject;
      tryResolve();
    });
  const greeting = await next();
  return {
    greeting,
    send: (line: string) => {
      const reply = next();
      socket.write(`${line}\r\n`);
      return reply;
    },
    /** Writes without waiting for a reply (message data). */
    write: (data: string | Buffer) => socket.write(data),
    reply: next,
    /** Drops the connection at once, as a client that dies would. */
    destroy: () => socket.destroy(),
    close: () => socket.end(),
  };
}

/** A message of `size` bytes made on the fly, 64 kB at a time, so that the sender holds none of it. */
export function bigMessage(i: number, size: number): Readable {
  const head = Buffer.from(
    `Message-ID: <big-${i}-${Date.now()}@customer-mail.example>\r\nFrom: Big Sender <big${i}@customer-mail.example>\r\nSubject: Big ${i}\r\n\r\n`,
  );
  const line = Buffer.from(`${"x".repeat(74)}\r\n`);
  const chunk = Buffer.concat(Array.from({ length: 880 }, () => line)); // ~66 kB
  let sent = 0;
  return new Readable({
    read() {
      if (sent === 0) {
        sent += head.length;
        return void this.push(head);
      }
      if (sent >= size) return void this.push(null);
      const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
      sent += part.length;
      this.push(part);
    },
  });
}
