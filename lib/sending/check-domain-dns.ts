import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { domainAlertEmail, domainDkimKey, domainSending, membership } from "@/db/schema";
import type { StoredRecordCheck } from "@/db/schema/sending";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { config } from "@/lib/config";
import { notFound } from "@/lib/errors";
import { createDemoResolver } from "./demo-dns";
import { nextCheckAt, nextDomainState } from "./domain-state";
import { ensureDomainKey } from "./ensure-domain-key";
import { evaluateDkimRecord } from "./evaluate-dkim-record";
import { evaluateDmarcRecord, organisationalDomain } from "./evaluate-dmarc-record";
import { loadDomainFacts, RETIRED_KEY_VISIBLE_MS, toDomainSending, type DomainFacts } from "./load-domain-sending";
import { createSendingResolver, type SendingResolver } from "./sending-resolver";
import type { DomainSending } from "./types";
import { recordWebhookEvent } from "@/lib/webhook-events/record-webhook-event";

/**
 * The resolver for an organisation's checks: the simulated DNS for the demo's seeded domains, ALWAYS (a resolver
 * passed by a caller, e.g. a scheduled run over every due domain, never checks them against real DNS); otherwise
 * the caller's, or DNS_SERVERS.
 */
export function resolverFor(
  db: Db,
  facts: Pick<DomainFacts, "demo" | "orgId">,
  given?: SendingResolver,
): SendingResolver {
  if (facts.demo) return createDemoResolver(db, facts.orgId);
  return given ?? createSendingResolver();
}

/**
 * Looks up every record of a domain at once (R35): the signing key's DKIM record, a rotation's new key, the previous
 * key (to say "can be removed"), and DMARC. A few lookups in parallel, each bounded by the resolver's timeout.
 */
export async function lookupDomainRecords(
  resolver: SendingResolver,
  f: DomainFacts,
  now: Date,
): Promise<StoredRecordCheck[]> {
  const checkedAt = now.toISOString();
  const keys = f.keys.filter(
    (k) => k.state !== "retired" || (k.retiredAt && now.getTime() - k.retiredAt.getTime() < RETIRED_KEY_VISIBLE_MS),
  );
  const dkimChecks = keys.map(async (k): Promise<StoredRecordCheck> => {
    const fqdn = `${k.selector}._domainkey.${f.domain}`;
    const e = evaluateDkimRecord(await resolver.lookupTxt(fqdn), k.publicKey);
    const purpose = k.state === "active" ? "dkim" : k.state === "pending" ? "dkim_next" : "dkim_previous";
    return { purpose, selector: k.selector, fqdn, status: e.status, reason: e.reason, found: e.found, checkedAt };
  });
  const dmarcFqdn = `_dmarc.${f.domain}`;
  const [dmarcLookup, ...dkim] = await Promise.all([resolver.lookupTxt(dmarcFqdn), ...dkimChecks]);
  const signing = dkim.find((c) => c.purpose === "dkim");
  const pending = dkim.find((c) => c.purpose === "dkim_next");
  const dkimVerified = signing?.status === "verified" || pending?.status === "verified";
  let d = evaluateDmarcRecord(dmarcLookup, { dkimVerified });
  // A subdomain without a DMARC record of its own is covered by its organisational domain's (RFC 7489 §6.6.3).
  const org = d.reason === "dmarc_recommended" ? organisationalDomain(f.domain) : null;
  if (org) {
    const inherited = evaluateDmarcRecord(await resolver.lookupTxt(`_dmarc.${org}`), { dkimVerified, inherited: true });
    if (inherited.status === "verified") d = inherited;
  }
  return [
    ...dkim,
    {
      purpose: "dmarc",
      fqdn: dmarcFqdn,
      status: d.status,
      reason: d.reason,
      found: d.found,
      ...(d.dmarc ? { dmarc: d.dmarc } : {}),
      checkedAt,
    },
  ];
}

/**
 * Stores a check's results and the state change (R36) in one transaction, on the LOCKED row (a concurrent check
 * waits and then applies its own results to the new state). A rotation's new key that verified becomes the
 * signing key (the old one retires, "can be removed"). Ready → Broken and Broken → Ready create one alert email per
 * admin and a history event in the same transaction. Returns false, writing nothing, when the domain is gone.
 */
