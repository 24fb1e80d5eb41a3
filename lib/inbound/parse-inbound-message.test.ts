import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mayAnswerAutomatically } from "./may-answer-automatically";
import { parseInboundMessage } from "./parse-inbound-message";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name));

describe("reading received messages (never throws on bad input)", () => {
  it("R21 keeps the header From of a forwarded message, the envelope sender and the subject", async () => {
    const m = await parseInboundMessage(fixture("forwarded-customer-message.eml"), {
      mailFrom: "support+caf_=k7x2pq8mzn=demo.ino.cx@mycompany.com",
    });
    expect(m).toMatchObject({
      messageId: "<b7c1e2f0-5a44-4c1e-9d0b-3f2a8e6c1d90@customer-mail.example>",
      generatedMessageId: false,
      headerFrom: "Jeanne Martin <jeanne.martin@customer-mail.example>",
      headerFromAddress: "jeanne.martin@customer-mail.example",
      envelopeFrom: "support+caf_=k7x2pq8mzn=demo.ino.cx@mycompany.com",
      subject: "Order 48213: the parcel has not arrived",
      autoSubmitted: false,
      confirmation: null,
    });
    expect(mayAnswerAutomatically(m)).toBe(true);
  });

  it("generates a Message-ID from the content when there is none, the same one for the same bytes", async () => {
    const a = await parseInboundMessage(fixture("no-message-id.eml"), { mailFrom: "monitor@legacy-host.example" });
    const b = await parseInboundMessage(fixture("no-message-id.eml"), { mailFrom: "monitor@legacy-host.example" });
    expect(a.generatedMessageId).toBe(true);
    expect(a.messageId).toMatch(/^<[0-9a-f]{40}\.no-message-id@ino\.cx>$/);
    expect(b.messageId).toBe(a.messageId);
  });

  it.each([
    [
      "raw UTF-8 (8-bit) subject",
      "eight-bit-subject.eml",
      "Pedido nº 991 – ¿dónde está? ✅",
      "José García <jose@cliente.example>",
    ],
    ["raw ISO-8859-1 (8-bit) subject", "latin1-8bit-subject.eml", null, null],
    [
      "encoded-word subject in two charsets",
      "encoded-word-subject.eml",
      "Réclamation : facture n° 2026-118 € remboursée ?",
      "François Léger <francois@client.example>",
    ],
  ])("reads a %s", async (_label, name, subject, from) => {
    const m = await parseInboundMessage(fixture(name), { mailFrom: "x@example.org" });
    if (subject) expect(m.subject).toBe(subject);
    else expect(m.subject).toBeTruthy();
    if (from) expect(m.headerFrom).toBe(from);
  });

  it("reads malformed headers without throwing, and keeps no NUL or control character", async () => {
    const m = await parseInboundMessage(fixture("malformed-headers.eml"), { mailFrom: null });
    expect(m.messageId).toBe("<malformed-headers-1@broken-mailer.example>");
    for (const value of [m.subject, m.headerFrom, m.envelopeFrom]) {
      if (value) expect(value).not.toMatch(/[\u0000-\u001f\u007f]/);
    }
    expect(m.bulkOrList).toBe(true); // no envelope sender: a bounce, never answered
  });

  it("survives bytes that are not a message at all", async () => {
    for (const raw of [
      Buffer.alloc(0),
      Buffer.from([0, 255, 0, 13, 10, 13, 10]),
      Buffer.from("\r\n\r\n\r\n"),
      Buffer.alloc(5000, 0xff),
    ]) {
      const m = await parseInboundMessage(raw, { mailFrom: "a@b.example" });
      expect(m.messageId).toMatch(/^<.+@ino\.cx>$/);
      expect(m.sizeBytes).toBe(raw.length);
    }
  });

  it("replaces an over-long Message-ID by a hash, so that the unique index always takes it", async () => {
    const raw = Buffer.from(`Message-ID: <${"x".repeat(5000)}@example.org>\r\nSubject: long\r\n\r\nbody`);
    const m = await parseInboundMessage(raw, { mailFrom: "a@b.example" });
    expect(m.messageId.length).toBeLessThan(100);
    expect(m.generatedMessageId).toBe(false);
  });

  it("R24 recognises automatic messages and the platform's own mail coming back", async () => {
    const auto = await parseInboundMessage(
      Buffer.from("Auto-Submitted: auto-replied\r\nMessage-ID: <ooo@x.example>\r\nSubject: Out of office\r\n\r\nAway."),
      { mailFrom: "a@x.example" },
    );
    expect(auto.autoSubmitted).toBe(true);
    expect(mayAnswerAutomatically(auto)).toBe(false);
    const no = await parseInboundMessage(
      Buffer.from("Auto-Submitted: no\r\nMessage-ID: <n@x.example>\r\nSubject: Hi\r\n\r\nHi."),
      { mailFrom: "a@x.example" },
    );
    expect(no.autoSubmitted).toBe(false);
    const loop = await parseInboundMessage(
      Buffer.from("X-INO-Loop: ino.cx\r\nMessage-ID: <l@ino.cx>\r\nSubject: check\r\n\r\nx"),
      { mailFrom: "no-reply@ino.cx" },
    );
    expect(loop).toMatchObject({ autoSubmitted: true, sentByPlatform: true });
    expect(mayAnswerAutomatically(loop)).toBe(false);
    const list = await parseInboundMessage(
      Buffer.from("List-Id: <news.example.org>\r\nPrecedence: list\r\nMessage-ID: <li@x.example>\r\n\r\nx"),
      { mailFrom: "a@x.example" },
    );
    expect(mayAnswerAutomatically(list)).toBe(false);
    // A list message without Precedence (most list servers today) is still list mail: List-Id alone says so.
    const listOnly = await parseInboundMessage(
      Buffer.from(
        "List-Id: Product news <news.example.org>\r\nList-Unsubscribe: <mailto:leave@example.org>\r\nMessage-ID: <lo@x.example>\r\n\r\nx",
      ),
      { mailFrom: "a@x.example" },
    );
    expect(listOnly.bulkOrList).toBe(true);
  });
});
