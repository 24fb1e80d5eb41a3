import { createHash } from "node:crypto";
import { simpleParser, type AddressObject, type HeaderValue } from "mailparser";
import { parseBounceAddress } from "@/lib/forwarding/bounce-address";
import { extractVerificationTokens } from "@/lib/forwarding/verification-token";
import { platformMailDomain } from "@/lib/mailboxes/alias";
import { displayFrom, firstAddress, headerText } from "./header-values";
import { cleanText, type InboundMessageFacts } from "./parse-inbound-message";
import { AUTO_SUBMITTED_HEADER, LOOP_HEADER, VERIFICATION_HEADER } from "./platform-headers";

// The receiver's ordinary path (issue 13): the facts that R21-R24 keep, built from a message's header block
// alone, so that the body is never held in memory. The header block is parsed by mailparser (the same decoding
// of encoded words, 8-bit and folded lines as the full parse in parse-inbound-message.ts); the body only adds a
// small prefix, searched for a forwarding check's token (see `bodyPrefixText`).

const MAX_MESSAGE_ID = 250; // as parse-inbound-message.ts: keeps the unique index's rows small

/** What the header block says, parsed once: enough for the recorded facts and for `needsBody`. */
export type MessageHeader = {
  messageId: string | null;
  subject: string | null;
  from: AddressObject | undefined;
  fromAddress: string | null;
  contentType: string | null;
  headers: Map<string, HeaderValue>;
};

/** A header block that mailparser's splitter refuses (longer than its limit); the receiver answers 5xx. */
export class HeaderTooLongError extends Error {}

/** Parses a header block (the bytes up to and including the blank line). Throws HeaderTooLongError only. */
export async function parseMessageHeader(headerBlock: Buffer): Promise<MessageHeader> {
  let parsed: Awaited<ReturnType<typeof simpleParser>> | null = null;
  try {
    parsed = await simpleParser(headerBlock, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true, checksumAlgo: false });
  } catch (e) {
    if ((e as { code?: string }).code === "EMAXLEN") throw new HeaderTooLongError("header block too long");
    parsed = null; // unreadable: recorded with what the envelope gives, as the full parse does
  }
  const headers = parsed?.headers ?? new Map<string, HeaderValue>();
  const contentType = headers.get("content-type") as { value?: string } | undefined;
  return {
    messageId: parsed?.messageId ?? null,
    subject: parsed?.subject ?? null,
    from: parsed?.from,
    fromAddress: firstAddress(parsed?.from),
    contentType: typeof contentType?.value === "string" ? contentType.value : null,
    headers,
  };
}

/**
 * The raw start of a body as text to search for a forwarding check's token: quoted-printable soft line breaks
 * removed, so a token split by one is still found. A token only in a base64-encoded body is not found here;
 * the platform's test message carries it in a header and the subject as well (send-verification-message.ts),
 * and a forwarded copy keeps at least its subject.
 */
export function bodyPrefixText(prefix: Buffer): string {
  return prefix.toString("latin1").replace(/=\r?\n/g, "");
}

/**
 * The recorded facts from the header and what the receiver counted of the whole message: its size, and the
 * SHA-256 of all its bytes when it has no usable Message-ID (the generated id then matches a retried copy).
 */
export function headerFacts(
  header: MessageHeader,
  message: { mailFrom: string | null; sizeBytes: number; contentHash: string | null; bodyText: string },
): InboundMessageFacts {
  const envelopeFrom = cleanText(message.mailFrom, 320);
  const h = header.headers;
  const autoSubmittedValue = (headerText(h.get(AUTO_SUBMITTED_HEADER.toLowerCase())) ?? "").trim().toLowerCase();
  const loopValue = (headerText(h.get(LOOP_HEADER.toLowerCase())) ?? "").trim().toLowerCase();
  const sentByPlatform = loopValue !== "" && loopValue.split(/[\s,]+/).includes(platformMailDomain());
  const precedence = (headerText(h.get("precedence")) ?? "").trim().toLowerCase();
  const subject = cleanText(header.subject);
  const id = messageIdOf(header.messageId, message.contentHash);
  const verificationHeader = headerText(h.get(VERIFICATION_HEADER.toLowerCase()));
  return {
    messageId: id.messageId,
    generatedMessageId: id.generated,
    envelopeFrom,
    headerFrom: cleanText(displayFrom(header.from)),
    headerFromAddress: cleanText(header.fromAddress, 320),
    subject,
    sizeBytes: message.sizeBytes,
    autoSubmitted: (autoSubmittedValue !== "" && autoSubmittedValue !== "no") || sentByPlatform,
    sentByPlatform,
    bulkOrList: ["bulk", "junk", "list"].includes(precedence) || h.has("list-id") || !envelopeFrom,
    verificationTokens: extractVerificationTokens([verificationHeader, subject, message.bodyText]),
    // A provider confirmation is read from the body: needsBody sends such mail (and bounces) through the full parse,
    // so what reaches here is the platform's own message coming back, or customer mail (R26).
    confirmation: null,
    kind: sentByPlatform || verificationHeader || (envelopeFrom && parseBounceAddress(envelopeFrom)) ? "platform" : "customer",
    providerAuth: null,
  };
}

/** True when the header has a Message-ID the record can use as it is (else the receiver hashes the message). */
export function hasUsableMessageId(header: MessageHeader): boolean {
  const id = cleanText(header.messageId, 10_000)?.replace(/\s+/g, "");
  return Boolean(id && id.length <= MAX_MESSAGE_ID);
}

export function createContentHash() {
  return createHash("sha256");
}

function messageIdOf(parsed: string | null, contentHash: string | null): { messageId: string; generated: boolean } {
  const id = cleanText(parsed, 10_000)?.replace(/\s+/g, "");
  if (id && id.length <= MAX_MESSAGE_ID) return { messageId: id, generated: false };
  const hash = id ? createHash("sha256").update(id).digest("hex").slice(0, 40) : (contentHash ?? "").slice(0, 40);
  const kind = id ? "long-message-id" : "no-message-id";
  return { messageId: `<${hash}.${kind}@${platformMailDomain()}>`, generated: !id };
}



