import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import type { Db } from "@/db";
import { parseBounceAddress } from "@/lib/forwarding/bounce-address";
import { platformMailDomain } from "@/lib/mailboxes/alias";
import { handleBounce } from "./handle-bounce";
import { parseInboundMessage } from "./parse-inbound-message";
import { recordInboundMessage, type RecordedFor } from "./record-inbound-message";
import { resolveAliasRecipient } from "./resolve-alias-recipient";

export const DEFAULT_MAX_MESSAGE_SIZE = 25 * 1024 * 1024;

export type SmtpReceiverOptions = {
  /** 0 picks a free port (tests); see `port` after start(). */
  port: number;
  /** Interface to listen on; all interfaces when unset. */
  host?: string;
  /** Largest accepted message in bytes (default 25 MB); larger ones are refused with 552. */
  maxSize?: number;
  /** The database to record into; the application's when unset. */
  db?: Db;
  /** Where the receiver's few log lines go (default console). */
  log?: { info: (line: string) => void; error: (line: string) => void };
  /** Host name in the greeting (default mx.<platform mail domain>). */
  name?: string;
  /** How long stop() lets open sessions finish (default 5 s). */
  closeTimeoutMs?: number;
  /** Idle time after which a client is disconnected (default 60 s). */
  socketTimeoutMs?: number;
  /** STARTTLS: PEM key and certificate. Without them STARTTLS is not offered. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Called after a message is recorded (tests, metrics). */
  onRecorded?: (results: RecordedFor[]) => void;
};

export type SmtpReceiver = {
  start: () => Promise<{ host: string; port: number }>;
  stop: () => Promise<void>;
  /** The port it listens on (after start). */
  readonly port: number;
};

type Recipient = { mailboxId: string; orgId: string };
type SmtpError = Error & { responseCode?: number };

const smtpError = (code: number, message: string): SmtpError => Object.assign(new Error(message), { responseCode: code });
const TEMPORARY = "4.3.0 Temporary failure on our side: the message was not accepted, please try again later";

/**
 * The inbound SMTP receiver (R21–R24), on Nodemailer's smtp-server with mailparser. Stateless: every fact lives
 * in the database (several receivers may share one PostgreSQL). Recipients are checked at RCPT TO against the
 * aliases (5xx with the reason), the message is recorded at the end of DATA for every accepted recipient, and a
 * database that cannot answer gives a 4xx so that the sending server retries and nothing is lost.
 */
