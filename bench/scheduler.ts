import { sql } from "drizzle-orm";
import { runHealthTick, type HealthJob } from "../lib/health-tick/run-health-tick";
import { percentile, timeIt, type BenchContext } from "./harness";
import { mailboxAddressSql } from "../lib/address-sql";

// One scheduler tick (issue 10) over many mailboxes: the statements it sends (constant in the number of
// mailboxes: every step is one set-based statement over all organisations) and its time, at 500 and 5,000
// mailboxes (10 and 100 organisations of 50), each verified once over the last day, with 14 days of customer mail,
// 1 in 50 whose last verification failed (incidents and alert emails in the first tick).
const DAY = 86_400_000;

async function addOrganisations(ctx: BenchContext, from: number, to: number) {
  const db = ctx.handle.db;
  await db.execute(sql`
    with o as (
      insert into organization (name, slug, timezone, language, smart_licence)
      select 'Bench org ' || g, 'bench-org-' || g, 'Europe/Paris', 'fr', true from generate_series(${from}::int, ${to - 1}::int) g
      returning id, slug
    ), u as (
      insert into "user" (id, name, email, email_verified) select 'bench-user-' || o.slug, 'Admin ' || o.slug, 'admin@' || o.slug || '.example', true from o
      returning id, email
    ), mem as (
      insert into membership (org_id, user_id, role) select o.id, 'bench-user-' || o.slug, 'admin' from o join u on u.id = 'bench-user-' || o.slug
    )
    insert into email_domain (org_id, domain) select o.id, o.slug || '.example' from o`);
  await db.execute(sql`
    with t as (
      insert into alias_token (token, org_id)
      select substr(md5(o.id::text || n), 1, 16), o.id from organization o cross join generate_series(1, 50) n where o.slug like 'bench-org-%'
        and not exists (select 1 from mailbox m where m.org_id = o.id)
      returning token, org_id
    )
    insert into mailbox (org_id, display_name, local_part, domain_id, alias_token)
    select t.org_id, 'Mailbox ' || t.token, 'box-' || t.token, d.id, t.token from t join email_domain d on d.org_id = t.org_id`);
  // Verified once at a random time of the last day; 1 in 50 then failed (no answer within 15 min, 2 h ago).
  await db.execute(sql`
    insert into forwarding_verification (org_id, mailbox_id, token, address, requested_at, expires_at, verified_at)
    select m.org_id, m.id, 'fv-bench-' || m.id, ${mailboxAddressSql()}, now() - interval '1 day' * random() - interval '3 hours',
           now() + interval '1 hour', now() - interval '3 hours'
    from mailbox m join organization o on o.id = m.org_id join email_domain d on d.id = m.domain_id
    where o.slug like 'bench-org-%' and not exists (select 1 from forwarding_verification v where v.mailbox_id = m.id)`);
  await db.execute(sql`
    insert into forwarding_verification (org_id, mailbox_id, token, address, requested_at, expires_at)
    select m.org_id, m.id, 'fv-bench-fail-' || m.id, ${mailboxAddressSql()}, now() - interval '2 hours', now() - interval '105 minutes'
    from mailbox m join organization o on o.id = m.org_id join email_domain d on d.id = m.domain_id
    where o.slug like 'bench-org-%' and ('x' || substr(md5(m.id::text), 1, 8))::bit(32)::int % 50 = 0
      and not exists (select 1 from forwarding_verification v where v.mailbox_id = m.id and v.token like 'fv-bench-fail-%')`);
  // 14 days of customer mail: about 6 messages a day per mailbox.
  await db.execute(sql`
    insert into inbound_message (org_id, mailbox_id, received_at, message_id, size_bytes)
    select m.org_id, m.id, now() - interval '14 days' * random(), '<bench-' || m.id || '-' || n || '@x>', 1000
    from mailbox m join organization o on o.id = m.org_id cross join generate_series(1, 84) n
    where o.slug like 'bench-org-%' and not exists (select 1 from inbound_message i where i.mailbox_id = m.id)`);
}

async function measure(ctx: BenchContext, ticks: number, detectSilence = true) {
  const db = ctx.handle.db;
  const times: number[] = [];
  const queries: number[] = [];
  let first: Awaited<ReturnType<typeof runHealthTick>> | null = null;
  const scheduled: number[] = [];
  const start = Date.now();
  for (let i = 0; i < ticks; i++) {
    const jobs: HealthJob[] = [];
    const before = ctx.handle.queryCount();
    const [ms, summary] = await timeIt(() =>
      runHealthTick(db, {
        now: new Date(start + i * 60_000),
        intervalMs: DAY,
        enqueue: async (j) => void jobs.push(...j),
        detectSilence,
      }),
    );
    queries.push(ctx.handle.queryCount() - before);
    times.push(ms);
    first ??= summary;
    scheduled.push(summary.scheduled);
    // Leave the claimed checks "done" so the next ticks measure steady state (the workers are not measured here).
    await db.execute(sql`update forwarding_check set done_at = now() where done_at is null`);
    await db.execute(sql`update alert_email set sent_at = now() where sent_at is null`);
  }
  return { times, queries, first: first!, scheduled };
}

export default async function benchScheduler(ctx: BenchContext): Promise<void> {
  const count = async () =>
    Number(
      (
        (await ctx.handle.db.execute(
          sql`select count(*)::int as n from mailbox m join organization o on o.id = m.org_id where o.slug like 'bench-org-%'`,
        )) as unknown as { n: number }[]
      )[0]?.n ?? 0,
    );
  await addOrganisations(ctx, 0, 10);
  const small = await measure(ctx, 10);
  const n1 = await count();
  await addOrganisations(ctx, 10, 100);
  await ctx.handle.db.execute(sql`analyze`);
  const large = await measure(ctx, 10);
  const quiet = await measure(ctx, 10, false);
  const n2 = await count();
  ctx.report(`scheduler tick (runHealthTick), ${n1} vs ${n2} mailboxes in 10 vs 100 organisations, PostgreSQL`, {
    [`statements per tick, ${n1} mailboxes (first tick; then)`]: `${small.queries[0]}; ${small.queries.slice(1).join(", ")}`,
    [`statements per tick, ${n2} mailboxes (first tick; then)`]: `${large.queries[0]}; ${large.queries.slice(1).join(", ")}`,
    [`first tick at ${n2}: incidents opened, alert emails, jobs handed out`]: `${large.first.opened}, ${large.first.alerts}, ${large.first.enqueued}`,
    [`checks claimed per one-minute tick at ${n2}: first (overdue) tick; then (a day spread: ≈ ${(n2 / 1440).toFixed(1)})`]: `${large.scheduled[0]}; ${[...large.scheduled.slice(1), ...quiet.scheduled].join(", ")}`,
    [`tick time at ${n1}, with the silence scan, p50 / max (ms)`]: `${percentile(small.times, 50).toFixed(1)} / ${Math.max(...small.times).toFixed(1)}`,
    [`tick time at ${n2}, with the silence scan (every 15 min), p50 / max (ms)`]: `${percentile(large.times.slice(1), 50).toFixed(1)} / ${Math.max(...large.times).toFixed(1)}`,
    [`tick time at ${n2}, without it (the other 14 ticks of 15), p50 / max (ms); statements`]: `${percentile(quiet.times, 50).toFixed(1)} / ${Math.max(...quiet.times).toFixed(1)}; ${quiet.queries.join(", ")}`,
  });
}
