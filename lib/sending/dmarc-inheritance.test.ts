import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { lookupDomainRecords } from "./check-domain-dns";
import { buildDomainRecords, dkimValue } from "./domain-records";
import { organisationalDomain } from "./evaluate-dmarc-record";
import type { DomainFacts } from "./load-domain-sending";
import type { SendingResolver } from "./sending-resolver";
import { domainZoneFile } from "./zone-file";

const publicKey = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .publicKey.export({ type: "spki", format: "der" })
  .toString("base64");
const now = new Date("2026-12-04T12:00:00Z");

function facts(domain: string): DomainFacts {
  return {
    domainId: "00000000-0000-4000-8000-0000000000d1",
    orgId: "00000000-0000-4000-8000-000000000001",
    domain,
    demo: false,
    state: "waiting",
    waitingSince: now,
    lastCheckedAt: null,
    lastSuccessAt: null,
    failuresInRow: 0,
    atRiskSince: null,
    brokenSince: null,
    records: [],
    nextCheckAt: null,
    version: 1,
    keys: [{ id: "k1", selector: "ino202612", publicKey, state: "active", retiredAt: null }],
  } as DomainFacts;
}

/** A zone as a map of TXT names to records; every other name answers "no record". */
function resolver(zone: Record<string, string>): SendingResolver & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async lookupTxt(name) {
      asked.push(name);
      return name in zone ? { kind: "answer", records: [[zone[name]]], cname: null } : { kind: "none", cname: null };
    },
  };
}

describe("R35 DMARC of a subdomain: the organisational domain's record applies (RFC 7489 §6.6.3)", () => {
  it("finds the organisational domain with the Public Suffix List", () => {
    expect(organisationalDomain("mail.mycompany.com")).toBe("mycompany.com");
    expect(organisationalDomain("a.b.example.co.uk")).toBe("example.co.uk");
    expect(organisationalDomain("mycompany.com")).toBeNull();
    expect(organisationalDomain("example.co.uk")).toBeNull();
  });

  it("reads the parent's sp= (else p=) when the subdomain has none, and keeps it out of the zone file", async () => {
    const dns = resolver({
      "ino202612._domainkey.support.mycompany.com": dkimValue(publicKey),
      "_dmarc.mycompany.com": "v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@mycompany.com",
    });
    const checks = await lookupDomainRecords(dns, facts("support.mycompany.com"), now);
    const dmarc = checks.find((c) => c.purpose === "dmarc")!;
    expect(dns.asked).toContain("_dmarc.mycompany.com");
    expect(dmarc).toMatchObject({
      fqdn: "_dmarc.support.mycompany.com",
      status: "verified",
      reason: "dmarc_inherited",
      dmarc: { policy: "quarantine", aligned: true },
    });

    const records = buildDomainRecords({
      domain: "support.mycompany.com",
      keys: [{ selector: "ino202612", publicKey, state: "active" }],
      checks,
    });
    const row = records.find((r) => r.purpose === "dmarc")!;
    expect(row.explanation).toContain("organisational domain");
    expect(row.explanation).toContain("v=DMARC1; p=reject; sp=quarantine");
    // Publishing our recommended p=none at the subdomain would replace the parent's quarantine: not in the zone file.
    expect(domainZoneFile({ domain: "support.mycompany.com", records }).text).not.toContain("_dmarc");
  });

  it("uses the parent's p= without sp=, and still recommends one when neither publishes a record", async () => {
    const withParent = await lookupDomainRecords(
      resolver({ "_dmarc.mycompany.com": "v=DMARC1; p=reject" }),
      facts("eu.mycompany.com"),
      now,
    );
    expect(withParent.find((c) => c.purpose === "dmarc")).toMatchObject({
      reason: "dmarc_inherited",
      dmarc: { policy: "reject" },
    });
    const none = await lookupDomainRecords(resolver({}), facts("eu.mycompany.com"), now);
    expect(none.find((c) => c.purpose === "dmarc")).toMatchObject({ status: "not_found", reason: "dmarc_recommended" });
  });

  it("never looks above an organisational domain, and prefers the subdomain's own record", async () => {
    const top = resolver({});
    await lookupDomainRecords(top, facts("mycompany.com"), now);
    expect(top.asked.filter((n) => n.startsWith("_dmarc."))).toEqual(["_dmarc.mycompany.com"]);
    const own = resolver({
      "_dmarc.eu.mycompany.com": "v=DMARC1; p=none",
      "_dmarc.mycompany.com": "v=DMARC1; p=reject",
    });
    const checks = await lookupDomainRecords(own, facts("eu.mycompany.com"), now);
    expect(checks.find((c) => c.purpose === "dmarc")).toMatchObject({
      reason: "dmarc_found",
      dmarc: { policy: "none" },
    });
    expect(own.asked).not.toContain("_dmarc.mycompany.com");
  });
});
