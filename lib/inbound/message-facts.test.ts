import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messageFacts } from "./message-facts";
import { needsBody } from "./needs-body";
import { parseWholeMessage } from "./parse-inbound-message";
import { bodyPrefixText, parseMessageHeader } from "./parse-message-header";

// Issue 18 item 2: one builder of the recorded facts for both parse paths. Whichever parse a message gets (the
// header block alone, or the whole message), every fact that does not need the body is the same; real mail of
// lib/inbound/fixtures (customer mail, bounces, Gmail's confirmations, malformed headers) proves it.

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".eml"));
const split = (raw: Buffer) => {
  const end =
    raw.indexOf("\r\n\r\n") >= 0
      ? raw.indexOf("\r\n\r\n") + 4
      : raw.indexOf("\n\n") >= 0
        ? raw.indexOf("\n\n") + 2
        : raw.length;
  return { head: raw.subarray(0, end), body: raw.subarray(end) };
};

describe("messageFacts", () => {
  it.each(files)("gives the same facts from the header block as from the whole message: %s", async (file) => {
    const raw = readFileSync(path.join(FIXTURES, file));
    const mailFrom = file.startsWith("dsn") ? null : "sender@x.example";
    const envelope = { mailFrom, rcptTo: ["k7x2pq8mzn@demo.ino.cx"] };
    const message = { mailFrom, sizeBytes: raw.length, contentHash: createHash("sha256").update(raw).digest("hex") };
    const { head, body } = split(raw);
    const header = await parseMessageHeader(head);
    const need = needsBody(
      { from: header.fromAddress, contentType: header.contentType, subject: header.subject },
      envelope,
    );
    const fromHeader = messageFacts({ header, need, bodyText: bodyPrefixText(body), provider: null }, message);
    // The provider check is the full parse's own (DKIM needs the body): left out here, checked by its own tests.
    const whole = await parseWholeMessage(raw);
    const fromWhole = messageFacts({ ...whole, need, provider: null }, message);
    // The token search reads the raw body's start on one path and the decoded text on the other.
    expect({ ...fromHeader, verificationTokens: [] }).toEqual({ ...fromWhole, verificationTokens: [] });
  });

  it("R26: a bounce-like message is the provider's on either path, as needsBody decided; other mail is the customer's", async () => {
    const head = Buffer.from(
      "From: MAILER-DAEMON@mx.example.net\r\nMessage-ID: <d@mx.example.net>\r\nSubject: Undelivered Mail\r\n\r\n",
    );
    const header = await parseMessageHeader(head);
    const message = { mailFrom: "a@x.example", sizeBytes: head.length, contentHash: null };
    expect(
      messageFacts({ header, need: { body: true, bounceLike: true }, bodyText: "", provider: null }, message).kind,
    ).toBe("provider");
    expect(
      messageFacts({ header, need: { body: false, bounceLike: false }, bodyText: "", provider: null }, message).kind,
    ).toBe("customer");
  });
});
