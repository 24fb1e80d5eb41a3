import "server-only";
import type { Db } from "@/db";
import { notFound } from "@/lib/errors";
import { ensureDomainKey } from "./ensure-domain-key";
import { loadDomainFacts, toDomainSending } from "./load-domain-sending";
import type { DomainSending } from "./types";

/**
 * Everything a domain's set-up page shows (R35), scoped to the organisation: another organisation's domain is
 * NOT_FOUND, whether or not it exists. The first visit of an older domain makes its key (R34), so this is a write.
 */
export async function getDomainSendingOrThrow(db: Db, params: { orgId: string; domainId: string; now: Date }): Promise<DomainSending> {
  await ensureDomainKey(db, params);
  const [facts] = await loadDomainFacts(db, { orgId: params.orgId, domainIds: [params.domainId] });
  if (!facts) throw notFound("That email domain");
  return toDomainSending(facts);
}
