import { resetConfigForTests } from "@/lib/config";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestKey, dkimRecordName, signRaw, startTestDns, type TestKey } from "@/tests/dkim-test-kit";
import { parseInboundMessage } from "@/lib/inbound/parse-inbound-message";

// R23, R28: Gmail's forwarding confirmation in every format, taken only when its DKIM signature verifies for
// google.com, with the key served by a local DNS server named in DNS_SERVERS.
const fixture = (name: string) =>
  readFileSync(path.join(import.meta.dirname, "../inbound/fixtures", name))
    .toString()
    .replaceAll("ALIAS@demo.ino.cx", "4hq7zt2mkp@demo.ino.cx");
const parse = (raw: Buffer | string) => parseInboundMessage(Buffer.from(raw), { mailFrom: "bounce@google.com" });

let key: TestKey;
let dns: Awaited<ReturnType<typeof startTestDns>>;
beforeAll(async () => {
  key = createTestKey();
  dns = await startTestDns({ [dkimRecordName(key)]: key.txt });
  process.env.DNS_SERVERS = dns.server;
  resetConfigForTests();
});
afterAll(async () => {
  delete process.env.DNS_SERVERS;
  resetConfigForTests();
  await dns.close();
});
afterEach(() => {
  process.env.DNS_SERVERS = dns.server;
  resetConfigForTests();
});

describe("R28 authentic Gmail confirmations, in every format", () => {
  it.each([
    [
      "2020 English with a code, quoted-printable",
      "gmail-forwarding-confirmation.eml",
      {
        code: "417093852",
        url: "https://mail-settings.google.com/mail/vf-%5BANGjdJ9Qm2yX4uT7_kLp0vRz3Wc8-HnE1sB6aDfJqO%5D-Zr5tYw3Vx8uKo2Pq7Lm9Nb4Hc",
        requestedBy: "support.mycompany@gmail.com",
      },
    ],
    [
      "2020 English multipart with an encoded-word subject",
      "gmail-forwarding-confirmation-html.eml",
      {
        code: "902114736",
        url: "https://mail.google.com/mail/vf-%5BANGjdJ_w8Hc2pLq0Zt4Yv6Nn1Rk5Sd7Fb3Gm9Xe%5D-aQ2sW4eR6tY8uI0oP1lK3jH5",
        requestedBy: "billing.team@gmail.com",
      },
    ],
    [
      "2025 without a code (one unbalanced parenthesis), the link's query and fragment stripped",
      "gmail-2025-no-code.eml",
      {
        code: null,
        url: "https://mail-settings.google.com/mail/vf-%5BANGjdJ8e2Lq4Xn0Rt7Kp1Ws9Zc3Vb6Hy%5D-Qm5Tn8Ur2Io4",
        requestedBy: "frontdesk.team@gmail.com",
      },
    ],
    [
      "French, base64 body and RFC 2047 base64 subject, isolated.mail.google.com /u/0/",
      "gmail-fr-base64.eml",
      {
        code: null,
        url: "https://isolated.mail.google.com/mail/u/0/vf-%5BANGjdJ_fr7Pq2Ws5Ed8Rf1Tg4Yh%5D-Kl3Mn6Bv9",
        requestedBy: "marie.dupont@gmail.com",
      },
    ],
    [
      "German multipart, quoted-printable, Q-encoded subject with a code",
      "gmail-de-multipart.eml",
      {
        code: "583920147",
        url: "https://mail.google.com/mail/vf-%5BANGjdJ-de4Hj7Kl0Zx3Cv6Bn%5D-Wq8Er1Ty5",
        requestedBy: "weiterleitung.vertrieb@gmail.com",
      },
    ],
    [
      "Chinese, base64 subject and body with a code",
      "gmail-zh-base64.eml",
      {
        code: "730264915",
        url: "https://mail-settings.google.com/mail/vf-%5BANGjdJ9zh2Ab5Cd8Ef%5D-Gh1Ij4Kl7",
        requestedBy: "zhang.wei.shop@gmail.com",
      },
    ],
  ])("%s", async (_label, name, expected) => {
    const m = await parse(await signRaw(fixture(name), key));
    expect(m.providerAuth).toBe("pass");
    expect(m.kind).toBe("provider");
    // Issue 20 item 5: each names the alias it was sent to, for which alone it counts.
    const forwardTo = name.includes("html") ? "m3w8rk2qza@demo.ino.cx" : "4hq7zt2mkp@demo.ino.cx";
    expect(m.confirmation).toEqual({ provider: "gmail", ...expected, forwardTo });
  });
});

describe("R28 refused: recorded as an ordinary message, never shown as a confirmation", () => {
  it("when the signature does not verify (the link changed after signing)", async () => {
    const signed = (await signRaw(fixture("gmail-2025-no-code.eml"), key))
      .toString()
      .replace("vf-%5BANGjdJ8e2", "vf-%5BATTACKER2");
    const m = await parse(signed);
    expect(m).toMatchObject({ providerAuth: "fail", confirmation: null, kind: "customer" });
  });

  it("when there is no signature at all", async () => {
    const m = await parse(fixture("gmail-2025-no-code.eml"));
    expect(m).toMatchObject({ providerAuth: "none", confirmation: null, kind: "customer" });
  });

  it("when it is signed by another domain's key", async () => {
    const other = createTestKey("gmail-support.example", "s1");
    const m = await parse(await signRaw(fixture("gmail-2025-no-code.eml"), other));
    expect(m).toMatchObject({ providerAuth: "none", confirmation: null });
  });

  it("when the key cannot be looked up (DNS unreachable): not shown, marked as not authenticated", async () => {
    process.env.DNS_SERVERS = "127.0.0.1:9";
    resetConfigForTests();
    const m = await parse(await signRaw(fixture("gmail-2025-no-code.eml"), key));
    expect(m).toMatchObject({ providerAuth: "temperror", confirmation: null, kind: "provider" });
  });

  it.each([
    ["a look-alike sender domain", "spoof-lookalike-sender.eml"],
    ["look-alike link hosts, plain http, a user-info trick and only the cancel link", "spoof-lookalike-link.eml"],
    ["a subject code that differs from the body's", "spoof-code-mismatch.eml"],
  ])("a look-alike with %s, even signed by google.com's key", async (_label, name) => {
    const m = await parse(await signRaw(fixture(name), key));
    expect(m.confirmation).toBeNull();
  });

  it("an ordinary customer message that quotes the words", async () => {
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
    const m = await parseInboundMessage(raw, { mailFrom: "jeanne@customer-mail.example" });
    expect(m).toMatchObject({ confirmation: null, kind: "customer", providerAuth: null });
  });
});
