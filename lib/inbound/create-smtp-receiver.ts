import "server-only";
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import type { Db } from "@/db";
import { config } from "@/lib/config";
import { platformMailDomain } from "@/lib/alias";
import type { PostmasterDelivery } from "./deliver-to-postmaster";
import { describeError } from "./describe-error";
import { HeaderTooLongError } from "./parse-message-header";
import { readMessageWithHeader } from "./read-message-header";
import {
  DEFAULT_BODY_CAP,
  DEFAULT_MAX_HEADER_BYTES,
  readHeader,
  receiveMessage,
  recipientWithoutLookup,
  type AliasRecipient,
  type ReceivedHeader,
  type Recipient,
} from "./receive-message";
import {
  recordInboundMessages,
  type RecordedFor,
  type RecordOutcome,
  type RecordRequest,
} from "./record-inbound-message";
import { resolveAliasRecipient } from "./resolve-alias-recipient";
import { smtpClientKey } from "./smtp-client-key";
import { patchSmtpServer } from "./smtp-server-patch";

// The SMTP adapter of the inbound path (issue 18 item 2): the protocol only (sessions, limits, replies); what is
// done with a message is receive-message.ts's stages, which the demo's in-process delivery runs too.

export { DEFAULT_BODY_CAP, DEFAULT_MAX_HEADER_BYTES };
export type { PostmasterDelivery };

export const DEFAULT_MAX_MESSAGE_SIZE = 25 * 1024 * 1024;
export const DEFAULT_MAX_CONNECTIONS = 100;
/** A whole transaction (connection or previous message's end → this message's end of DATA). */
export const DEFAULT_MAX_TRANSACTION_MS = 10 * 60_000;
/** R21 fair share: connections one client (IPv4 address, IPv6 /64) may hold at once; one more is answered 421. */
export const DEFAULT_MAX_CONNECTIONS_PER_CLIENT = 10;
/** R21 fair share: a session that finishes no message within this time is ended, whatever commands it sends. */
export const DEFAULT_SESSION_IDLE_MS = 120_000;

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
  /**
   * Called after a message is read: its size and how many of its bytes the receiver held in memory (tests, metrics).
   */
  onMessageRead?: (info: { sizeBytes: number; heldBytes: number }) => void;
  /** Called after a message is recorded (tests, metrics). */
  onRecorded?: (results: RecordedFor[]) => void;
  /** Most connections at once (default 100); one more is answered 421 and closed. */
  maxConnections?: number;
  /** Bound on one transaction, however the client trickles its bytes (default 10 min); then 421 and close. */
  maxTransactionMs?: number;
  /** Connections one client (IPv4 address or IPv6 /64) may hold at once (default 10); one more gets 421 4.7.0. */
  maxConnectionsPerClient?: number;
  /** Time a session may go without finishing a message, whatever it sends (default 120 s); then 421 and close. */
  sessionIdleMs?: number;
  /** Longest header block read (default 256 kB); a longer one is refused with 552. */
  maxHeaderBytes?: number;
  /** How much of a body the full parse reads when needsBody says so (default 1 MB). */
  bodyCap?: number;
  /** Where mail to postmaster goes (RFC 5321 4.5.1); default from POSTMASTER_FORWARD_TO and OUTBOUND_SMTP_URL. */
  postmaster?: PostmasterDelivery;
};

export type SmtpReceiver = {
  start: () => Promise<{ host: string; port: number }>;
  stop: () => Promise<void>;
  /** The port it listens on (after start). */
  readonly port: number;
};

type SmtpError = Error & { responseCode?: number };

const smtpError = (code: number, message: string): SmtpError =>
  Object.assign(new Error(message), { responseCode: code });
const TEMPORARY = "4.3.0 Temporary failure on our side: the message was not accepted, please try again later";

/**
 * The inbound SMTP receiver (R21–R24), on Nodemailer's smtp-server with mailparser. Stateless: every fact lives
 * in the database (several receivers may share one PostgreSQL). Recipients are checked at RCPT TO against the
 * aliases (5xx with the reason), the message is recorded at the end of DATA for every accepted recipient, and a
 * database that cannot answer gives a 4xx so that the sending server retries and nothing is lost.
 */