export async function applyDomainCheck(
  db: Db,
  f: DomainFacts,
  checks: StoredRecordCheck[],
  opts: { now: Date; actorId?: string | null; intervalMs?: number },
): Promise<boolean> {
  const { now } = opts;
  const intervalMs = opts.intervalMs ?? config().DOMAIN_CHECK_INTERVAL;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(domainSending)
      .where(and(eq(domainSending.domainId, f.domainId), eq(domainSending.orgId, f.orgId)))
      .for("update");
    if (!row) return false; // removed while the lookups ran (its sending row went with it)
    const signing = checks.find((c) => c.purpose === "dkim");
    const pending = checks.find((c) => c.purpose === "dkim_next");
    let records = checks;
    let newKeyPending = Boolean(pending);
    if (pending?.status === "verified") {
      const promoted = await promotePendingKey(tx, f, pending.selector!, now);
      if (promoted) {
        newKeyPending = false;
        records = checks.map((c) =>
          c.purpose === "dkim_next"
            ? { ...c, purpose: "dkim" }
            : c.purpose === "dkim"
              ? { ...c, purpose: "dkim_previous" }
              : c,
        );
      }
    }
    const judged = records.find((c) => c.purpose === "dkim") ?? signing;
    const t = nextDomainState(row, judged?.status ?? "not_checked", now);
    const waitingSince = row.waitingSince ?? now;
    await tx
      .update(domainSending)
      .set({
        state: t.state,
        failuresInRow: t.failuresInRow,
        atRiskSince: t.atRiskSince,
        brokenSince: t.brokenSince,
        lastSuccessAt: t.lastSuccessAt,
        lastCheckedAt: now,
        records,
        nextCheckAt: nextCheckAt(t.state, { now, waitingSince, intervalMs, newKeyPending }),
        claimedAt: null,
        version: sql`${domainSending.version} + 1`,
      })
      .where(and(eq(domainSending.domainId, f.domainId), eq(domainSending.orgId, f.orgId)));
    if (t.event) await recordDomainEvent(tx, f, t.event, { now, actorId: opts.actorId ?? null, record: judged });
    if (t.state !== row.state)
      await recordWebhookEvent(tx, { orgId: f.orgId, type: "domain.sending.changed", subjectId: f.domainId });
    return true;
  });
}

async function promotePendingKey(tx: Tx, f: DomainFacts, selector: string, now: Date): Promise<boolean> {
  const scope = and(eq(domainDkimKey.orgId, f.orgId), eq(domainDkimKey.domainId, f.domainId));
  const [still] = await tx
    .select({ id: domainDkimKey.id })
    .from(domainDkimKey)
    .where(and(scope, eq(domainDkimKey.selector, selector), eq(domainDkimKey.state, "pending")))
    .for("update");
  if (!still) return false;
  await tx
    .update(domainDkimKey)
    .set({ state: "retired", retiredAt: now })
    .where(and(scope, eq(domainDkimKey.state, "active")));
  await tx.update(domainDkimKey).set({ state: "active", verifiedAt: now }).where(eq(domainDkimKey.id, still.id));
  await recordAuditEvent(tx, {
    orgId: f.orgId,
    actorId: null,
    action: "email_domain.dkim_key_activated",
    entityType: "email_domain",
    entityId: f.domainId,
    entityLabel: f.domain,
    changes: { dkimSelector: { from: f.keys.find((k) => k.state === "active")?.selector ?? null, to: selector } },
  });
  return true;
}

async function recordDomainEvent(
  tx: Tx,
  f: DomainFacts,
  event: "broken" | "recovered",
  opts: { now: Date; actorId: string | null; record?: StoredRecordCheck },
) {
  await recordAuditEvent(tx, {
    orgId: f.orgId,
    actorId: opts.actorId,
    action: event === "broken" ? "email_domain.sending_broken" : "email_domain.sending_recovered",
    entityType: "email_domain",
    entityId: f.domainId,
    entityLabel: f.domain,
    changes: {
      sending: { from: event === "broken" ? "at_risk" : "broken", to: event === "broken" ? "broken" : "ready" },
    },
  });
  const admins = await tx
    .select({ userId: membership.userId })
    .from(membership)
    .where(and(eq(membership.orgId, f.orgId), eq(membership.role, "admin")));
  if (admins.length === 0) return;
  const stamp = opts.now.toISOString();
  await tx
    .insert(domainAlertEmail)
    .values(
      admins.map((a) => ({
        orgId: f.orgId,
        domainId: f.domainId,
        userId: a.userId,
        kind: event,
        dedupeKey: `${event}:${f.domainId}:${a.userId}:${stamp}`,
        createdAt: opts.now,
      })),
    )
    .onConflictDoNothing({ target: domainAlertEmail.dedupeKey });
}

/**
 * "Check DNS" (R35): looks the domain's records up now and stores the results and the state (R36). Makes the key
 * first if the domain has none. Another organisation's domain is NOT_FOUND; a domain removed meanwhile too.
 */
export async function checkDomainDns(
  db: Db,
  params: {
    orgId: string;
    domainId: string;
    now: Date;
    actorId?: string | null;
    resolver?: SendingResolver;
    intervalMs?: number;
  },
): Promise<DomainSending> {
  const { orgId, domainId, now } = params;
  await ensureDomainKey(db, { orgId, domainId, now });
  const [facts] = await loadDomainFacts(db, { orgId, domainIds: [domainId] });
  if (!facts) throw notFound("That email domain");
  const checks = await lookupDomainRecords(resolverFor(db, facts, params.resolver), facts, now);
  const stored = await applyDomainCheck(db, facts, checks, {
    now,
    actorId: params.actorId,
    intervalMs: params.intervalMs,
  });
  if (!stored) throw notFound("That email domain");
  const [after] = await loadDomainFacts(db, { orgId, domainIds: [domainId] });
  if (!after) throw notFound("That email domain");
  return toDomainSending(after);
}
