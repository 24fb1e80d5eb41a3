import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { date, dateOrNull, rows } from "@/db/rows";
import { config } from "@/lib/config";
import { openWebhookSecret } from "@/lib/webhooks/webhook-secret";
import { eventPayload } from "./event-payload";
import { postWebhook, type PostOutcome } from "./post-webhook";
import { createWebhookHostResolver } from "./resolve-webhook-host";
import { webhookMessageId } from "@/lib/webhook-events/webhook-message-id";
import { signWebhook } from "./sign-webhook";
import type { HostResolver } from "./ssrf-guard";

// R50: one endpoint's due deliveries, at most PER_ENDPOINT_CONCURRENCY at a time across every instance (each claim
// leases its rows; the count of live leases bounds the next claim). Run by the `webhook-delivery` job, keyed by the
// endpoint; it enqueues itself again while deliveries are due, so a long backlog drains without a timer.

/** Delays after the 1st, 2nd, … failed attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h (about 18 hours in all). */
export const RETRY_DELAYS_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
export const PER_ENDPOINT_CONCURRENCY = 4;
const LEASE_MS = 60_000;

export type DeliveryOptions = {
  now: Date;
  enqueue?: (jobs: { name: string; id: string; startAfter?: Date }[]) => Promise<void>;
  resolve?: HostResolver;
  allowPrivate?: boolean;
  timeoutMs?: number;
  /** The time written into webhook-timestamp (default: the wall clock at sending). */
  signedAt?: () => Date;
  concurrency?: number;
};

const claimed = z.object({
  id: z.string(),
  attempts: z.coerce.number(),
  url: z.string(),
  secretEnc: z.string(),
  secretKeyCheck: z.string(),
  previousSecretEnc: z.string().nullable(),
  previousSecretKeyCheck: z.string().nullable(),
  previousSecretExpiresAt: dateOrNull(),
  eventId: z.string(),
  orgId: z.string(),
  type: z.string(),
  subjectId: z.string().nullable(),
  snapshot: z.unknown(),
  payload: z.string().nullable(),
  createdAt: date(),
});

