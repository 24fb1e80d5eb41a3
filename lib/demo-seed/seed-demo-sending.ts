import "server-only";
import { demoDnsRecord, domainDkimKey, domainSending } from "@/db/schema";
import type { DemoIds } from "@/db/seed";
import type { Tx } from "@/db";
import { sealPrivateKey } from "@/lib/sending/dkim-secret";
import { dkimValue } from "@/lib/sending/domain-records";
import { nextCheckAt, nextDomainState } from "@/lib/sending/domain-state";
import { generateDkimKeyPair, selectorFor } from "@/lib/sending/ensure-domain-key";
import { evaluateDkimRecord } from "@/lib/sending/evaluate-dkim-record";
import { evaluateDmarcRecord, recommendedDmarc } from "@/lib/sending/evaluate-dmarc-record";
import type { StoredRecordCheck } from "@/db/schema/sending";

const HOUR = 3_600_000;

/**
 * The demo's sending identity (issue 19 item 9), in the seed's transaction: a key per demo domain, and the simulated
 * DNS (demo_dns_record, demo organisation only) with mycompany.com fully published (DKIM and DMARC: Ready to send)
 * and example.org missing its DKIM record (Waiting for DNS), so that a newcomer sees both states on first run and
 * can "publish" the missing record from the demo provider page. Both were checked once, at the seed.
 */
export async function seedDemoSending(
  tx: Tx,
  ids: Pick<DemoIds, "orgId" | "domains">,
  now = new Date(),
): Promise<void> {
  const published: Record<string, boolean> = { "mycompany.com": true, "example.org": false };
  for (const [domain, domainId] of Object.entries(ids.domains)) {
    const pair = await generateDkimKeyPair();
    const selector = selectorFor(now);
    await tx.insert(domainDkimKey).values({
      orgId: ids.orgId,
      domainId,
      selector,
      publicKey: pair.publicKey,
      ...sealPrivateKey(pair.privateKeyPem),
      state: "active",
      createdAt: now,
      verifiedAt: published[domain] ? now : null,
    });
    const fqdn = `${selector}._domainkey.${domain}`;
    const dns: { name: string; value: string }[] = [{ name: `_dmarc.${domain}`, value: recommendedDmarc(domain) }];
    if (published[domain]) dns.push({ name: fqdn, value: dkimValue(pair.publicKey) });
    await tx
      .insert(demoDnsRecord)
      .values(
        dns.map((r) => ({ orgId: ids.orgId, name: r.name, type: "TXT" as const, value: r.value, createdAt: now })),
      );
    const dkim = evaluateDkimRecord(
      published[domain]
        ? { kind: "answer", records: [[dkimValue(pair.publicKey)]], cname: null }
        : { kind: "none", cname: null },
      pair.publicKey,
    );
    const dmarc = evaluateDmarcRecord(
      { kind: "answer", records: [[recommendedDmarc(domain)]], cname: null },
      { dkimVerified: dkim.status === "verified" },
    );
    const checkedAt = now.toISOString();
    const records: StoredRecordCheck[] = [
      { purpose: "dkim", selector, fqdn, status: dkim.status, reason: dkim.reason, found: dkim.found, checkedAt },
      {
        purpose: "dmarc",
        fqdn: `_dmarc.${domain}`,
        status: dmarc.status,
        reason: dmarc.reason,
        found: dmarc.found,
        ...(dmarc.dmarc ? { dmarc: dmarc.dmarc } : {}),
        checkedAt,
      },
    ];
    const t = nextDomainState(
      { state: "waiting", failuresInRow: 0, atRiskSince: null, brokenSince: null, lastSuccessAt: null },
      dkim.status,
      now,
    );
    await tx.insert(domainSending).values({
      domainId,
      orgId: ids.orgId,
      state: t.state,
      waitingSince: now,
      lastCheckedAt: now,
      lastSuccessAt: t.lastSuccessAt,
      failuresInRow: t.failuresInRow,
      records,
      nextCheckAt: nextCheckAt(t.state, { now, waitingSince: now, intervalMs: 6 * HOUR }),
      createdAt: now,
    });
  }
}
