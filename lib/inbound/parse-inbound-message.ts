import { boundHeaderFields } from "./bound-header-fields";
import { simpleParser } from "mailparser";
import { headerText } from "./header-values";
import {
  createContentHash,
  hasUsableMessageId,
  messageFacts,
  type InboundMessageFacts,
  type MessageHeader,
  type ProviderCheck,
} from "./message-facts";
import { needsBody } from "./needs-body";
import { headerOfParsed } from "./parse-message-header";
import { parseGmailConfirmation } from "@/lib/provider-confirmations/parse-gmail-confirmation";
import { verifyProviderDkim } from "@/lib/provider-confirmations/verify-provider-dkim";

// The full parse: the whole message (or its first bodyCap bytes) read by mailparser, for the messages needsBody
// keeps (provider confirmations and bounces). It yields the same MessageHeader as the header path and adds what
// only the body gives; messageFacts (message-facts.ts) builds the recorded facts from either.

const SCAN_TEXT = 64 * 1024; // how much of a body is searched for a token or a confirmation

/** What the full parse read: the header, the body's text searched for a token, and the provider check (R28). */
export type WholeMessage = { header: MessageHeader; bodyText: string; provider: ProviderCheck };

/**
 * Reads a raw message with mailparser (no MIME parsing by hand). Never throws on bad input: a message that
 * mailparser cannot read is still recorded with what the envelope gives.
 */
export async function parseWholeMessage(raw: Buffer, options: { signal?: AbortSignal } = {}): Promise<WholeMessage> {
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
  const header = headerOfParsed(parsed);
  const text = (parsed?.text ?? "").slice(0, SCAN_TEXT);
  const html = typeof parsed?.html === "string" ? parsed.html.slice(0, SCAN_TEXT) : null;
  // R28: a message shaped like Gmail's confirmation is taken only when its DKIM signature verifies for google.com.
  const to = (Array.isArray(parsed?.to) ? parsed.to : parsed?.to ? [parsed.to] : []).flatMap((a) =>
    a.value.map((v) => v.address ?? ""),
  );
  const addressConfirmation = headerText(header.headers.get("x-google-address-confirmation"));
  const candidate = parseGmailConfirmation({
    fromAddress: header.fromAddress,
    subject: header.subject,
    text,
    html,
    to,
    addressConfirmation,
  });
  const providerAuth = candidate
    ? await verifyProviderDkim(raw, "google.com", undefined, { signal: options.signal })
    : null;
  return {
    header,
    bodyText: text,
    provider: { confirmation: providerAuth === "pass" ? candidate : null, providerAuth },
  };
}

/**
 * A whole raw message's facts, as the receiver records them when needsBody keeps its body: for tests and tools
 * that hold a message in hand (the receiver itself calls receiveMessage, which reads the header block first).
 */
export async function parseInboundMessage(
  raw: Buffer,
  envelope: { mailFrom: string | null; rcptTo?: string[] },
  options: { signal?: AbortSignal } = {},
): Promise<InboundMessageFacts> {
  const whole = await parseWholeMessage(raw, options);
  const { header } = whole;
  const need = needsBody(
    { from: header.fromAddress, contentType: header.contentType, subject: header.subject },
    { mailFrom: envelope.mailFrom, rcptTo: envelope.rcptTo ?? [] },
  );
  const contentHash = hasUsableMessageId(header) ? null : createContentHash().update(raw).digest("hex");
  return messageFacts({ ...whole, need }, { mailFrom: envelope.mailFrom, sizeBytes: raw.length, contentHash });
}
