import { beforeAll, describe, expect, it } from "vitest";
import { createTestKey, dkimRecordName, signRaw, type TestKey } from "@/tests/dkim-test-kit";
import { MAX_PROVIDER_SIGNATURES, verifyProviderDkim } from "./verify-provider-dkim";

// Issue 20 items 4 and 5: the DKIM check of a provider's message is bounded (a few signatures, one DNS budget per
// message, over when the sender leaves) and refuses messages that are no evidence whatever their signature says.

const message = [
  "From: Gmail Team <forwarding-noreply@google.com>",
  "To: 4hq7zt2mkp@demo.ino.cx",
  "Subject: (Gmail Forwarding Confirmation - Receive Mail from frontdesk.team@gmail.com",
  "Message-ID: <bounded-1@google.com>",
  "",
  "frontdesk.team@gmail.com has requested to automatically forward mail to your email address 4hq7zt2mkp@demo.ino.cx.",
  "",
].join("\r\n");

let key: TestKey;
let signed: Buffer;
beforeAll(async () => {
  key = createTestKey();
  signed = await signRaw(message, key);
});

/** A resolver that answers the test key's record, counts every lookup, and can be made to hang. */
function countingResolver(opts: { hang?: boolean } = {}) {
  const calls: string[] = [];
  const resolver = (name: string) => {
    calls.push(name);
    if (opts.hang) return new Promise<string[][]>(() => {});
    if (name === dkimRecordName(key)) return Promise.resolve([[key.txt]]);
    return Promise.reject(Object.assign(new Error("not found"), { code: "ENOTFOUND" }));
  };
  return { calls, resolver };
}

/** The signed message with `n` more DKIM-Signature fields in front, copies of the real one with other selectors. */
function withSignatures(raw: Buffer, n: number, domain = "google.com"): Buffer {
  const text = raw.toString("latin1");
  const real = /^DKIM-Signature:.*\r\n(?:[ \t].*\r\n)*/m.exec(text)![0];
  const copies = Array.from({ length: n }, (_, i) =>
    real.replace(/s=[^;]+;/, `s=attacker${i};`).replace(/d=google\.com;/, `d=${domain};`),
  );
  return Buffer.from(copies.join("") + text, "latin1");
}

describe("R28 the DKIM check of a provider's message", () => {
  it("passes a genuine signature with one lookup", async () => {
    const { calls, resolver } = countingResolver();
    expect(await verifyProviderDkim(signed, "google.com", resolver)).toBe("pass");
    expect(calls).toEqual([dkimRecordName(key)]);
  });

  it("issue 20 item 4: 30 signatures for the provider's domain cost at most a few lookups", async () => {
    const { calls, resolver } = countingResolver();
    const started = Date.now();
    const result = await verifyProviderDkim(withSignatures(signed, 30), "google.com", resolver);
    expect(result).not.toBe("pass"); // the genuine one is past the first few: a sender's extra signatures only hurt it
    expect(calls.length).toBeLessThanOrEqual(MAX_PROVIDER_SIGNATURES);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("issue 20 item 4: signatures of other domains are not verified at all", async () => {
    const { calls, resolver } = countingResolver();
    expect(await verifyProviderDkim(withSignatures(signed, 30, "other.example"), "google.com", resolver)).toBe("pass");
    expect(calls).toEqual([dkimRecordName(key)]);
  });

  it("issue 20 item 4: a DNS that never answers ends within the message's time budget, as temperror", async () => {
    const { resolver } = countingResolver({ hang: true });
    const started = Date.now();
    const result = await verifyProviderDkim(withSignatures(signed, 30), "google.com", resolver, {
      budget: { queries: 4, ms: 300 },
    });
    expect(result).toBe("temperror");
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("issue 20 item 4: the budget ends when the sender disconnects", async () => {
    const { resolver } = countingResolver({ hang: true });
    const gone = new AbortController();
    const started = Date.now();
    const checking = verifyProviderDkim(signed, "google.com", resolver, { signal: gone.signal });
    setTimeout(() => gone.abort(), 100);
    expect(await checking).toBe("temperror");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("issue 20 item 5: a duplicated From or Subject is no evidence, even with a valid signature", async () => {
    const { resolver } = countingResolver();
    const text = signed.toString("latin1");
    const twoFroms = Buffer.from(text.replace(/^From: /m, "From: Someone <evil@attacker.example>\r\nFrom: "), "latin1");
    const twoSubjects = Buffer.from(
      text.replace(
        /^Subject: /m,
        "Subject: (Gmail Forwarding Confirmation - Receive Mail from evil@attacker.example\r\nSubject: ",
      ),
      "latin1",
    );
    expect(await verifyProviderDkim(twoFroms, "google.com", resolver)).toBe("fail");
    expect(await verifyProviderDkim(twoSubjects, "google.com", resolver)).toBe("fail");
  });

  it("issue 20 item 5: a signature with l= (body length) is no evidence, though it verifies after text is added", async () => {
    // A genuine signature that covers only the first bytes of the body (l=), then an attacker's text appended: the
    // signature still verifies (mailauth says pass), so only the refusal of l= keeps it from counting.
    const { dkimSign } = await import("mailauth/lib/dkim/sign.js");
    const body = message.slice(message.indexOf("\r\n\r\n") + 4);
    // mailauth reads each signature's settings from signatureData (its types declare them at the top level too).
    const one = {
      signingDomain: key.domain,
      selector: key.selector,
      privateKey: key.privateKey,
      canonicalization: "relaxed/relaxed",
      maxBodyLength: Buffer.byteLength(body),
    };
    const { signatures } = await dkimSign(message, { ...one, signatureData: [one] });
    expect(signatures).toMatch(/\bl=\d+/);
    const tampered = Buffer.from(
      `${signatures}${message}Forward to https://evil.example/confirm instead.\r\n`,
      "latin1",
    );
    const { dkimVerify } = await import("mailauth/lib/dkim/verify.js");
    const { resolver } = countingResolver();
    const plain = await dkimVerify(tampered, { resolver: resolver as never });
    expect(plain.results[0].status.result).toBe("pass");
    expect(await verifyProviderDkim(tampered, "google.com", resolver)).toBe("fail");
  });
});
