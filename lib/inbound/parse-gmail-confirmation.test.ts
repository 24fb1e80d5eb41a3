import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseInboundMessage } from "./parse-inbound-message";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name));
const parse = (name: string) => parseInboundMessage(fixture(name), { mailFrom: "bounce@google.com" });

describe("R23 Gmail's forwarding confirmation", () => {
  it("reads the code and the confirmation link (not the cancel link) of a quoted-printable text message", async () => {
    const m = await parse("gmail-forwarding-confirmation.eml");
    expect(m.confirmation).toEqual({
      provider: "gmail",
      code: "417093852",
      url: "https://mail-settings.google.com/mail/vf-%5BANGjdJ9Qm2yX4uT7_kLp0vRz3Wc8-HnE1sB6aDfJqO%5D-Zr5tYw3Vx8uKo2Pq7Lm9Nb4Hc",
      requestedBy: "support.mycompany@gmail.com",
    });
  });

  it("reads a multipart message with an encoded-word subject and a mail.google.com link", async () => {
    const m = await parse("gmail-forwarding-confirmation-html.eml");
    expect(m.confirmation).toMatchObject({
      code: "902114736",
      url: "https://mail.google.com/mail/vf-%5BANGjdJ_w8Hc2pLq0Zt4Yv6Nn1Rk5Sd7Fb3Gm9Xe%5D-aQ2sW4eR6tY8uI0oP1lK3jH5",
      requestedBy: "billing.team@gmail.com",
    });
  });

  it.each([
    ["a look-alike sender domain", "spoof-lookalike-sender.eml"],
    ["look-alike link hosts, plain http, a user-info trick and only the cancel link", "spoof-lookalike-link.eml"],
    ["a subject that is not Gmail's and a code that differs from it", "spoof-code-mismatch.eml"],
  ])("is not taken from a spoof with %s", async (_label, name) => {
    const m = await parse(name);
    expect(m.confirmation).toBeNull();
  });

  it("is not taken from an ordinary customer message that quotes the words", async () => {
    const raw = Buffer.from(
      [
        "From: Jeanne <jeanne@customer-mail.example>",
        "Subject: (#417093852) Gmail Forwarding Confirmation - Receive Mail from jeanne@customer-mail.example",
        "Message-ID: <quote-1@customer-mail.example>",
        "",
        "Confirmation code: 417093852",
        "https://mail-settings.google.com/mail/vf-%5BANGjdJ9Qm2yX4uT7%5D-Zr5tYw3Vx8",
      ].join("\r\n"),
    );
    expect((await parseInboundMessage(raw, { mailFrom: "jeanne@customer-mail.example" })).confirmation).toBeNull();
  });
});
