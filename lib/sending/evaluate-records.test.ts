import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { evaluateDkimRecord } from "./evaluate-dkim-record";
import { evaluateDmarcRecord } from "./evaluate-dmarc-record";
import { buildDomainRecords, unicodeDomain } from "./domain-records";
import { nextDomainState } from "./domain-state";
import { domainZoneFile, quoteTxt } from "./zone-file";
import type { TxtLookup } from "./dns-answer";

const key = () =>
  generateKeyPairSync("rsa", { modulusLength: 2048 })
    .publicKey.export({ type: "spki", format: "der" })
    .toString("base64");
const ours = key();
const theirs = key();
const answer = (...records: string[][]): TxtLookup => ({ kind: "answer", records, cname: null });

describe("R35 DKIM record evaluation", () => {
  it("matches our key whatever the string splitting, whitespace and tag order", () => {
    const value = `v=DKIM1; k=rsa; p=${ours}`;
    expect(evaluateDkimRecord(answer([value]), ours)).toMatchObject({ status: "verified", reason: "match" });
    expect(evaluateDkimRecord(answer(value.match(/.{1,255}/g)!), ours).status).toBe("verified");
    expect(
      evaluateDkimRecord(answer([value.slice(0, 100), value.slice(100, 101), value.slice(101)]), ours).status,
    ).toBe("verified");
    const spaced = `  p = ${ours.match(/.{1,64}/g)!.join(" \t")} ;k=rsa;   v=DKIM1 ;`;
    expect(evaluateDkimRecord(answer([spaced]), ours).status).toBe("verified");
    expect(evaluateDkimRecord(answer([`p=${ours}`]), ours).status).toBe("verified"); // v= and k= are optional
  });
  it("explains a record of another key, a revoked key, a malformed one, a wrong key type", () => {
    expect(evaluateDkimRecord(answer([`v=DKIM1; k=rsa; p=${theirs}`]), ours)).toMatchObject({
      status: "wrong_value",
      reason: "other_key",
    });
    expect(evaluateDkimRecord(answer(["v=DKIM1; k=rsa; p="]), ours)).toMatchObject({
      status: "wrong_value",
      reason: "revoked",
    });
    expect(evaluateDkimRecord(answer(["v=DKIM1; k=rsa; p=!!not-base64!!"]), ours)).toMatchObject({
      status: "wrong_value",
      reason: "malformed",
    });
    expect(evaluateDkimRecord(answer([`v=DKIM1; k=ed25519; p=${ours}`]), ours)).toMatchObject({
      status: "wrong_value",
      reason: "other_key",
    });
    expect(evaluateDkimRecord(answer([`v=DKIM1; k=rsa; p=${theirs}`]), ours).found[0]).toContain(theirs.slice(0, 40));
  });
  it("judges several records at the name", () => {
    expect(evaluateDkimRecord(answer(["google-site-verification=abc"], [`v=DKIM1; p=${ours}`]), ours)).toMatchObject({
      status: "verified",
      reason: "match_among_several",
    });
    expect(evaluateDkimRecord(answer([`v=DKIM1; p=${theirs}`], [`v=DKIM1; p=${ours}`]), ours)).toMatchObject({
      status: "wrong_value",
      reason: "several_dkim",
    });
    expect(evaluateDkimRecord(answer(["hello"], ["world"]), ours)).toMatchObject({
      status: "not_found",
      reason: "not_dkim",
    });
  });
  it("says when the key is reached through a CNAME", () => {
    expect(
      evaluateDkimRecord({ kind: "answer", records: [[`v=DKIM1; p=${ours}`]], cname: "key.provider.example" }, ours),
    ).toMatchObject({ status: "verified", reason: "match_via_cname" });
  });
  it("never reports a DNS failure as not found", () => {
    expect(evaluateDkimRecord({ kind: "error", code: "timeout" }, ours)).toMatchObject({
      status: "could_not_check",
      reason: "dns_timeout",
    });
    expect(evaluateDkimRecord({ kind: "error", code: "servfail" }, ours)).toMatchObject({
      status: "could_not_check",
      reason: "dns_error",
    });
    expect(evaluateDkimRecord({ kind: "none", cname: null }, ours)).toMatchObject({
      status: "not_found",
      reason: "no_record",
    });
  });
  it("ends hostile answers in a status, fast", () => {
    const start = Date.now();
    const huge = "x".repeat(2_000_000);
    expect(evaluateDkimRecord(answer([huge]), ours)).toMatchObject({ status: "wrong_value", reason: "malformed" });
    expect(evaluateDkimRecord(answer([`v=DKIM1; p=${huge}`]), ours).status).toBe("wrong_value");
    expect(
      evaluateDkimRecord(answer(...Array.from({ length: 500 }, () => [`v=DKIM1; p=${ours}`])), ours),
    ).toMatchObject({ status: "wrong_value", reason: "too_many" });
    expect(evaluateDkimRecord(answer(["v=DKIM1; p=ключ; n=é\u0000\u202e"]), ours).status).toBe("wrong_value");
    const r = evaluateDkimRecord(answer([`\u0001v=DKIM1; p=${theirs}`]), ours);
    expect(r.found.join("")).not.toMatch(/[\x00-\x1f]/);
    expect(Date.now() - start).toBeLessThan(1000);
  });
});

