import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDbHandle } from "@/db";
import { emailDomain, mailbox, organization, queueMailbox } from "@/db/schema";
import { createMailbox } from "@/lib/mailboxes/create-mailbox";
import { EMPTY_MAILBOX_FIELDS } from "@/lib/mailboxes/schemas";
import { createQueue } from "@/lib/queues/create-queue";
import { findQueues } from "@/lib/queues/find-queues";
import { linkMailboxToQueue } from "@/lib/queues/link-mailbox-to-queue";
import { loadQueuePage } from "@/lib/queues/load-queue-page";
import { setDefaultMailbox } from "@/lib/queues/set-default-mailbox";
import { concurrently, htmlBytes, percentile, timeRoutesInterleaved, type BenchContext } from "./harness";

// The services run on the app's database handle (getDbHandle(), opened from DATABASE_URL, which the harness
// points at the bench database), so that is the handle whose statements are counted.
async function queriesOf(fn: () => Promise<unknown>): Promise<number> {
  const before = getDbHandle().queryCount();
  await fn();
  return getDbHandle().queryCount() - before;
}

const ms = (values: number[]) => `${percentile(values, 50).toFixed(1)} / ${percentile(values, 95).toFixed(1)}`;

/** At least `n` active mailboxes in the organisation, creating the missing ones through the mailbox service. */
async function activeMailboxes(orgId: string, n: number): Promise<string[]> {
  const db = getDbHandle().db;
  const [domain] = await db
    .select()
    .from(emailDomain)
    .where(eq(emailDomain.orgId, orgId))
    .orderBy(asc(emailDomain.domain))
    .limit(1);
  const ids = async () =>
    (
      await db
        .select({ id: mailbox.id })
        .from(mailbox)
        .where(and(eq(mailbox.orgId, orgId), eq(mailbox.active, true)))
        .orderBy(asc(mailbox.createdAt))
    ).map((m) => m.id);
  let have = await ids();
  for (let i = have.length; i < n; i++) {
    const tag = randomUUID().slice(0, 6);
    await createMailbox({
      orgId,
      actorId: null,
      ...EMPTY_MAILBOX_FIELDS,
      displayName: `Queue bench ${tag}`,
      localPart: `qbench-${tag}`,
      domainId: domain.id,
    });
  }
  have = await ids();
  return have.slice(0, n);
}

async function queueWith(orgId: string, name: string, mailboxIds: string[]) {
  const q = await createQueue({ orgId, actorId: null, name });
  for (const mailboxId of mailboxIds) await linkMailboxToQueue({ orgId, actorId: null, queueId: q.id, mailboxId });
  return q;
}

/**
 * The data both queue screens are measured on: a queue of 1 mailbox, a full queue of 20 (with its history), and
 * enough other queues (0 to 5 mailboxes each, some without any) for a list of at least 22, whether or not the
 * mailboxes section ran first.
 */
export async function prepareQueues(orgId: string) {
  const tag = randomUUID().slice(0, 6);
  const boxes = await activeMailboxes(orgId, 20);
  const one = await queueWith(orgId, `Bench one ${tag}`, boxes.slice(0, 1));
  const full = await queueWith(orgId, `Bench twenty ${tag}`, boxes);
  for (let i = (await findQueues(orgId)).length; i < 22; i++)
    await queueWith(orgId, `Bench list ${i} ${tag}`, boxes.slice(i % 7, (i % 7) + (i % 6)));
  return { tag, boxes, one, full };
}

export default async function benchQueues(ctx: BenchContext): Promise<void> {
  const db = getDbHandle().db;
  const [demo] = await db.select().from(organization).where(eq(organization.slug, "demo"));

  // S5 queue page: queries per render must not grow with the number of mailboxes (1 vs 20).
  const { tag, boxes, one, full } = await prepareQueues(demo.id);
  const queriesOne = await queriesOf(() => loadQueuePage(demo.id, one.id));
  const queriesFull = await queriesOf(() => loadQueuePage(demo.id, full.id));
  const fullPage = await loadQueuePage(demo.id, full.id);
  const queriesList = await queriesOf(() => findQueues(demo.id));
  const queueCount = (await findQueues(demo.id)).length;

  // The queue page's server time against a trivial route of the same server, in the same run.
  const [trivial, floor, detail, list] = await timeRoutesInterleaved(
    [
      `${ctx.baseUrl}/api/health`,
      `${ctx.baseUrl}/maker/bench-floor`,
      `${ctx.baseUrl}/maker/queues/${full.id}`,
      `${ctx.baseUrl}/maker/queues`,
    ],
    ctx.cookie,
    40,
  );
  const detailHtml = await htmlBytes(`${ctx.baseUrl}/maker/queues/${full.id}`, ctx.cookie);
  const listHtml = await htmlBytes(`${ctx.baseUrl}/maker/queues`, ctx.cookie);

  // "Make default" latency, 4 concurrent clients in-process: each on its own queue (no contention), then all
  // four on the same queue (they queue up on its row lock, by design).
  const own: { id: string }[] = [];
  for (let c = 0; c < 4; c++)
    own.push(await queueWith(demo.id, `Bench default ${c} ${tag}`, boxes.slice(c * 5, c * 5 + 5)));
  const separate = await concurrently(4, 25, (c, i) =>
    setDefaultMailbox({ orgId: demo.id, actorId: null, queueId: own[c].id, mailboxId: boxes[c * 5 + ((i + 1) % 5)] }),
  );
  const shared = await concurrently(4, 25, (c, i) =>
    setDefaultMailbox({ orgId: demo.id, actorId: null, queueId: full.id, mailboxId: boxes[(c * 5 + i + 1) % 20] }),
  );

  // The invariant after all that: every non-empty queue of the organisation has exactly one default.
  const [bad] = await db.select({ n: sql<number>`count(*)::int` }).from(
    db
      .select({ q: queueMailbox.queueId })
      .from(queueMailbox)
      .where(eq(queueMailbox.orgId, demo.id))
      .groupBy(queueMailbox.queueId)
      .having(sql`count(*) filter (where ${queueMailbox.isDefault}) <> 1`)
      .as("bad"),
  );

  ctx.report("Queues (S5, make default)", {
    "queue page data queries (loadQueuePage) with 1 mailbox": queriesOne,
    [`queue page data queries (loadQueuePage) with ${fullPage.queue.mailboxes.length} mailboxes`]: queriesFull,
    [`queue list data queries (findQueues) with ${queueCount} queues`]: queriesList,
    "GET /api/health p50 / p95 (ms)": ms(trivial),
    "GET /maker/queues/[id] (20 mailboxes) p50 / p95 (ms)": ms(detail),
    [`GET /maker/queues (${queueCount} queues) p50 / p95 (ms)`]: ms(list),
    "GET floor page (50 static rows) p50 / p95 (ms)": ms(floor),
    "queue page / floor page, ratio of medians (target <= 1.3)": percentile(detail, 50) / percentile(floor, 50),
    "queue list / floor page, ratio of medians": percentile(list, 50) / percentile(floor, 50),
    "HTML bytes: queue page (20 mailboxes) / queue list (target <= 70 kB)": `${(detailHtml / 1024).toFixed(1)} kB / ${(listHtml / 1024).toFixed(1)} kB`,
    "make default, 4 concurrent clients x 25, each on its own queue: p50 / p95 (ms)": ms(separate),
    "make default, 4 concurrent clients x 25, all on one queue of 20: p50 / p95 (ms)": ms(shared),
    "non-empty queues without exactly one default afterwards": bad.n,
  });
}
