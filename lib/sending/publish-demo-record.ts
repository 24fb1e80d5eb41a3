import "server-only";
import type { Db } from "@/db";
import { demoDnsRecord } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { checkDomainDns } from "./check-domain-dns";
import { ensureDomainKey } from "./ensure-domain-key";
import { loadDomainFacts } from "./load-domain-sending";
import { dkimValue } from "./domain-records";
import type { DomainSending } from "./types";

/** Writes the domain's DKIM record (every key not retired) into the demo's simulated DNS. Demo organisation only. */
export async function publishDemoDkim(db: Db, params: { orgId: string; domainId: string; now: Date }): Promise<void> {
  const [facts] = await loadDomainFacts(db, { orgId: params.orgId, domainIds: [params.domainId] });
  if (!facts || !facts.demo) throw notFound("That email domain");
  const rows = facts.keys
    .filter((k) => k.state !== "retired")
    .map((k) => ({
      orgId: params.orgId,
      name: `${k.selector}._domainkey.${facts.domain}`,
      type: "TXT" as const,
      value: dkimValue(k.publicKey),
      createdAt: params.now,
    }));
  if (rows.length) await db.insert(demoDnsRecord).values(rows).onConflictDoNothing();
}

/**
 * "Publish" on the demo provider page (issue 19 item 9): the demo organisation's missing DKIM record appears in its
 * simulated DNS, then DNS is checked, so the domain turns Ready. Any other organisation: NOT_FOUND (never touched).
 */
export async function publishDemoRecord(
  db: Db,
  params: { orgId: string; domainId: string; now: Date },
): Promise<DomainSending> {
  const [facts] = await loadDomainFacts(db, { orgId: params.orgId, domainIds: [params.domainId] });
  if (!facts || !facts.demo) throw notFound("That email domain");
  await ensureDomainKey(db, params);
  await publishDemoDkim(db, params);
  return checkDomainDns(db, { ...params, actorId: null });
}