export async function deliverEndpointWebhooks(
  db: Db,
  endpointId: string,
  o: DeliveryOptions,
): Promise<{ attempted: number; delivered: number }> {
  const now = o.now;
  const at = sql`${now.toISOString()}::timestamptz`;
  const limit = o.concurrency ?? PER_ENDPOINT_CONCURRENCY;
  // Two statements in one transaction: the endpoint's row lock first, so that a second instance claiming for the
  // same endpoint waits here, then the claim, whose fresh snapshot (READ COMMITTED, per statement) sees the leases
  // the first one committed. In one statement the count of live leases would be read from the snapshot taken
  // before the wait, and two instances would each claim the whole bound.
  const batch = await db.transaction(async (tx) => {
    const [endpoint] = await rows(
      tx,
      sql`select id::text as id from webhook_endpoint where id = ${endpointId}::uuid and active for update`,
      z.object({ id: z.string() }),
    );
    if (!endpoint) return [];
    return rows(
      tx,
      sql`
        with ep as (select * from webhook_endpoint where id = ${endpointId}::uuid),
        live as (select count(*)::int as n from webhook_delivery where endpoint_id = ${endpointId}::uuid and status = 'pending' and leased_until >= ${at}),
        pick as (
          select d.id from webhook_delivery d
          where d.endpoint_id = ${endpointId}::uuid and d.status = 'pending' and d.next_attempt_at <= ${at}
            and (d.leased_until is null or d.leased_until < ${at})
          order by d.next_attempt_at, d.created_at, d.id
          limit greatest(0, ${limit} - (select n from live))
          for update of d skip locked
        ),
        leased as (
          update webhook_delivery d set leased_until = ${at} + ${`${LEASE_MS} milliseconds`}::interval
          from pick where d.id = pick.id
          returning d.id, d.attempts, d.event_id
        )
        select l.id::text as id, l.attempts, ep.url, ep.secret_enc as "secretEnc", ep.secret_key_check as "secretKeyCheck",
               ep.previous_secret_enc as "previousSecretEnc", ep.previous_secret_key_check as "previousSecretKeyCheck",
               ep.previous_secret_expires_at as "previousSecretExpiresAt",
               e.id::text as "eventId", e.org_id::text as "orgId", e.type, e.subject_id::text as "subjectId", e.snapshot, e.payload, e.created_at as "createdAt"
        from leased l join webhook_event e on e.id = l.event_id cross join ep`,
      claimed,
    );
  });
  if (batch.length === 0) return { attempted: 0, delivered: 0 };

  const resolve = o.resolve ?? createWebhookHostResolver();
  const allowPrivate = o.allowPrivate ?? config().WEBHOOK_ALLOW_PRIVATE;
  const outcomes = await Promise.all(
    batch.map(async (d) => {
      let outcome: PostOutcome;
      try {
        const body = await eventPayload(db, {
          id: d.eventId,
          orgId: d.orgId,
          type: d.type,
          subjectId: d.subjectId,
          snapshot: d.snapshot ?? null,
          payload: d.payload,
          createdAt: d.createdAt,
        });
        const secrets = [openWebhookSecret(d.secretEnc, d.secretKeyCheck)];
        if (
          d.previousSecretEnc &&
          d.previousSecretKeyCheck &&
          d.previousSecretExpiresAt &&
          d.previousSecretExpiresAt > now
        ) {
          secrets.push(openWebhookSecret(d.previousSecretEnc, d.previousSecretKeyCheck));
        }
        const headers = signWebhook(secrets, webhookMessageId(d.eventId), o.signedAt?.() ?? new Date(), body);
        outcome = await postWebhook(d.url, headers, body, { resolve, allowPrivate, timeoutMs: o.timeoutMs });
      } catch (e) {
        // Never the secret or the body in a log: the error's name only.
        console.error(`[webhooks] delivery ${d.id} not attempted: ${e instanceof Error ? e.name : "error"}`);
        outcome = { ok: false, statusCode: null, durationMs: 0, error: "internal_error" };
      }
      await recordOutcome(db, endpointId, d.id, d.attempts + 1, outcome, now);
      return outcome;
    }),
  );
  if (o.enqueue) {
    // Due now: again at once. Due within the minute (the 5 s retry): a job held back until then, so that the retry
    // keeps its time instead of waiting for the dispatch tick. Later ones are the tick's.
    const [next] = await rows(
      db,
      sql`select min(next_attempt_at) as "at" from webhook_delivery where endpoint_id = ${endpointId}::uuid and status = 'pending'
          and next_attempt_at <= ${at} + interval '1 minute' and (leased_until is null or leased_until < ${at})`,
      z.object({ at: dateOrNull() }),
    );
    if (next?.at)
      await o.enqueue([
        { name: "webhook-delivery", id: endpointId, ...(next.at > now ? { startAfter: next.at } : {}) },
      ]);
  }
  return { attempted: batch.length, delivered: outcomes.filter((x) => x.ok).length };
}

async function recordOutcome(db: Db, endpointId: string, id: string, attempt: number, r: PostOutcome, now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const finalFailure = !r.ok && attempt >= MAX_ATTEMPTS;
  const next = r.ok || finalFailure ? null : new Date(now.getTime() + RETRY_DELAYS_MS[attempt - 1]).toISOString();
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      update webhook_delivery set
        status = ${r.ok ? "delivered" : finalFailure ? "failed" : "pending"},
        attempts = ${attempt}, next_attempt_at = ${next}::timestamptz, leased_until = null,
        last_status_code = ${r.statusCode}, last_duration_ms = ${r.durationMs}, last_error = ${r.error},
        last_attempt_at = ${at}, delivered_at = ${r.ok ? now.toISOString() : null}::timestamptz
      where id = ${id}::uuid`);
    // R50's 5 days count from the first failure since the last success.
    await tx.execute(
      r.ok
        ? sql`update webhook_endpoint set failing_since = null where id = ${endpointId}::uuid and failing_since is not null`
        : sql`update webhook_endpoint set failing_since = ${at} where id = ${endpointId}::uuid and failing_since is null`,
    );
  });
}