export function createSmtpReceiver(options: SmtpReceiverOptions): SmtpReceiver {
  const maxSize = options.maxSize ?? DEFAULT_MAX_MESSAGE_SIZE;
  const maxHeaderBytes = options.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES;
  const bodyCap = options.bodyCap ?? DEFAULT_BODY_CAP;
  const maxTransactionMs = options.maxTransactionMs ?? DEFAULT_MAX_TRANSACTION_MS;
  const sessionIdleMs = options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS;
  const maxPerClient = options.maxConnectionsPerClient ?? DEFAULT_MAX_CONNECTIONS_PER_CLIENT;
  const postmaster: PostmasterDelivery = options.postmaster ?? { forwardTo: config().POSTMASTER_FORWARD_TO ?? null };
  const log = options.log ?? { info: (l: string) => console.log(l), error: (l: string) => console.error(l) };
  const getDb = async (): Promise<Db> => options.db ?? (await import("@/db")).getDb();
  // Recipients accepted in the current transaction of a session: session.envelope is new for every MAIL FROM.
  const accepted = new WeakMap<object, Map<string, Recipient>>();
  // Aliases already resolved in this SMTP session (connection), so that a sender that keeps its connection open for
  // many messages to one alias costs one lookup, not one per message. Safe because nothing is recorded on its word:
  // the end of DATA checks every mailbox again in the recording statement (a mailbox deactivated or deleted
  // meanwhile, here or on another instance, takes nothing), and such a refusal forgets the session's aliases.
  const sessionAliases = new WeakMap<object, Map<string, AliasRecipient>>();
  // Each connection's transaction deadline, by session id: armed at connect, re-armed after each message.
  const deadlines = new Map<string, NodeJS.Timeout>();
  // Each connection's session limit (R21 fair share), by session id: paused during DATA, re-armed after a message.
  const sessionLimits = new Map<string, (run: boolean) => void>();
  // Aborted when a connection closes: the DKIM check's DNS budget ends with the sender (issue 20 item 4).
  const disconnects = new Map<string, AbortController>();
  // R21 fair share: open connections per client (IPv4 address or IPv6 /64), in this process; sessions counted.
  const perClient = new Map<string, number>();
  const counted = new Map<string, string>();
  const recorder = groupCommit(getDb);

  // One clear log line when the database stops answering, one when it is back; nothing per message.
  let databaseDown = false;
  const databaseFailed = (e: unknown) => {
    if (databaseDown) return;
    databaseDown = true;
    log.error(
      `[smtp] The database is not answering (${describeError(e)}): replying 451 (try again later) until it is back.`,
    );
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
    // Beyond it smtp-server answers "421 … Too many connected clients, try again in a moment" and closes.
    maxClients: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    // Our replies carry RFC 3463 codes (5.1.1, 4.3.0, …), so the extension is advertised (RFC 2034).
    hideENHANCEDSTATUSCODES: false,
    socketTimeout: options.socketTimeoutMs ?? 60_000,
    closeTimeout: options.closeTimeoutMs ?? 5_000,

    // R21 fair share: one client (address, IPv6 /64) holds at most maxPerClient of the slots; the excess is told
    // to come back later (421 4.7.0) and closed, while other clients are still greeted. Counted per process.
    onConnect(session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const key = smtpClientKey(session.remoteAddress);
      const open = perClient.get(key) ?? 0;
      if (open >= maxPerClient) {
        return callback(
          smtpError(421, `4.7.0 Too many connections from your address (${maxPerClient} at most); try again later`),
        );
      }
      perClient.set(key, open + 1);
      counted.set(session.id, key);
      callback();
    },
    onClose(session: SMTPServerSession) {
      const key = counted.get(session.id);
      if (key === undefined) return;
      counted.delete(session.id);
      const open = (perClient.get(key) ?? 1) - 1;
      if (open > 0) perClient.set(key, open);
      else perClient.delete(key);
    },

    onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      let map = accepted.get(session.envelope);
      if (!map) accepted.set(session.envelope, (map = new Map()));
      const recipients = map;
      // R27: bounces of test messages come back to bounce+<token>@<platform mail domain>: always accepted; so is
      // mail to postmaster (RFC 5321 4.5.1).
      const special = recipientWithoutLookup(address.address);
      if (special) {
        recipients.set(address.address.trim().toLowerCase(), special);
        return callback();
      }
      const known = sessionAliases.get(session)?.get(address.address.trim().toLowerCase());
      if (known) {
        recipients.set(address.address.trim().toLowerCase(), known);
        return callback();
      }
      (async () => {
        const db = await getDb();
        const result = await resolveAliasRecipient(db, address.address);
        databaseAnswered();
        if (!result.ok) return callback(smtpError(550, result.reply));
        const recipient = { mailboxId: result.mailboxId, orgId: result.orgId, address: result.address };
        recipients.set(result.address, recipient);
        let aliases = sessionAliases.get(session);
        if (!aliases) sessionAliases.set(session, (aliases = new Map()));
        aliases.set(result.address, recipient);
        callback();
      })().catch((e) => {
        databaseFailed(e);
        callback(smtpError(451, TEMPORARY));
      });
    },

    onData(
      stream: SMTPServerDataStream,
      session: SMTPServerSession,
      callback: (err?: Error | null, message?: string) => void,
    ) {
      let finished = false;
      sessionLimits.get(session.id)?.(false); // DATA is bounded by the transaction limit
      const finish = (err: Error | null, message?: string) => {
        if (finished) return;
        finished = true;
        deadlines.get(session.id)?.refresh(); // the next transaction gets its own time
        sessionLimits.get(session.id)?.(true); // and the session its time to send it
        callback(err, message);
      };
      const map = accepted.get(session.envelope);
      const envelope = {
        mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null,
        rcptTo: session.envelope.rcptTo.map((r) => r.address),
        recipients: session.envelope.rcptTo
          .map((r) => map?.get(r.address.trim().toLowerCase()))
          .filter((r): r is Recipient => Boolean(r)),
      };

      let header: ReceivedHeader | null = null;
      const reading = readMessageWithHeader(stream, {
        maxHeaderBytes,
        decide: async (block) => {
          const read = await readHeader(envelope, block, { bodyCap });
          header = read.header;
          return read.plan;
        },
      });
      reading
        .then(async (read) => {
          if (!read.ok && read.reason === "stream-error") {
            if (read.error instanceof HeaderTooLongError) return finish(smtpError(552, headerTooLong(maxHeaderBytes)));
            // The client went away mid-DATA: nothing is recorded, the connection is gone.
            return finish(smtpError(451, "4.4.2 Connection lost during DATA; nothing was recorded"));
          }
          if (stream.sizeExceeded)
            return finish(
              smtpError(552, `5.3.4 Message too big: this platform accepts messages up to ${maxSize} bytes`),
            );
          if (!read.ok) return finish(smtpError(552, headerTooLong(maxHeaderBytes)));
          options.onMessageRead?.({ sizeBytes: read.sizeBytes, heldBytes: read.header.length + read.body.length });
          const h = header as ReceivedHeader | null;
          if (!h) return finish(smtpError(451, TEMPORARY));
          const body = {
            bytes: read.body,
            truncated: read.bodyTruncated,
            sizeBytes: read.sizeBytes,
            contentHash: read.contentHash,
          };
          const received = await receiveMessage(envelope, h, body, {
            db: getDb,
            record: recorder.record,
            postmaster,
            log,
            signal: disconnects.get(session.id)?.signal,
          });
          databaseAnswered();
          if (!received.ok) {
            // A mailbox deactivated or deleted since RCPT TO: this session's aliases are looked up again.
            if (received.refused.length) sessionAliases.delete(session);
            return finish(smtpError(received.code, received.reply));
          }
          if (received.results.length) options.onRecorded?.(received.results);
          finish(null, received.reply);
        })
        .catch((e) => {
          databaseFailed(e);
          finish(smtpError(451, TEMPORARY));
        });
    },
  });

  // Per connection (smtp-server-patch.ts): two deadlines that no command extends. The transaction limit bounds
  // each message, however the client trickles its bytes (the idle timeout restarts on every byte, so a client
  // sending one byte a second would hold the connection for ever). The session limit (R21, fair share) ends a
  // session that finishes no message within it whatever it sends (a NOOP every 40 s kept a slot for ever): it
  // waits while DATA is read, which the transaction limit bounds, and starts again after each finished message.
  const greetingName = options.name ?? `mx.${platformMailDomain()}`;
  patchSmtpServer(server, (conn) => {
    const timer = setTimeout(() => {
      log.info(`[smtp] A transaction took longer than ${Math.round(maxTransactionMs / 1000)} s: connection closed.`);
      conn.send(
        421,
        `4.4.2 ${greetingName} Transaction time limit (${Math.round(maxTransactionMs / 1000)} s) exceeded, closing connection`,
      );
    }, maxTransactionMs);
    timer.unref();
    let idle: NodeJS.Timeout | undefined;
    let open = true;
    const sessionLimit = (run: boolean) => {
      clearTimeout(idle);
      if (!run || !open) return;
      idle = setTimeout(() => {
        log.info(`[smtp] A session finished no message in ${Math.round(sessionIdleMs / 1000)} s: connection closed.`);
        conn.send(
          421,
          `4.4.2 ${greetingName} No message finished in ${Math.round(sessionIdleMs / 1000)} s, closing connection`,
        );
      }, sessionIdleMs);
      idle.unref();
    };
    sessionLimit(true);
    const gone = new AbortController();
    disconnects.set(conn.id, gone);
    deadlines.set(conn.id, timer);
    sessionLimits.set(conn.id, sessionLimit);
    conn._socket.once("close", () => {
      open = false;
      clearTimeout(timer);
      clearTimeout(idle);
      deadlines.delete(conn.id);
      sessionLimits.delete(conn.id);
      disconnects.delete(conn.id);
      gone.abort();
    });
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
          reject(
            new Error(`The SMTP receiver cannot listen on ${options.host ?? "*"}:${options.port}: ${describeError(e)}`),
          );
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

const MAX_GROUP = 64;

/**
 * Group commit: messages whose DATA ends while an earlier group is being written wait for it, then go together in
 * ONE statement (recordInboundMessages: one round trip, one commit; every rule of R21-R24 holds per message as if
 * it were alone). Many messages to one mailbox otherwise queue one at a time on its row lock, each waiting for the
 * previous commit's disk flush. No timer: a lone message is written at once. A failed group fails each of its
 * messages (451: the senders retry, nothing is lost; a duplicate is then dropped by the unique constraint).
 */
function groupCommit(getDb: () => Promise<Db>) {
  type Waiting = { request: RecordRequest; resolve: (r: RecordOutcome) => void; reject: (e: unknown) => void };
  let queue: Waiting[] = [];
  let writing = false;
  const flush = async () => {
    writing = true;
    while (queue.length) {
      const group = queue.slice(0, MAX_GROUP);
      queue = queue.slice(group.length);
      try {
        const outcomes = await recordInboundMessages(
          await getDb(),
          group.map((w) => w.request),
        );
        group.forEach((w, i) => w.resolve(outcomes[i]));
      } catch (e) {
        for (const w of group) w.reject(e);
      }
    }
    writing = false;
  };
  return {
    record: (request: RecordRequest) =>
      new Promise<RecordOutcome>((resolve, reject) => {
        queue.push({ request, resolve, reject });
        if (!writing) void flush();
      }),
  };
}

function headerTooLong(limit: number): string {
  return `5.3.4 The message's header block is longer than ${Math.round(limit / 1024)} kB, the most this platform reads: the message was not accepted, so that it is not recorded without its sender and subject`;
}
