import { describe, expect, it } from "vitest";
import { boundHeaderFields } from "./bound-header-fields";
import { parseMessageHeader } from "./parse-message-header";
import { parseInboundMessage } from "./parse-inbound-message";

// Issue 20 item 4: a single huge header field (a 146 kB To:) cost about 2 s of CPU in mailparser.
const hugeTo = Array.from({ length: 4500 }, (_, i) => `"Person ${i}" <p${i}@x.example>`).join(",\r\n ");
const head = `From: Jeanne <jeanne@x.example>\r\nTo: ${hugeTo}\r\nSubject: Order 42\r\nMessage-ID: <huge-to@x.example>\r\n\r\n`;

describe("a huge header field", () => {
  it("is left out before parsing, the facts kept, in bounded time (both parse paths)", async () => {
    expect(Buffer.byteLength(hugeTo)).toBeGreaterThan(146 * 1024);
    let started = performance.now();
    const header = await parseMessageHeader(Buffer.from(head));
    expect(performance.now() - started).toBeLessThan(500);
    expect(header).toMatchObject({
      subject: "Order 42",
      messageId: "<huge-to@x.example>",
      fromAddress: "jeanne@x.example",
    });
    expect(header.headers.has("to")).toBe(false);
    started = performance.now();
    const facts = await parseInboundMessage(Buffer.from(`${head}Hello\r\n`), { mailFrom: "jeanne@x.example" });
    expect(performance.now() - started).toBeLessThan(500);
    expect(facts).toMatchObject({
      subject: "Order 42",
      messageId: "<huge-to@x.example>",
      headerFromAddress: "jeanne@x.example",
    });
  });

  it("leaves ordinary messages as they are (the same bytes)", () => {
    const raw = Buffer.from(`From: a@x.example\r\nTo: b@x.example\r\nSubject: hi\r\n\r\n${"body\r\n".repeat(10_000)}`);
    expect(boundHeaderFields(raw)).toBe(raw);
    const folded = Buffer.from(`Subject: a\r\n b\r\nTo: ${"c".repeat(20_000)}\r\nFrom: d@x.example\r\n\r\nbody`);
    expect(boundHeaderFields(folded).toString()).toBe("Subject: a\r\n b\r\nFrom: d@x.example\r\n\r\nbody");
  });
});
