import "server-only";
import { Readable } from "node:stream";
import type { Db } from "@/db";
import { config } from "@/lib/config";
import { HeaderTooLongError } from "./parse-message-header";
import { readMessageWithHeader } from "./read-message-header";
import {
  DEFAULT_MAX_HEADER_BYTES,
  readHeader,
  receiveMessage,
  recipientWithoutLookup,
  type Received,
  type ReceivedHeader,
  type Recipient,
} from "./receive-message";
import { recordInboundMessages } from "./record-inbound-message";
import { resolveAliasRecipient } from "./resolve-alias-recipient";

/**
 * The in-process adapter of the inbound path, for mail made inside the process (the demo's simulated provider):
 * the same stages as an SMTP session, in the same order (receive-message.ts), so that what the demo shows is what
 * the SMTP receiver does. Recipients are resolved as at RCPT TO (refused ones are reported, with their reply);
 * the message is read as it would stream in (the header block, then only as much body as readHeader keeps);
 * receiveMessage records it. `received` is null when no recipient was accepted (an SMTP client stops there too).
 */
export async function receiveRawMessage(
  db: Db,
  raw: Buffer,
  envelope: { mailFrom: string | null; rcptTo: string[] },
): Promise<{ refused: { address: string; reply: string }[]; received: Received | null }> {
  const recipients: Recipient[] = [];
  const refused: { address: string; reply: string }[] = [];
  for (const address of envelope.rcptTo) {
    const special = recipientWithoutLookup(address);
    if (special) {
      recipients.push(special);
      continue;
    }
    const r = await resolveAliasRecipient(db, address);
    if (r.ok) recipients.push({ mailboxId: r.mailboxId, orgId: r.orgId, address: r.address });
    else refused.push({ address, reply: `550 ${r.reply}` });
  }
  if (!recipients.length) return { refused, received: null };

  const received = { ...envelope, recipients };
  let header: ReceivedHeader | null = null;
  const read = await readMessageWithHeader(Readable.from([raw]), {
    maxHeaderBytes: DEFAULT_MAX_HEADER_BYTES,
    decide: async (block) => {
      const r = await readHeader(received, block);
      header = r.header;
      return r.plan;
    },
  });
  const h = header as ReceivedHeader | null;
  if (!read.ok || !h) {
    const tooLong = read.ok || read.reason === "header-too-long" || read.error instanceof HeaderTooLongError;
    if (!tooLong) throw read.error;
    return {
      refused,
      received: { ok: false, code: 552, reply: "5.3.4 The message's header block is too long", refused: [] },
    };
  }
  const body = {
    bytes: read.body,
    truncated: read.bodyTruncated,
    sizeBytes: read.sizeBytes,
    contentHash: read.contentHash,
  };
  const outcome = await receiveMessage(received, h, body, {
    db: async () => db,
    record: async (request) => (await recordInboundMessages(db, [request]))[0],
    postmaster: { forwardTo: config().POSTMASTER_FORWARD_TO ?? null },
    log: { info: (l) => console.log(l), error: (l) => console.error(l) },
  });
  return { refused, received: outcome };
}
