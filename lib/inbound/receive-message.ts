import "server-only";
import type { Db } from "@/db";
import { parseBounceAddress } from "@/lib/bounces/bounce-address";
import { groupByConfirmation } from "@/lib/provider-confirmations/bind-confirmation";
import {
  deliverToPostmaster,
  isPostmasterAddress,
  POSTMASTER_MAX_BYTES,
  type PostmasterDelivery,
} from "./deliver-to-postmaster";
import { hasUsableMessageId, messageFacts, type InboundMessageFacts, type MessageHeader } from "./message-facts";
import { needsBody, type BodyNeed } from "./needs-body";
import { bodyPrefixText, parseMessageHeader } from "./parse-message-header";
import type { BodyPlan } from "./read-message-header";
import type { RecordedFor, RecordOutcome, RecordRequest, RefusedFor } from "./record-inbound-message";

// Issue 18 item 2: the inbound path as named stages, one DATA flow for every way mail comes in. An adapter speaks
// the protocol (create-smtp-receiver.ts for SMTP; receive-raw-message.ts for mail made inside the process, the
// demo's simulated provider) and calls the stages in order:
//   1. recipientWithoutLookup / resolveAliasRecipient   at RCPT TO: who the message is for, or why not
//   2. readHeader                                       at the end of the header block: how much body to keep
//   3. receiveMessage                                   at the end of DATA: bounces, facts, postmaster, record
// and turns the answer into its own reply.

/** The longest header block read; past it the message is refused (552), never recorded without its facts. */
export const DEFAULT_MAX_HEADER_BYTES = 256 * 1024;
/** How much of a body is read for the full parse (provider confirmations, bounces: see needs-body.ts). */
export const DEFAULT_BODY_CAP = 1024 * 1024;
/** How much of an ordinary body is searched for a forwarding check's token. */
const TOKEN_SCAN_BYTES = 64 * 1024;

export type AliasRecipient = { mailboxId: string; orgId: string; address: string };
/** An accepted recipient. R27: bounce+<token> recipients carry their token (null for a malformed one). */
export type Recipient = AliasRecipient | { postmaster: true } | { bounce: string | null };

/** Stage 1 without the database: a bounce address or postmaster; null when the address is an alias to resolve. */
export function recipientWithoutLookup(address: string): Recipient | null {
  const bounce = parseBounceAddress(address);
  if (bounce) return { bounce: bounce.token };
  if (isPostmasterAddress(address)) return { postmaster: true };
  return null;
}

/** MAIL FROM, every RCPT TO as sent, and the recipients accepted among them (stage 1). */
export type ReceivedEnvelope = { mailFrom: string | null; rcptTo: string[]; recipients: Recipient[] };
/** Stage 2's result: the raw header block, what it says, and needsBody's answer (decided here, once). */
export type ReceivedHeader = { block: Buffer; parsed: MessageHeader; need: BodyNeed };
/** What was kept of the body (stage 2's plan), the whole message's size, and its SHA-256 when the plan asked. */
export type BodyPrefix = { bytes: Buffer; truncated: boolean; sizeBytes: number; contentHash: string | null };

/**
 * Stage 2: reads the header block and decides, once, what the rest of the flow needs: the whole body up to
 * `bodyCap` for the full parse (needsBody), the whole of it for postmaster, else a prefix to search for a token;
 * and a hash of every byte when there is no usable Message-ID to recognise a retried copy by (R24).
 * Throws HeaderTooLongError (the adapter refuses the message).
 */
export async function readHeader(
  envelope: ReceivedEnvelope,
  block: Buffer,
  limits: { bodyCap?: number } = {},
): Promise<{ header: ReceivedHeader; plan: BodyPlan }> {
  const parsed = await parseMessageHeader(block);
  const need = needsBody(
    { from: parsed.fromAddress, contentType: parsed.contentType, subject: parsed.subject },
    envelope,
  );
  const toPostmaster = envelope.recipients.some((r) => "postmaster" in r);
  const keepBodyBytes = toPostmaster
    ? POSTMASTER_MAX_BYTES
    : need.body
      ? (limits.bodyCap ?? DEFAULT_BODY_CAP)
      : TOKEN_SCAN_BYTES;
  return { header: { block, parsed, need }, plan: { keepBodyBytes, hash: !hasUsableMessageId(parsed) } };
}

export type ReceiveContext = {
  db: () => Promise<Db>;
  /** Records one message for its recipients (the SMTP adapter groups concurrent messages into one statement). */
  record: (request: RecordRequest) => Promise<RecordOutcome>;
  postmaster: PostmasterDelivery;
  log: { info: (line: string) => void; error: (line: string) => void };
  /** Aborted when the sender is gone: the DKIM check's DNS budget ends with it (issue 20 item 4). */
  signal?: AbortSignal;
};

/** The outcome of one message: accepted (what to answer), or refused with an SMTP code (4xx: try again). */
export type Received =
  | { ok: true; reply: string; results: RecordedFor[] }
  | { ok: false; code: number; reply: string; refused: RefusedFor[] };

