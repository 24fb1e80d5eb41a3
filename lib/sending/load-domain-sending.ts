import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { domainDkimKey, domainSending, emailDomain, organization } from "@/db/schema";
import type { DomainSendingState, StoredRecordCheck } from "@/db/schema/sending";
import { DEMO_ORG_SLUG, isDemoMailDomain } from "@/lib/demo/demo-domains";
import {
  buildDomainRecords,
  cannotSendReason,
  domainStateSentence,
  SPF_SENTENCE,
  unicodeDomain,
  type KeyFacts,
} from "./domain-records";
import type { DomainSending } from "./types";
import { mailboxAddress } from "@/lib/address";

/** Keys kept in view after a rotation: the previous key is looked up for 30 days ("can be removed"). */
export const RETIRED_KEY_VISIBLE_MS = 30 * 86_400_000;

export type DomainFacts = {
  domainId: string;
  orgId: string;
  domain: string;
  demo: boolean;
  state: DomainSendingState;
  waitingSince: Date | null;
  lastCheckedAt: Date | null;
  lastSuccessAt: Date | null;
  failuresInRow: number;
  atRiskSince: Date | null;
  brokenSince: Date | null;
  records: StoredRecordCheck[];
  nextCheckAt: Date | null;
  version: number;
  keys: (KeyFacts & { id: string; retiredAt: Date | null })[];
};

/**
 * The facts of some domains of ONE organisation, in two queries whatever their number (the domains with their
 * sending rows; their keys). A domain without a sending row is "not set up". Missing ids are simply absent.
 */
export async function loadDomainFacts(
  db: DbOrTx,
  params: { orgId: string; domainIds?: string[] },
): Promise<DomainFacts[]> {
  const { orgId, domainIds } = params;
  if (domainIds && domainIds.length === 0) return [];
  const rows = await db
    .select({
      domainId: emailDomain.id,
      orgId: emailDomain.orgId,
      domain: emailDomain.domain,
      slug: organization.slug,
      state: domainSending.state,
      waitingSince: domainSending.waitingSince,
      lastCheckedAt: domainSending.lastCheckedAt,
      lastSuccessAt: domainSending.lastSuccessAt,
      failuresInRow: domainSending.failuresInRow,
      atRiskSince: domainSending.atRiskSince,
      brokenSince: domainSending.brokenSince,
      records: domainSending.records,
      nextCheckAt: domainSending.nextCheckAt,
      version: domainSending.version,
    })
    .from(emailDomain)
    .innerJoin(organization, eq(organization.id, emailDomain.orgId))
    .leftJoin(
      domainSending,
      and(eq(domainSending.domainId, emailDomain.id), eq(domainSending.orgId, emailDomain.orgId)),
    )
    .where(and(eq(emailDomain.orgId, orgId), domainIds ? inArray(emailDomain.id, domainIds) : sql`true`))
    .orderBy(emailDomain.domain);
  if (rows.length === 0) return [];
  const keys = await db
    .select({
      id: domainDkimKey.id,
      domainId: domainDkimKey.domainId,
      selector: domainDkimKey.selector,
      publicKey: domainDkimKey.publicKey,
      state: domainDkimKey.state,
      retiredAt: domainDkimKey.retiredAt,
    })
    .from(domainDkimKey)
    .where(
      and(
        eq(domainDkimKey.orgId, orgId),
        inArray(
          domainDkimKey.domainId,
          rows.map((r) => r.domainId),
        ),
      ),
    )
    .orderBy(domainDkimKey.createdAt);
  return rows.map((r) => ({
    domainId: r.domainId,
    orgId: r.orgId,
    domain: r.domain,
    // The simulated DNS serves only the demo organisation's seeded domains; a domain it adds is looked up for real.
    demo: r.slug === DEMO_ORG_SLUG && isDemoMailDomain(mailboxAddress("x", r.domain)),
    state: r.state ?? "not_set_up",
    waitingSince: r.waitingSince,
    lastCheckedAt: r.lastCheckedAt,
    lastSuccessAt: r.lastSuccessAt,
    failuresInRow: r.failuresInRow ?? 0,
    atRiskSince: r.atRiskSince,
    brokenSince: r.brokenSince,
    records: r.records ?? [],
    nextCheckAt: r.nextCheckAt,
    version: r.version ?? 0,
    keys: keys.filter((k) => k.domainId === r.domainId),
  }));
}

/** The signing key's DKIM result at the last check (its reason code), if any. */
export function lastDkimReason(f: Pick<DomainFacts, "records" | "keys">): string | undefined {
  const active = f.keys.find((k) => k.state === "active");
  return active ? f.records.find((c) => c.purpose === "dkim" && c.selector === active.selector)?.reason : undefined;
}

export function toDomainSending(f: DomainFacts): DomainSending {
  const unicode = unicodeDomain(f.domain);
  const reason = cannotSendReason(f.state, unicode, lastDkimReason(f));
  return {
    domainId: f.domainId,
    domain: f.domain,
    domainUnicode: unicode,
    state: f.state,
    stateSentence: domainStateSentence(f.state, unicode),
    canSend: reason === null,
    cannotSendReason: reason,
    activeSelector: f.keys.find((k) => k.state === "active")?.selector ?? null,
    pendingSelector: f.keys.find((k) => k.state === "pending")?.selector ?? null,
    records: buildDomainRecords({ domain: f.domain, keys: f.keys, checks: f.records }),
    lastCheckedAt: f.lastCheckedAt,
    lastSuccessAt: f.lastSuccessAt,
    atRiskSince: f.atRiskSince,
    brokenSince: f.brokenSince,
    nextCheckAt: f.nextCheckAt,
    spfSentence: SPF_SENTENCE,
    zoneFileName: `${f.domain}.zone`,
    simulatedDns: f.demo,
    version: f.version,
  };
}