export function createSmtpReceiver(options: SmtpReceiverOptions): SmtpReceiver {
  const maxSize = options.maxSize ?? DEFAULT_MAX_MESSAGE_SIZE;
  const log = options.log ?? { info: (l: string) => console.log(l), error: (l: string) => console.error(l) };
  const getDb = async (): Promise<Db> => options.db ?? (await import("@/db")).db;
  // Recipients accepted in the current transaction of a session: session.envelope is new for every MAIL FROM.
  const accepted = new WeakMap<object, Map<string, Recipient>>();
  // R27: bounce+<token> recipients of the current transaction (the token, or null for a malformed one).
  const bounces = new WeakMap<object, (string | null)[]>();

  // One clear log line when the database stops answering, one when it is back; nothing per message.
  let databaseDown = false;
  const databaseFailed = (e: unknown) => {
    if (databaseDown) return;
    databaseDown = true;
    log.error(`[smtp] The database is not answering (${describeError(e)}): replying 451 (try again later) until it is back.`);
  };
  const databaseAnswered = () => {
    if (!databaseDown) return;
    databaseDown = false;
    log.info("[smtp] The database answers again: accepting mail.");
  };

  const server = new SMTPServer({
    name: options.name ?? `mx.${platformMailDomain()}`,
    banner: "INO cx inbound mail",
    size: maxSize,
    rejectOversized: true,
    authOptional: true,
    disabledCommands: options.tls ? ["AUTH"] : ["AUTH", "STARTTLS"],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    disableReverseLookup: true,
    logger: false,
    maxRecipients: 100,
    socketTimeout: options.socketTimeoutMs ?? 60_000,
    closeTimeout: options.closeTimeoutMs ?? 5_000,

    onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      // R27: bounces of test messages come back to bounce+<token>@<platform mail domain>: always accepted.
      const bounce = parseBounceAddress(address.address);
      if (bounce) {
        bounces.set(session.envelope, [...(bounces.get(session.envelope) ?? []), bounce.token]);
        return callback();
      }
      (async () => {
        const db = await getDb();
        const result = await resolveAliasRecipient(db, address.address);
        databaseAnswered();
        if (!result.ok) return callback(smtpError(550, result.reply));
        let map = accepted.get(session.envelope);
        if (!map) accepted.set(session.envelope, (map = new Map()));
        map.set(result.address, { mailboxId: result.mailboxId, orgId: result.orgId });
        callback();
      })().catch((e) => {
        databaseFailed(e);
        callback(smtpError(451, TEMPORARY));
      });
    },

    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null, message?: string) => void) {
      const chunks: Buffer[] = [];
      let finished = false;
      const finish = (err: Error | null, message?: string) => {
        if (finished) return;
        finished = true;
        callback(err, message);
      };
      stream.on("data", (chunk: Buffer) => {
        if (!stream.sizeExceeded) chunks.push(chunk); // past the limit the rest is read and dropped
      });
      // The client went away mid-DATA: nothing is recorded, the connection is gone.
      stream.on("error", () => finish(smtpError(451, "4.4.2 Connection lost during DATA; nothing was recorded")));
      stream.on("end", () => {
        if (stream.sizeExceeded) return finish(smtpError(552, `5.3.4 Message too big: this platform accepts messages up to ${maxSize} bytes`));
        const envelope = session.envelope;
        const map = accepted.get(envelope);
        const recipients = envelope.rcptTo
          .map((r) => map?.get(r.address.trim().toLowerCase()))
          .filter((r): r is Recipient => Boolean(r));
        const bounceTokens = bounces.get(envelope) ?? [];
        if (recipients.length === 0 && bounceTokens.length === 0) return finish(smtpError(554, "5.5.1 No valid recipients"));
        const raw = Buffer.concat(chunks);
        const mailFrom = envelope.mailFrom ? envelope.mailFrom.address : null;
        (async () => {
          const db = await getDb();
          if (bounceTokens.length) await handleBounce(db, raw, bounceTokens);
          if (recipients.length === 0) return finish(null, "OK: report received");
          const message = await parseInboundMessage(raw, { mailFrom: mailFrom || null, rcptTo: envelope.rcptTo.map((r) => r.address) });
          const results = await recordInboundMessage(db, { recipients, message });
          databaseAnswered();
          options.onRecorded?.(results);
          const recorded = results.filter((r) => r.recorded).length;
          finish(null, `OK: ${recorded} recorded, ${results.length - recorded} already received`);
        })().catch((e) => {
          databaseFailed(e);
          finish(smtpError(451, TEMPORARY));
        });
      });
    },
  });
  // A connection's socket error must never become an unhandled 'error' event (it would end the process).
  server.on("error", (e: Error) => {
    const code = (e as { code?: string }).code;
    if (code === "EADDRINUSE" || code === "EACCES") return; // reported by start()
    if (code && ["ECONNRESET", "EPIPE", "ETIMEDOUT", "ECONNECTION", "ERR_STREAM_DESTROYED"].includes(code)) return;
    log.error(`[smtp] connection error: ${describeError(e)}`);
  });

  let boundPort = options.port;
  let listening = false;
  return {
    get port() {
      return boundPort;
    },
    start: () =>
      new Promise((resolve, reject) => {
        const netServer = (server as unknown as { server: import("node:net").Server }).server;
        const onError = (e: Error) => {
          netServer.off("listening", onListening);
          reject(new Error(`The SMTP receiver cannot listen on ${options.host ?? "*"}:${options.port}: ${describeError(e)}`));
        };
        const onListening = () => {
          netServer.off("error", onError);
          listening = true;
          const address = netServer.address() as AddressInfo;
          boundPort = address.port;
          resolve({ host: address.address, port: address.port });
        };
        netServer.once("error", onError);
        netServer.once("listening", onListening);
        if (options.host) server.listen(options.port, options.host);
        else server.listen(options.port);
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (!listening) return resolve();
        listening = false;
        server.close(() => resolve());
      }),
  };
}

function describeError(e: unknown): string {
  const err = e as { code?: string; message?: string; cause?: unknown; errors?: unknown[] };
  const inner = (err?.cause ?? (err?.errors && err.errors[0])) as { code?: string; message?: string } | undefined;
  const code = inner?.code ?? err?.code;
  const message = (inner?.message || err?.message || String(e)).split("\n")[0].slice(0, 200);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
