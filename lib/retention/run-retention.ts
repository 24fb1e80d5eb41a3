import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { z } from "zod";
import { rows } from "@/db/rows";
import { IDEMPOTENCY_WINDOW_MS } from "@/lib/api/idempotency";
import { config, type Config } from "@/lib/config";

/**
 * R33 retention. What is kept, and for how long (all configurable, see retentionOptionsFromEnv):
 * - inbound messages: INBOUND_RETENTION_DAYS (default 90), and at most INBOUND_MAX_PER_MAILBOX per mailbox
 *   (default 5,000; the newest are kept);
 * - forwarding verifications: finished ones (verified, failed, or expired) older than VERIFICATION_RETENTION_DAYS
 *   (default 30) are pruned, but never a mailbox's latest one, from which its status is derived;
 * - audit history: AUDIT_RETENTION_DAYS (default 730, two years);
 * - sign-in limiter rows whose window and lock are over (older than a day);
 * - the API's stored answers for Idempotency-Key once their 24 hours are over (R42).
 * Deletes run in batches of `batchSize` rows, each its own short statement, yielding between batches, so
 * that pruning never holds locks that requests would wait for. Meant to be run by the job queue (no timer
 * here, so that no instance is missed or doubled); safe to run on several instances at once.
 */
export type RetentionOptions = {
  now: Date;
  inboundRetentionDays?: number;
  maxInboundPerMailbox?: number;
  verificationRetentionDays?: number;
  auditRetentionDays?: number;
  batchSize?: number;
  /** Only this organisation's rows (tests; a per-organisation run). Default: every organisation. */
  orgId?: string;
};
export type RetentionResult = {
  inboundExpired: number;
  inboundOverCap: number;
  verificationsPruned: number;
  auditPruned: number;
  signInLimitsPruned: number;
  idempotencyPruned: number;
};

export const RETENTION_DEFAULTS = {
  inboundRetentionDays: 90,
  maxInboundPerMailbox: 5_000,
  verificationRetentionDays: 30,
  auditRetentionDays: 730,
  batchSize: 500,
} as const;

/** The retention variables of lib/config.ts (a value that is not a positive whole number is a start-up error). */
export function retentionOptionsFromEnv(c: Config = config()): Omit<RetentionOptions, "now"> {
  return {
    inboundRetentionDays: c.INBOUND_RETENTION_DAYS,
    maxInboundPerMailbox: c.INBOUND_MAX_PER_MAILBOX,
    verificationRetentionDays: c.VERIFICATION_RETENTION_DAYS,
    auditRetentionDays: c.AUDIT_RETENTION_DAYS,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs one batched statement until it deletes fewer rows than a batch; returns how many it deleted. */
async function inBatches(
  db: Db,
  batchSize: number,
  statement: (limit: number) => ReturnType<typeof sql>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = (await rows(db, statement(batchSize), z.object({ id: z.unknown() }))).length;
    total += deleted;
    if (deleted < batchSize) return total;
    await yieldToRequests();
  }
}

export async function runRetention(db: Db, options: RetentionOptions): Promise<RetentionResult> {
  const o = { ...RETENTION_DEFAULTS, ...options };
  const at = (days: number) => new Date(o.now.getTime() - days * DAY_MS).toISOString();
  const org = (alias?: string) => (o.orgId ? sql`and ${sql.raw(alias ? `${alias}.` : "")}org_id = ${o.orgId}` : sql``);

  const inboundCutoff = at(o.inboundRetentionDays);
  const inboundExpired = await inBatches(
    db,
    o.batchSize,
    (limit) => sql`delete from inbound_message where id in (
      select id from inbound_message where received_at < ${inboundCutoff}::timestamptz ${org()} limit ${limit}) returning id`,
  );

  // The per-mailbox cap: only mailboxes over it are visited, each pruned from its oldest messages.
  const over = await rows(
    db,
    sql`select mailbox_id from inbound_message where true ${org()} group by mailbox_id having count(*) > ${o.maxInboundPerMailbox}`,
    z.object({ mailbox_id: z.string() }),
  );
  let inboundOverCap = 0;
  for (const { mailbox_id } of over) {
    inboundOverCap += await inBatches(
      db,
      o.batchSize,
      (limit) => sql`delete from inbound_message where id in (
        select id from inbound_message where mailbox_id = ${mailbox_id}
        order by received_at desc, id desc offset ${o.maxInboundPerMailbox} limit ${limit}) returning id`,
    );
  }

  const verificationCutoff = at(o.verificationRetentionDays);
  const verificationsPruned = await inBatches(
    db,
    o.batchSize,
    (limit) => sql`delete from forwarding_verification where id in (
      select v.id from forwarding_verification v
      where v.requested_at < ${verificationCutoff}::timestamptz
        and (v.verified_at is not null or v.failed_at is not null or v.expires_at < ${o.now.toISOString()}::timestamptz) ${org("v")}
        and exists (select 1 from forwarding_verification newer
                    where newer.mailbox_id = v.mailbox_id and (newer.requested_at, newer.id) > (v.requested_at, v.id))
      limit ${limit}) returning id`,
  );

  const auditCutoff = at(o.auditRetentionDays);
  const auditPruned = await inBatches(
    db,
    o.batchSize,
    (limit) => sql`delete from audit_event where id in (
      select id from audit_event where created_at < ${auditCutoff}::timestamptz ${org()} limit ${limit}) returning id`,
  );

  const limiterCutoff = at(1);
  const signInLimitsPruned = o.orgId
    ? 0
    : await inBatches(
        db,
        o.batchSize,
        (limit) => sql`delete from sign_in_limit where key in (
      select key from sign_in_limit where window_started_at < ${limiterCutoff}::timestamptz
        and (locked_until is null or locked_until < ${o.now.toISOString()}::timestamptz) limit ${limit}) returning key as id`,
      );

  // Replays are promised for 24 hours only (lib/api/idempotency.ts): older stored answers serve nothing.
  const idempotencyCutoff = new Date(o.now.getTime() - IDEMPOTENCY_WINDOW_MS).toISOString();
  const keysOfOrg = o.orgId ? sql`and key_id in (select id from api_key where org_id = ${o.orgId}::uuid)` : sql``;
  const idempotencyPruned = await inBatches(
    db,
    o.batchSize,
    (limit) => sql`delete from api_idempotency where (key_id, idempotency_key) in (
      select key_id, idempotency_key from api_idempotency where created_at < ${idempotencyCutoff}::timestamptz ${keysOfOrg}
      limit ${limit}) returning key_id as id`,
  );

  return { inboundExpired, inboundOverCap, verificationsPruned, auditPruned, signInLimitsPruned, idempotencyPruned };
}