/**
 * Stage 3, the one DATA flow (R21–R24, R27): a report to bounce+<token> handled, the facts built from whichever
 * parse needsBody chose, mail to postmaster passed on, and the message recorded for every accepted alias, a
 * provider's confirmation only for the alias it names. Throws when the database cannot answer (the adapter
 * answers 4xx, the sender retries and nothing is lost).
 */
export async function receiveMessage(
  envelope: ReceivedEnvelope,
  header: ReceivedHeader,
  body: BodyPrefix,
  context: ReceiveContext,
): Promise<Received> {
  const { recipients, mailFrom } = envelope;
  const mailboxes = recipients.filter((r): r is AliasRecipient => "mailboxId" in r);
  const toPostmaster = recipients.some((r) => "postmaster" in r);
  const bounceTokens = recipients.flatMap((r) => ("bounce" in r ? [r.bounce] : []));
  const refuse = (code: number, reply: string, refused: RefusedFor[] = []): Received => ({
    ok: false,
    code,
    reply,
    refused,
  });
  if (recipients.length === 0) return refuse(554, "5.5.1 No valid recipients");
  if (toPostmaster && body.truncated) {
    return refuse(
      552,
      `5.3.4 Mail to postmaster is limited to ${POSTMASTER_MAX_BYTES / 1024 / 1024} MB here; please send a shorter message`,
    );
  }
  let whole: Buffer | null = null;
  const raw = () => (whole ??= Buffer.concat([header.block, body.bytes]));
  if (bounceTokens.length) {
    // R27: a report on one of the platform's test messages (readHeader kept up to bodyCap bytes of it).
    // Loaded on first use, like the full parse below: rare paths, whose libraries the receiver does not carry until
    // then.
    const { handleBounce } = await import("@/lib/bounces/handle-bounce");
    const outcome = await handleBounce(await context.db(), raw(), bounceTokens);
    if (!outcome.isReport) {
      // Issue 20 item 5: an out-of-office reply or any other message to bounce+<token> fails nothing.
      context.log.info(
        `[smtp] Mail to a bounce address from ${mailFrom ?? "<>"} is not a delivery report: nothing changed.`,
      );
    }
    if (!mailboxes.length && !toPostmaster) {
      return {
        ok: true,
        reply: outcome.isReport ? "OK: report received" : "OK: not a delivery report; nothing changed",
        results: [],
      };
    }
  }
  const facts = await factsOf(envelope, header, body, raw, mailboxes.length > 0, context.signal);
  if (toPostmaster && !(await deliverToPostmaster(context.postmaster, facts, raw(), context.log))) {
    return refuse(451, "4.4.0 Mail to postmaster could not be passed on right now; please try again later");
  }
  let summary = "";
  let results: RecordedFor[] = [];
  if (mailboxes.length) {
    // A provider's confirmation counts only for the alias it names (issue 20 item 5): at most two groups.
    const outcomes = await Promise.all(groupByConfirmation(facts, mailboxes).map((group) => context.record(group)));
    results = outcomes.flatMap((o) => o.results);
    const refused = outcomes.flatMap((o) => o.refused);
    if (refused.length) {
      // Deactivated or deleted since RCPT TO: nothing of the message was recorded. When every recipient is
      // gone, the message is refused for good; otherwise the sender retries and RCPT TO refuses just those.
      const whole = refused.length === mailboxes.length && !toPostmaster && !bounceTokens.length;
      return whole
        ? refuse(550, refusedReply(refused[0].reason), refused)
        : refuse(
            451,
            "4.2.1 A recipient's mailbox changed while the message was sent; nothing was recorded, please try again",
            refused,
          );
    }
    const recorded = results.filter((r) => r.recorded).length;
    summary = `${recorded} recorded, ${results.length - recorded} already received`;
  }
  return {
    ok: true,
    reply: `OK: ${[summary, toPostmaster ? "delivered to postmaster" : ""].filter(Boolean).join("; ")}`,
    results,
  };
}

/**
 * The facts, from the parse readHeader chose: the full parse (only worth it when a mailbox records them) or the header.
 */
async function factsOf(
  envelope: ReceivedEnvelope,
  header: ReceivedHeader,
  body: BodyPrefix,
  raw: () => Buffer,
  forMailboxes: boolean,
  signal: AbortSignal | undefined,
): Promise<InboundMessageFacts> {
  const message = { mailFrom: envelope.mailFrom, sizeBytes: body.sizeBytes, contentHash: body.contentHash };
  if (header.need.body && forMailboxes) {
    // Provider confirmations and bounces: the full parse, on at most bodyCap bytes of body (loaded on first use).
    const { parseWholeMessage } = await import("./parse-inbound-message");
    return messageFacts({ ...(await parseWholeMessage(raw(), { signal })), need: header.need }, message);
  }
  const bodyText = bodyPrefixText(body.bytes.subarray(0, TOKEN_SCAN_BYTES));
  return messageFacts({ header: header.parsed, need: header.need, bodyText, provider: null }, message);
}

function refusedReply(reason: "deleted" | "inactive"): string {
  return reason === "inactive"
    ? "5.2.1 The mailbox of this alias was deactivated while the message was sent and receives no mail; nothing was recorded"
    : "5.1.1 The mailbox of this alias was deleted while the message was sent; nothing was recorded";
}
