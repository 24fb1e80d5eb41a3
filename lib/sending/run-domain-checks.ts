import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { z } from "zod";
import { rows } from "@/db/rows";
import { config } from "@/lib/config";
import { applyDomainCheck, lookupDomainRecords, resolverFor } from "./check-domain-dns";
import {
  deliverDomainAlertEmail,
  DOMAIN_ALERT_LEASE_MS,
  DOMAIN_ALERT_MAX_ATTEMPTS,
} from "./deliver-domain-alert-email";
import { assertDkimKeysReadable } from "./dkim-secret";
import { loadDomainFacts } from "./load-domain-sending";
import type { SendingResolver } from "./sending-resolver";

/** A claimed check is another instance's for this long (then a crashed check is taken again). */
export const DOMAIN_CHECK_LEASE_MS = 5 * 60_000;
export const DOMAIN_CHECKS_PER_TICK = 200;
export const DOMAIN_CHECK_CONCURRENCY = 8;

/** Runs `work` over `items` with at most `limit` at once. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/**
 * The scheduled re-check (R37), run every minute by the job queue: claims the due domains (waiting, ready, at risk,
 * and broken ones for their recovery) with one atomic update — a domain claimed by one instance is skipped by the
 * others until its check is stored or its lease expires, so one check per domain at a time — checks them with
 * bounded concurrency, then sends the unsent domain alerts. Per domain: its lookups and one transaction; the reads
 * are batched per organisation (two queries), so the queries per domain stay constant.
 */
export async function runDomainChecks(
  db: Db,
  opts: {
    now: Date;
    intervalMs?: number;
    limit?: number;
    concurrency?: number;
    resolver?: SendingResolver;
    deliver?: typeof deliverDomainAlertEmail;
    /** One organisation's domains only (tests, whose simulated clocks must not check other organisations'). */
    orgId?: string;
  },
) {
  const { now } = opts;
  const at = now.toISOString();
  await assertDkimKeysReadable(db); // a changed DKIM_ENCRYPTION_KEY: the job fails each minute, naming the variable
  const intervalMs = opts.intervalMs ?? config().DOMAIN_CHECK_INTERVAL;
  const claimed = await rows(
    db,
    sql`
      update domain_sending s set claimed_at = ${at}::timestamptz
      where s.domain_id in (
        select domain_id from domain_sending
        where state in ('waiting', 'ready', 'at_risk', 'broken') and next_check_at <= ${at}::timestamptz
          ${opts.orgId ? sql`and org_id = ${opts.orgId}::uuid` : sql``}
          and (claimed_at is null or claimed_at < ${at}::timestamptz - make_interval(secs => ${DOMAIN_CHECK_LEASE_MS / 1000}))
        order by next_check_at
        limit ${opts.limit ?? DOMAIN_CHECKS_PER_TICK}
        for update skip locked)
      returning s.domain_id::text as "domainId", s.org_id::text as "orgId"`,
    z.object({ domainId: z.string(), orgId: z.string() }),
  );
  const byOrg = new Map<string, string[]>();
  for (const c of claimed) byOrg.set(c.orgId, [...(byOrg.get(c.orgId) ?? []), c.domainId]);
  const facts = (
    await Promise.all([...byOrg].map(([orgId, domainIds]) => loadDomainFacts(db, { orgId, domainIds })))
  ).flat();
  let checked = 0;
  let failed = 0;
  await eachLimited(facts, opts.concurrency ?? DOMAIN_CHECK_CONCURRENCY, async (f) => {
    try {
      const checks = await lookupDomainRecords(resolverFor(db, f, opts.resolver), f, now);
      if (await applyDomainCheck(db, f, checks, { now, intervalMs })) checked++;
    } catch (e) {
      failed++;
      console.error(`[sending] check of ${f.domain} failed: ${(e as Error).message}`);
    }
  });
  const alerts = await rows(
    db,
    sql`
      select id::text as id from domain_alert_email
      where sent_at is null and attempts < ${DOMAIN_ALERT_MAX_ATTEMPTS} and created_at > ${at}::timestamptz - interval '1 day'
        and (claimed_at is null or claimed_at < ${at}::timestamptz - make_interval(secs => ${DOMAIN_ALERT_LEASE_MS / 1000}))
      order by created_at limit 50`,
    z.object({ id: z.string() }),
  );
  let sent = 0;
  for (const a of alerts) if ((await (opts.deliver ?? deliverDomainAlertEmail)(db, a.id, { now })) === "sent") sent++;
  return { claimed: claimed.length, checked, failed, alertsSent: sent };
}
