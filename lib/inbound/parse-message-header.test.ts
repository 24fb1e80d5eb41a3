import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayFrom, headerText } from "./header-values";
import { messageFacts } from "./message-facts";
import { needsBody } from "./needs-body";
import {
  parseHeaderWithMailparser,
  parseMessageHeader,
  parsePlainHeader,
  type MessageHeader,
} from "./parse-message-header";

// Issue 13: the receiver reads a plain header block itself (parsePlainHeader) and leaves every other one to
// mailparser. Whatever the receiver records from a header must be the same either way.

const READ_KEYS = ["auto-submitted", "x-ino-loop", "precedence", "x-ino-forwarding-check"];
function whatIsRead(h: MessageHeader) {
  return {
    messageId: h.messageId,
    subject: h.subject,
    fromAddress: h.fromAddress,
    displayFrom: displayFrom(h.from),
    contentType: h.contentType,
    list: h.headers.has("list"),
    ...Object.fromEntries(READ_KEYS.map((k) => [k, headerText(h.headers.get(k))])),
  };
}

const printable = fc
  .string({ unit: fc.constantFrom(..." abcXYZ019<>@.,:;-_'!#+/?=[]".split("")), minLength: 0, maxLength: 30 })
  .filter((v) => !v.includes("=?"));
const word = fc.string({ unit: fc.constantFrom(..."abcdefxyz019".split("")), minLength: 1, maxLength: 8 });
const mailbox = fc
  .tuple(
    fc.option(
      fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
      { nil: undefined },
    ),
    word,
    word,
  )
  .map(([name, local, domain]) => (name ? `${name} <${local}@${domain}.example>` : `${local}@${domain}.example`));
const field = fc.oneof(
  fc.tuple(
    fc.constantFrom("Message-ID", "Message-Id", "In-Reply-To"),
    fc.oneof(
      fc.tuple(word, word).map(([a, b]) => `<${a}@${b}.example>`),
      word,
    ),
  ),
  fc.tuple(
    fc.constantFrom(
      "Subject",
      "SUBJECT",
      "Auto-Submitted",
      "X-INO-Loop",
      "Precedence",
      "X-INO-Forwarding-Check",
      "X-Other",
      "Date",
      "List-Id",
      "References",
    ),
    printable,
  ),
  fc.tuple(
    fc.constantFrom("From", "To", "Cc", "Reply-To"),
    fc.array(mailbox, { minLength: 1, maxLength: 3 }).map((l) => l.join(", ")),
  ),
  fc.tuple(
    fc.constant("Content-Type"),
    fc.constantFrom(
      "text/plain; charset=UTF-8",
      "TEXT/HTML",
      "multipart/report; report-type=delivery-status; boundary=abc",
      "multipart/mixed;\r\n boundary=xyz",
    ),
  ),
);
const headerBlock = fc
  .array(fc.tuple(field, fc.boolean(), fc.constantFrom(" ", "  ", "\t")), { minLength: 0, maxLength: 12 })
  .map(
    (fields) =>
      fields
        .map(([[name, value], fold, space]) => {
          const folded = fold && value.includes(" ") ? value.replace(" ", "\r\n ") : value;
          return `${name}:${space}${folded}\r\n`;
        })
        .join("") + "\r\n",
  );

describe("a plain header block, read by the receiver itself", () => {
  it("gives what mailparser gives for everything the receiver reads", async () => {
    await fc.assert(
      fc.asyncProperty(headerBlock, async (block) => {
        const plain = parsePlainHeader(Buffer.from(block));
        if (!plain) return;
        expect(whatIsRead(plain)).toEqual(whatIsRead(await parseHeaderWithMailparser(Buffer.from(block))));
      }),
      { numRuns: 300 },
    );
  });

  it("reads a typical message's header itself, and leaves encoded words, 8-bit text and groups to mailparser", async () => {
    const typical =
      "Message-ID: <a@x.example>\r\nDate: Tue, 24 Nov 2026 10:21:03 +0100\r\nFrom: Jeanne Martin <jeanne@x.example>\r\nSubject: Order 48000\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n";
    expect(parsePlainHeader(Buffer.from(typical))).toMatchObject({
      messageId: "<a@x.example>",
      subject: "Order 48000",
      fromAddress: "jeanne@x.example",
      contentType: "text/plain",
    });
    for (const other of [
      "Subject: =?UTF-8?Q?caf=C3=A9?=\r\n\r\n",
      "Subject: café\r\n\r\n",
      "From: undisclosed-recipients:;\r\n\r\n",
      "From a@b Tue Nov 24 10:21:03 2026\r\nSubject: x\r\n\r\n",
    ]) {
      expect(parsePlainHeader(Buffer.from(other, "utf8"))).toBeNull();
    }
    expect((await parseMessageHeader(Buffer.from("Subject: =?UTF-8?Q?caf=C3=A9?=\r\n\r\n"))).subject).toBe("café");
  });

  it("reads every stored message (real provider mail, sisimai's public bounces, our fixtures) as mailparser does, or leaves it to mailparser", async () => {
    const dirs = [path.join(import.meta.dirname, "fixtures"), path.join(import.meta.dirname, "fixtures", "real-world")];
    const files = dirs.flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith(".eml"))
        .map((f) => path.join(d, f)),
    );
    expect(files.length).toBeGreaterThan(25);
    let readItself = 0;
    for (const file of files) {
      const raw = readFileSync(file);
      const end = raw.indexOf("\r\n\r\n") >= 0 ? raw.indexOf("\r\n\r\n") + 4 : raw.indexOf("\n\n") + 2;
      const block = raw.subarray(0, end > 1 ? end : raw.length);
      const plain = parsePlainHeader(block);
      if (!plain) continue;
      readItself++;
      expect(whatIsRead(plain), path.basename(file)).toEqual(whatIsRead(await parseHeaderWithMailparser(block)));
    }
    expect(readItself).toBeGreaterThan(0);
  });

  it("counts mail with a List-Id as list mail, never answered automatically, even without Precedence", async () => {
    const block = Buffer.from(
      "Message-ID: <l@x.example>\r\nFrom: News <news@x.example>\r\nList-Id: Product news <news.x.example>\r\nSubject: November\r\n\r\n",
    );
    const header = await parseMessageHeader(block);
    const need = needsBody(
      { from: header.fromAddress, contentType: header.contentType, subject: header.subject },
      { mailFrom: "bounces@x.example", rcptTo: [] },
    );
    const facts = messageFacts(
      { header, need, bodyText: "", provider: null },
      { mailFrom: "bounces@x.example", sizeBytes: block.length, contentHash: null },
    );
    expect(facts.bulkOrList).toBe(true);
  });
});
