import { createHash } from "node:crypto";
import type { AddressObject, HeaderValue } from "mailparser";
import type { InboundKind, ProviderAuthResult } from "@/db/schema";
import { parseBounceAddress } from "@/lib/bounces/bounce-address";
import { extractVerificationTokens } from "@/lib/mail/verification-token";
import { AUTO_SUBMITTED_HEADER, LOOP_HEADER, VERIFICATION_HEADER } from "@/lib/mail/platform-headers";
import { platformMailDomain } from "@/lib/alias";
import type { ProviderConfirmation } from "@/lib/provider-confirmations/parse-gmail-confirmation";
import { cleanText, displayFrom, hasListId, headerText } from "./header-values";
import type { BodyNeed } from "./needs-body";

// Issue 18 item 2: the facts kept of a message are built here, once, from whichever parse the receiver did: the
// header block alone (the ordinary path, parse-message-header.ts) or the whole message (provider confirmations and
// bounces, parse-inbound-message.ts). Both parses give a MessageHeader; a rule about the facts is written once.

/** What the platform keeps of a message (R21), plus what R22–R24 need from its content. Bodies are not kept. */
export type InboundMessageFacts = {
  messageId: string;
  /** True when the message had no usable Message-ID and `messageId` was generated from its content. */
  generatedMessageId: boolean;
  envelopeFrom: string | null;
  headerFrom: string | null;
  headerFromAddress: string | null;
  subject: string | null;
  sizeBytes: number;
  /** RFC 3834 Auto-Submitted (other than "no"), or the platform's own loop header (R24). */
  autoSubmitted: boolean;
  /** The platform's own loop header with its mail domain: a message the platform sent came back. */
  sentByPlatform: boolean;
  /** Things that make an automatic answer wrong besides Auto-Submitted: a list, bulk mail, a bounce. */
  bulkOrList: boolean;
  verificationTokens: string[];
  /** R23/R28: a provider's forwarding confirmation, only when its DKIM signature verified for the provider. */
  confirmation: ProviderConfirmation | null;
  /** R26: customer mail, the platform's own messages coming back, or a provider's (confirmation, bounce). */
  kind: InboundKind;
  /** R28: the DKIM result of a message shaped like a provider's confirmation; null for any other message. */
  providerAuth: ProviderAuthResult | null;
};

/** What the header block says, parsed once by either path: enough for the recorded facts and for `needsBody`. */
export type MessageHeader = {
  messageId: string | null;
  subject: string | null;
  from: AddressObject | undefined;
  fromAddress: string | null;
  contentType: string | null;
  headers: Map<string, HeaderValue>;
};

/** What the full parse adds (parse-inbound-message.ts): the provider check, which needs the whole body. */
export type ProviderCheck = { confirmation: ProviderConfirmation | null; providerAuth: ProviderAuthResult | null };

export const MAX_MESSAGE_ID = 250; // keeps the unique index's rows small whatever a sender writes

/**
 * The recorded facts of one message.
 * - `need` is needsBody's answer, decided once when the header block was read: a bounce-like message is the
 *   provider's (R26) only through it, never by a second look at the header.
 * - `bodyText` is what is searched for a forwarding check's token: the start of the raw body on the header path,
 *   the parsed text on the full parse.
 * - `provider` is the full parse's confirmation check; null on the header path (needsBody sends every message that
 *   could be a confirmation through the full parse).
 * - `contentHash` is the SHA-256 of all the message's bytes, used when it has no usable Message-ID so that a
 *   retried copy gets the same generated id (R24); the receiver computes it while reading only in that case.
 */
export function messageFacts(
  parse: { header: MessageHeader; need: BodyNeed; bodyText: string; provider: ProviderCheck | null },
  message: { mailFrom: string | null; sizeBytes: number; contentHash: string | null },
): InboundMessageFacts {
  const { header, need } = parse;
  const h = header.headers;
  const envelopeFrom = cleanText(message.mailFrom, 320);
  const autoSubmittedValue = (headerText(h.get(AUTO_SUBMITTED_HEADER.toLowerCase())) ?? "").trim().toLowerCase();
  const loopValue = (headerText(h.get(LOOP_HEADER.toLowerCase())) ?? "").trim().toLowerCase();
  const sentByPlatform = loopValue !== "" && loopValue.split(/[\s,]+/).includes(platformMailDomain());
  const precedence = (headerText(h.get("precedence")) ?? "").trim().toLowerCase();
  const subject = cleanText(header.subject);
  const id = messageIdOf(header.messageId, message.contentHash);
  const verificationHeader = headerText(h.get(VERIFICATION_HEADER.toLowerCase()));
  const confirmation = parse.provider?.confirmation ?? null;
  const providerAuth = parse.provider?.providerAuth ?? null;
  const fromPlatform =
    sentByPlatform || Boolean(verificationHeader) || Boolean(envelopeFrom && parseBounceAddress(envelopeFrom));
  const kind: InboundKind = fromPlatform
    ? "platform"
    : confirmation || providerAuth === "temperror" || need.bounceLike
      ? "provider"
      : "customer";
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
    bulkOrList: ["bulk", "junk", "list"].includes(precedence) || hasListId(h) || !envelopeFrom,
    verificationTokens: extractVerificationTokens([verificationHeader, subject, parse.bodyText]),
    confirmation,
    kind,
    providerAuth,
  };
}

/** True when the header has a Message-ID the record can use as it is (else the receiver hashes the message). */
export function hasUsableMessageId(header: Pick<MessageHeader, "messageId">): boolean {
  const id = cleanText(header.messageId, 10_000)?.replace(/\s+/g, "");
  return Boolean(id && id.length <= MAX_MESSAGE_ID);
}

export function createContentHash() {
  return createHash("sha256");
}

/** The message's Message-ID, or one generated from it, so that a retried copy is still recognised (R24). */
function messageIdOf(parsed: string | null, contentHash: string | null): { messageId: string; generated: boolean } {
  const id = cleanText(parsed, 10_000)?.replace(/\s+/g, "");
  if (id && id.length <= MAX_MESSAGE_ID) return { messageId: id, generated: false };
  const hash = id ? createHash("sha256").update(id).digest("hex").slice(0, 40) : (contentHash ?? "").slice(0, 40);
  const kind = id ? "long-message-id" : "no-message-id";
  return { messageId: `<${hash}.${kind}@${platformMailDomain()}>`, generated: !id };
}