describe("R35 DMARC record evaluation", () => {
  it("recommends one when none is published", () => {
    expect(evaluateDmarcRecord({ kind: "none", cname: null }, { dkimVerified: true })).toMatchObject({
      status: "not_found",
      reason: "dmarc_recommended",
    });
    expect(evaluateDmarcRecord(answer(["some other text"]), { dkimVerified: true }).reason).toBe("dmarc_recommended");
  });
  it("reads the published policy and DKIM alignment", () => {
    const e = evaluateDmarcRecord(answer(["v=DMARC1;p=reject;", " adkim=s; rua=mailto:d@x.example"]), {
      dkimVerified: true,
    });
    expect(e).toMatchObject({
      status: "verified",
      reason: "dmarc_found",
      dmarc: { policy: "reject", alignment: "strict", aligned: true, rua: "mailto:d@x.example" },
    });
    expect(evaluateDmarcRecord(answer(["v=DMARC1; p=quarantine"]), { dkimVerified: false }).dmarc).toMatchObject({
      policy: "quarantine",
      alignment: "relaxed",
      aligned: false,
    });
    expect(evaluateDmarcRecord(answer(["V=dmarc1; P=None"]), { dkimVerified: true }).dmarc?.policy).toBe("none");
  });
  it("explains several records and a missing policy", () => {
    expect(
      evaluateDmarcRecord(answer(["v=DMARC1; p=none"], ["v=DMARC1; p=reject"]), { dkimVerified: true }).reason,
    ).toBe("dmarc_several");
    expect(evaluateDmarcRecord(answer(["v=DMARC1; rua=mailto:x@y.z"]), { dkimVerified: true }).reason).toBe(
      "dmarc_malformed",
    );
    expect(evaluateDmarcRecord({ kind: "error", code: "timeout" }, { dkimVerified: true }).status).toBe(
      "could_not_check",
    );
  });
});

describe("R35 zone file", () => {
  it("is BIND text with FQDNs, TTL 3600, quoted strings of at most 255 bytes and a comment per record", () => {
    const records = buildDomainRecords({
      domain: "mycompany.com",
      keys: [{ selector: "ino202612", publicKey: ours, state: "active" }],
      checks: [],
    });
    const { fileName, text } = domainZoneFile({ domain: "mycompany.com", records });
    expect(fileName).toBe("mycompany.com.zone");
    expect(text).toContain("$TTL 3600");
    const dkimLine = text.split("\n").find((l) => l.startsWith("ino202612._domainkey.mycompany.com. 3600 IN TXT "))!;
    const strings = [...dkimLine.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
    expect(strings.length).toBeGreaterThan(1);
    expect(strings.every((s) => Buffer.byteLength(s) <= 255)).toBe(true);
    expect(strings.join("")).toBe(`v=DKIM1; k=rsa; p=${ours}`);
    expect(text).toMatch(/^; DKIM: .*\nino202612/m);
    expect(text).toMatch(
      /^; DMARC: .*\n_dmarc\.mycompany\.com\. 3600 IN TXT "v=DMARC1; p=none; rua=mailto:postmaster@mycompany.com"/m,
    );
    expect(quoteTxt('a"b\\c')).toBe('"a\\"b\\\\c"');
  });
});

describe("R36 domain state machine", () => {
  const start = {
    state: "ready" as const,
    failuresInRow: 0,
    atRiskSince: null,
    brokenSince: null,
    lastSuccessAt: new Date(0),
  };
  const at = (h: number) => new Date(Date.UTC(2026, 11, 4) + h * 3_600_000);
  it("ready → at risk → broken after 3 checks in a row; a could-not-check changes nothing; → ready again", () => {
    let s = nextDomainState(start, "not_found", at(0));
    expect(s).toMatchObject({ state: "at_risk", event: null });
    s = nextDomainState(s, "could_not_check", at(1));
    expect(s).toMatchObject({ state: "at_risk", failuresInRow: 1 });
    s = nextDomainState(s, "wrong_value", at(2));
    expect(s.state).toBe("at_risk");
    s = nextDomainState(s, "not_found", at(3));
    expect(s).toMatchObject({ state: "broken", event: "broken" });
    s = nextDomainState(s, "not_found", at(9));
    expect(s).toMatchObject({ state: "broken", event: null });
    s = nextDomainState(s, "verified", at(10));
    expect(s).toMatchObject({ state: "ready", event: "recovered", failuresInRow: 0 });
  });
  it("at risk for 72 hours is broken even with fewer checks", () => {
    const s = nextDomainState(nextDomainState(start, "not_found", at(0)), "not_found", at(72));
    expect(s).toMatchObject({ state: "broken", event: "broken" });
  });
  it("a waiting domain stays waiting until verified, and an at-risk one recovers quietly", () => {
    const w = { ...start, state: "waiting" as const };
    expect(nextDomainState(w, "not_found", at(0)).state).toBe("waiting");
    expect(nextDomainState(w, "verified", at(0))).toMatchObject({ state: "ready", event: null });
    expect(nextDomainState(nextDomainState(start, "not_found", at(0)), "verified", at(1))).toMatchObject({
      state: "ready",
      event: null,
    });
  });
});

describe("IDN domains", () => {
  it("are shown in Unicode and looked up in punycode", () => {
    expect(unicodeDomain("xn--bcher-kva.example")).toBe("bücher.example");
    expect(unicodeDomain("mycompany.com")).toBe("mycompany.com");
    const [dkim] = buildDomainRecords({
      domain: "xn--bcher-kva.example",
      keys: [{ selector: "ino202612", publicKey: ours, state: "active" }],
      checks: [],
    });
    expect(dkim.fqdn).toBe("ino202612._domainkey.xn--bcher-kva.example");
  });
});
