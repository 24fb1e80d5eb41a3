import { boundHeaderFields } from "./bound-header-fields";
import type { AddressObject, HeaderValue } from "mailparser";
import addressparser from "nodemailer/lib/addressparser";
import { firstAddress } from "./header-values";
import type { MessageHeader } from "./message-facts";

// The receiver's ordinary path (issue 13): a message's header block alone, so that the body is never held in
// memory; messageFacts (message-facts.ts) builds the recorded facts from it. The header block is parsed by
// mailparser (the same decoding of encoded words, 8-bit and folded lines as the full parse in
// parse-inbound-message.ts), or by the plain reader below when mailparser would read it the same; the body only
// adds a small prefix, searched for a forwarding check's token (see `bodyPrefixText`).

export type { MessageHeader };

/** A header block that mailparser's splitter refuses (longer than its limit); the receiver answers 5xx. */
export class HeaderTooLongError extends Error {}

/** Parses a header block (the bytes up to and including the blank line). Throws HeaderTooLongError only. */
export async function parseMessageHeader(headerBlock: Buffer): Promise<MessageHeader> {
  const bounded = boundHeaderFields(headerBlock); // issue 20 item 4: no single huge field is parsed
  return parsePlainHeader(bounded) ?? parseHeaderWithMailparser(bounded);
}

/** Any header block, read by mailparser. Throws HeaderTooLongError only. */
export async function parseHeaderWithMailparser(headerBlock: Buffer): Promise<MessageHeader> {
  // Loaded on first use: a receiver that only sees plain headers never carries mailparser.
  const { simpleParser } = await import("mailparser");
  let parsed: Awaited<ReturnType<typeof simpleParser>> | null = null;
  try {
    parsed = await simpleParser(headerBlock, {
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      checksumAlgo: false,
    });
  } catch (e) {
    if ((e as { code?: string }).code === "EMAXLEN") throw new HeaderTooLongError("header block too long");
    parsed = null; // unreadable: recorded with what the envelope gives, as the full parse does
  }
  return headerOfParsed(parsed);
}

/** The MessageHeader of what mailparser parsed (a header block, or a whole message); null: it could not read it. */
export function headerOfParsed(
  parsed: Pick<
    Awaited<ReturnType<typeof import("mailparser").simpleParser>>,
    "headers" | "messageId" | "subject" | "from"
  > | null,
): MessageHeader {
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

// mailparser keeps the first of these when a header is repeated (its processHeaders), a list of the others.
const SINGLE_KEYS = new Set([
  "message-id",
  "content-id",
  "from",
  "sender",
  "in-reply-to",
  "reply-to",
  "subject",
  "date",
  "content-disposition",
  "content-type",
  "content-transfer-encoding",
  "priority",
  "mime-version",
  "content-description",
  "precedence",
  "errors-to",
  "disposition-notification-to",
]);
const PLAIN_BYTES = /^[\t\r\n\x20-\x7e]*$/;
const FIELD = /^([!-9;-~]+)[ \t]*:(.*)$/s;

/**
 * Most mail's header block is plain: 7-bit ASCII, no encoded words, no comments or quotes in its Content-Type, a From
 * of plain mailboxes. For such a block this reads what MessageHeader holds as mailparser does (unfolded, trimmed,
 * the first of a single-valued header, mailparser's own address parser for From), at a fraction of its cost;
 * for anything else it returns null and mailparser reads the block (a test checks that both agree on plain blocks).
 */
export function parsePlainHeader(block: Buffer): MessageHeader | null {
  // Short enough that mailparser's splitter would not refuse it (it counts each line as at least 64 bytes).
  if (block.length > 128 * 1024) return null;
  const text = block.toString("latin1");
  if (!PLAIN_BYTES.test(text) || text.includes("=?") || /\r(?!\n)/.test(text)) return null;
  const lines = text.replace(/(\r?\n)+$/, "").split(/\r?\n/);
  if (lines.length * 64 > 128 * 1024) return null;
  const fields: [string, string][] = [];
  for (const line of lines) {
    if (line === "") return null;
    if (line[0] === " " || line[0] === "\t") {
      if (!fields.length) return null;
      fields[fields.length - 1][1] += `\r\n${line}`;
      continue;
    }
    const m = FIELD.exec(line);
    if (!m) return null; // mbox "From " line, a line without a colon: mailparser's business
    fields.push([m[1].toLowerCase(), m[2]]);
  }
  const headers = new Map<string, HeaderValue>();
  for (const [key, raw] of fields) {
    const text = raw.replace(/\r\n[ \t]*/g, " ").trim(); // unfolded as libmime does
    if (!text) continue;
    let value: HeaderValue = text;
    // Not read from a header-only message (mailparser turns them into other keys or types).
    if (IGNORED_KEYS.has(key)) continue;
    if (key.startsWith("list-")) return null; // mailparser turns List-* headers into one "list" object
    if (key === "message-id" || key === "in-reply-to")
      value = `${text.startsWith("<") ? "" : "<"}${text}${text.endsWith(">") ? "" : ">"}`;
    if (key === "content-type" || key === "content-disposition" || key === "dkim-signature") {
      if (/["()\\]/.test(text)) return null;
      const [type, ...params] = text.split(";");
      value = {
        value: type.trim(),
        params: Object.fromEntries(
          params
            .map((p) => p.split("="))
            .filter((p) => p.length === 2)
            .map(([k, v]) => [k.trim().toLowerCase(), v.trim()]),
        ),
      } as HeaderValue;
    }
    if (ADDRESS_KEYS.has(key)) {
      if (text.includes("xn--")) return null;
      const list = addressparser(text);
      if (!list.length || list.some((a) => a.group || !a.address)) return null;
      const entries = list.map((a) => ({ name: (a.name || "").toString().trim(), address: a.address }));
      value = {
        value: entries,
        html: "",
        text: entries.map((e) => (e.name ? `"${e.name}" <${e.address}>` : e.address)).join(", "),
      } as unknown as HeaderValue;
    }
    const existing = headers.get(key);
    if (existing === undefined) headers.set(key, value);
    else if (!SINGLE_KEYS.has(key))
      headers.set(key, [...(Array.isArray(existing) ? existing : [existing]), value] as HeaderValue);
  }
  const from = headers.get("from") as AddressObject | undefined;
  const contentType = headers.get("content-type") as { value?: string } | undefined;
  const messageId = headers.get("message-id");
  const subject = headers.get("subject");
  return {
    messageId: typeof messageId === "string" ? messageId : null,
    subject: typeof subject === "string" ? subject : null,
    from,
    fromAddress: firstAddress(from),
    contentType: typeof contentType?.value === "string" ? contentType.value : null,
    headers,
  };
}
const IGNORED_KEYS = new Set(["date", "references", "priority", "x-priority", "x-msmail-priority", "importance"]);
const ADDRESS_KEYS = new Set([
  "from",
  "to",
  "cc",
  "bcc",
  "sender",
  "reply-to",
  "delivered-to",
  "return-path",
  "disposition-notification-to",
]);

/**
 * The raw start of a body as text to search for a forwarding check's token: quoted-printable soft line breaks
 * removed, so a token split by one is still found. A token only in a base64-encoded body is not found here;
 * the platform's test message carries it in a header and the subject as well (send-verification-message.ts),
 * and a forwarded copy keeps at least its subject.
 */
export function bodyPrefixText(prefix: Buffer): string {
  return prefix.toString("latin1").replace(/=\r?\n/g, "");
}
