import { boundHeaderFields } from "./bound-header-fields";
import { createHash } from "node:crypto";
import { simpleParser } from "mailparser";
import { cleanText, displayFrom, firstAddress, hasListId, headerText } from "./header-values";
import { extractVerificationTokens } from "@/lib/mail/verification-token";
import { platformMailDomain } from "@/lib/alias";
import type { InboundKind, ProviderAuthResult } from "@/db/schema";
import { parseBounceAddress } from "@/lib/bounces/bounce-address";
import { isBounceLike } from "./needs-body";
import { parseGmailConfirmation, type ProviderConfirmation } from "@/lib/provider-confirmations/parse-gmail-confirmation";
import { verifyProviderDkim } from "@/lib/provider-confirmations/verify-provider-dkim";
import { AUTO_SUBMITTED_HEADER, LOOP_HEADER, VERIFICATION_HEADER } from "@/lib/mail/platform-headers";

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

const MAX_MESSAGE_ID = 250; // keeps the unique index's rows small whatever a sender writes
const SCAN_TEXT = 64 * 1024; // how much of a body is searched for a token or a confirmation

export { cleanText };




/** The message's Message-ID, or one generated from its bytes, so that a retried copy is still recognised (R24). */
function messageIdOf(raw: Buffer, parsed: string | null | undefined): { messageId: string; generated: boolean } {
  const id = cleanText(parsed, 10_000)?.replace(/\s+/g, "");
  if (id && id.length <= MAX_MESSAGE_ID) return { messageId: id, generated: false };
  const hash = createHash("sha256").update(id ?? raw).digest("hex").slice(0, 40);
  const kind = id ? "long-message-id" : "no-message-id";
  return { messageId: `<${hash}.${kind}@${platformMailDomain()}>`, generated: !id };
}

/**
 * Reads a raw message with mailparser (no MIME parsing by hand). Never throws on bad input: a message that
 * mailparser cannot read is still recorded with what the envelope gives.
 */
export async function parseInboundMessage(
  raw: Buffer,
  envelope: { mailFrom: string | null; rcptTo?: string[] },
  options: { signal?: AbortSignal } = {},
): Promise<InboundMessageFacts> {
  const envelopeFrom = cleanText(envelope.mailFrom, 320);
  let parsed: Awaited<ReturnType<typeof simpleParser>> | null = null;
  try {
    parsed = await simpleParser(boundHeaderFields(raw), {
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      keepCidLinks: true,
      checksumAlgo: false,
      maxHtmlLengthToParse: 1024 * 1024,
    });
  } catch {
    parsed = null;
  }
  const { messageId, generated } = messageIdOf(raw, parsed?.messageId);
  const headers = parsed?.headers;
  const autoSubmittedValue = (headerText(headers?.get(AUTO_SUBMITTED_HEADER.toLowerCase())) ?? "").trim().toLowerCase();
  const loopValue = (headerText(headers?.get(LOOP_HEADER.toLowerCase())) ?? "").trim().toLowerCase();
  const sentByPlatform = loopValue !== "" && loopValue.split(/[\s,]+/).includes(platformMailDomain());
  const precedence = (headerText(headers?.get("precedence")) ?? "").trim().toLowerCase();
  const subject = cleanText(parsed?.subject);
  const headerFromAddress = firstAddress(parsed?.from);
  const text = (parsed?.text ?? "").slice(0, SCAN_TEXT);
  const html = typeof parsed?.html === "string" ? parsed.html.slice(0, SCAN_TEXT) : null;
  const verificationHeader = headerText(headers?.get(VERIFICATION_HEADER.toLowerCase()));
  // R28: a message shaped like Gmail's confirmation is taken only when its DKIM signature verifies for google.com.
  const to = (Array.isArray(parsed?.to) ? parsed.to : parsed?.to ? [parsed.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ""));
  const addressConfirmation = headerText(headers?.get("x-google-address-confirmation"));
  const candidate = parseGmailConfirmation({ fromAddress: headerFromAddress, subject: parsed?.subject, text, html, to, addressConfirmation });
  const providerAuth = candidate ? await verifyProviderDkim(raw, "google.com", undefined, { signal: options.signal }) : null;
  const confirmation = providerAuth === "pass" ? candidate : null;
  const contentType = (headerText(headers?.get("content-type")) ?? "").toLowerCase();
  const fromPlatform = sentByPlatform || Boolean(verificationHeader) || Boolean(envelopeFrom && parseBounceAddress(envelopeFrom));
  const kind: InboundKind = fromPlatform
    ? "platform"
    : confirmation || providerAuth === "temperror" || isBounceLike({ from: headerFromAddress, contentType, subject }, { mailFrom: envelopeFrom })
      ? "provider"
      : "customer";
  return {
    messageId,
    generatedMessageId: generated,
    envelopeFrom,
    headerFrom: cleanText(displayFrom(parsed?.from)),
    headerFromAddress: cleanText(headerFromAddress, 320),
    subject,
    sizeBytes: raw.length,
    autoSubmitted: (autoSubmittedValue !== "" && autoSubmittedValue !== "no") || sentByPlatform,
    sentByPlatform,
    bulkOrList: ["bulk", "junk", "list"].includes(precedence) || hasListId(headers) || !envelopeFrom,
    verificationTokens: extractVerificationTokens([verificationHeader, subject, text]),
    confirmation,
    kind,
    providerAuth,
  };
}
