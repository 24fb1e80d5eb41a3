import fc from "fast-check";
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { RECORD_STATUSES } from "@/db/schema/sending";
import { checkDomainDns } from "@/lib/sending/check-domain-dns";
import type { TxtLookup } from "@/lib/sending/dns-answer";
import { ensureDomainKey } from "@/lib/sending/ensure-domain-key";
import { evaluateDkimRecord } from "@/lib/sending/evaluate-dkim-record";
import { evaluateDmarcRecord } from "@/lib/sending/evaluate-dmarc-record";
import { createSendingResolver } from "@/lib/sending/sending-resolver";
import { startSendingTestDns } from "@/tests/sending-dns-server";
import { createTestOrg } from "@/tests/fixtures";
import { RUNS_PER_ACTION } from "./hostile-input";

// Hostile DNS answers (issue 19, R35): whatever a DNS server answers, "Check DNS" ends in a status, never a crash
// or a hang. Generated answers through the pure evaluators (RUNS_PER_ACTION), then through the real path
// (checkDomainDns against a DNS server on 127.0.0.1) for a smaller number.

const ours = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .publicKey.export({ type: "spki", format: "der" })
  .toString("base64");
const piece = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.constantFrom(
    `v=DKIM1; k=rsa; p=${ours}`,
    "v=DKIM1; p=",
    "v=DMARC1; p=reject",
    "v=DMARC1",
    ";;;===",
    "p=" + "A".repeat(5000),
    "\u0000\u202e",
  ),
  fc.constantFrom(70_000, 300_000).map((n) => "x".repeat(n)),
);
const record = fc.array(piece, { minLength: 0, maxLength: 6 });
const lookup: fc.Arbitrary<TxtLookup> = fc.oneof(
  fc.record({
    kind: fc.constant("answer" as const),
    records: fc.oneof(fc.array(record, { maxLength: 8 }), fc.array(record, { minLength: 60, maxLength: 400 })),
    cname: fc.option(fc.string({ maxLength: 300 }), { nil: null }),
  }),
  fc.record({ kind: fc.constant("none" as const), cname: fc.constant(null) }),
  fc.record({
    kind: fc.constant("error" as const),
    code: fc.constantFrom("timeout" as const, "servfail" as const, "refused" as const, "other" as const),
  }),
);

describe("hostile DNS answers (R35)", () => {
  it("every generated answer ends in a known status, fast, with a bounded 'found'", () => {
    fc.assert(
      fc.property(lookup, (l) => {
        const start = Date.now();
        const dkim = evaluateDkimRecord(l, ours);
        const dmarc = evaluateDmarcRecord(l, { dkimVerified: dkim.status === "verified" });
        expect(RECORD_STATUSES).toContain(dkim.status);
        expect(RECORD_STATUSES).toContain(dmarc.status);
        expect(dkim.found.length).toBeLessThanOrEqual(5);
        expect(dkim.found.every((f) => f.length <= 601)).toBe(true);
        expect(Date.now() - start).toBeLessThan(500);
      }),
      { numRuns: RUNS_PER_ACTION },
    );
  });

  describe("through checkDomainDns against a DNS server", () => {
    let dns: Awaited<ReturnType<typeof startSendingTestDns>>;
    beforeAll(async () => {
      dns = await startSendingTestDns();
    });
    afterAll(() => dns.close());
    it("stores a status for hostile TXT content, CNAME loops and non-ASCII names", async () => {
      const t = await createTestOrg();
      const d = t.domains[0];
      const now = new Date();
      const { selector } = await ensureDomainKey(getDb(), { orgId: t.org.id, domainId: d.id, now });
      const name = `${selector}._domainkey.${d.domain}`;
      const resolver = createSendingResolver({ servers: [dns.server], timeoutMs: 500 });
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.string({ unit: "grapheme", maxLength: 600 }), { minLength: 1, maxLength: 40 }),
          fc.boolean(),
          async (values, loop) => {
            dns.remove(name);
            if (loop) {
              dns.setCname(name, `a.${d.domain}`);
              dns.setCname(`a.${d.domain}`, name);
            } else {
              dns.setTxt(name, ...values);
            }
            const start = Date.now();
            const s = await checkDomainDns(getDb(), { orgId: t.org.id, domainId: d.id, now: new Date(), resolver });
            expect(RECORD_STATUSES).toContain(s.records[0].status);
            expect(s.records[0].status).not.toBe("verified");
            expect(Date.now() - start).toBeLessThan(5000);
          },
        ),
        { numRuns: Math.max(10, Math.round(RUNS_PER_ACTION / 20)) },
      );
    });
  });
});
