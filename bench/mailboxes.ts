import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDbHandle } from "@/db";
import { emailDomain, mailbox, organization, queue, queueMailbox } from "@/db/schema";
import { getAuth } from "@/lib/auth/auth";
import { createMailbox } from "@/lib/mailboxes/create-mailbox";
import { EMPTY_MAILBOX_FIELDS } from "@/lib/mailboxes/schemas";
import { loadMailboxesPage } from "@/lib/mailboxes/load-mailboxes-page";
import { concurrently, percentile, timeRoutesInterleaved, type BenchContext } from "./harness";

/** Queries that `fn` sends through the app's database handle. */
async function queriesOf(fn: () => Promise<unknown>): Promise<number> {
  const before = getDbHandle().queryCount();
  await fn();
  return getDbHandle().queryCount() - before;
}

/**
 * Where a page's HTML bytes go: the RSC payload (`self.__next_f.push` scripts, which repeat server-rendered
 * host elements and carry client components' props), other scripts (chunk tags), and markup, split into the
 * page's own (inside <main>) and the layout's (header, navigation, head).
 */
export function htmlBreakdown(html: string) {
  const kb = (n: number) => (n / 1024).toFixed(1);
  let payload = 0;
  let scripts = 0;
  for (const m of html.matchAll(/<script\b[^>]*>[\s\S]*?<\/script>/g)) {
    if (m[0].includes("self.__next_f")) payload += Buffer.byteLength(m[0]);
    else scripts += Buffer.byteLength(m[0]);
  }
  const total = Buffer.byteLength(html);
  const main = /<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? "";
  const mainBytes = Buffer.byteLength(main);
  return `${kb(total)} kB = payload ${kb(payload)} + page markup ${kb(mainBytes)} + layout markup ${kb(total - payload - scripts - mainBytes)} + script tags ${kb(scripts)}`;
}

async function htmlOf(url: string, cookie: string): Promise<string> {
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return res.text();
}

/** Fills Demo Company up to 50 mailboxes and 20 queues, each mailbox linked to 3 queues (first link is the default). */
async function fillDemo(orgId: string) {
  const db = getDbHandle().db;
  const [domain] = await db
    .select()
    .from(emailDomain)
    .where(and(eq(emailDomain.orgId, orgId), eq(emailDomain.domain, "mycompany.com")));
  const existing = await db.select({ id: mailbox.id }).from(mailbox).where(eq(mailbox.orgId, orgId));
  for (let i = existing.length; i < 50; i++) {
    await createMailbox({
      orgId,
      actorId: null,
      ...EMPTY_MAILBOX_FIELDS,
      displayName: `Bench mailbox ${i}`,
      localPart: `bench${i}`,
      domainId: domain.id,
    });
  }
  const queues = await db.select({ id: queue.id }).from(queue).where(eq(queue.orgId, orgId));
  for (let i = queues.length; i < 20; i++)
    queues.push(
      (
        await db
          .insert(queue)
          .values({ orgId, name: `Bench queue ${i}` })
          .returning({ id: queue.id })
      )[0],
    );
  const mailboxes = await db
    .select({ id: mailbox.id })
    .from(mailbox)
    .where(and(eq(mailbox.orgId, orgId), eq(mailbox.active, true)))
    .orderBy(asc(mailbox.createdAt));
  const linked = await db
    .select({ queueId: queueMailbox.queueId, mailboxId: queueMailbox.mailboxId })
    .from(queueMailbox)
    .where(eq(queueMailbox.orgId, orgId));
  const has = new Set(linked.map((l) => `${l.queueId}:${l.mailboxId}`));
  const size = new Map<string, number>();
  for (const l of linked) size.set(l.queueId, (size.get(l.queueId) ?? 0) + 1);
  for (const [i, m] of mailboxes.entries()) {
    for (let k = 0; k < 3; k++) {
      const q = queues[(i + k * 7) % queues.length];
      const n = size.get(q.id) ?? 0;
      if (has.has(`${q.id}:${m.id}`) || n >= 20) continue;
      await db.insert(queueMailbox).values({ orgId, queueId: q.id, mailboxId: m.id, isDefault: n === 0 });
      size.set(q.id, n + 1);
    }
  }
}

export default async function benchMailboxes(ctx: BenchContext): Promise<void> {
  const db = getDbHandle().db;
  const [demo] = await db.select().from(organization).where(eq(organization.slug, "demo"));

  // S1's queries must not grow with the number of mailboxes.
  const queriesSmall = await queriesOf(() => loadMailboxesPage(demo.id));
  await fillDemo(demo.id);
  const page = await loadMailboxesPage(demo.id);
  const queriesFull = await queriesOf(() => loadMailboxesPage(demo.id));
  const links = page.mailboxes.reduce((n, m) => n + m.queues.length, 0);
  const authQueries = await queriesOf(() => getAuth().api.getSession({ headers: new Headers({ cookie: ctx.cookie }) }));

  // S1's server time against the floor page (same layout and session check, 50 static rows; a route of the
  // bench's build only) and a trivial route, requests interleaved so that all three see the same load.
  // S1 with a filter that matches nothing: the same queries and frame without rendering a row, to tell the data's
  // cost from the rows'.
  const [trivial, floor, s1, s1NoRows] = await timeRoutesInterleaved(
    [
      `${ctx.baseUrl}/api/health`,
      `${ctx.baseUrl}/maker/bench-floor`,
      `${ctx.baseUrl}/maker/mailboxes`,
      `${ctx.baseUrl}/maker/mailboxes?q=no-such-mailbox`,
    ],
    ctx.cookie,
    60,
  );
  const floorPage = await htmlOf(`${ctx.baseUrl}/maker/bench-floor`, ctx.cookie);
  const s1Page = await htmlOf(`${ctx.baseUrl}/maker/mailboxes`, ctx.cookie);
  const floorHtml = Buffer.byteLength(floorPage);
  const s1Html = Buffer.byteLength(s1Page);
  // BENCH_DUMP=<folder> keeps both pages to read where their bytes go.
  if (process.env.BENCH_DUMP) {
    writeFileSync(`${process.env.BENCH_DUMP}/floor.html`, floorPage);
    writeFileSync(`${process.env.BENCH_DUMP}/s1.html`, s1Page);
  }

  // Create latency with 4 concurrent clients, in an organisation of its own (40 creates, under the limit).
  const tag = randomUUID().slice(0, 8);
  const [org] = await db
    .insert(organization)
    .values({ name: `Bench ${tag}`, slug: `bench-${tag}`, timezone: "UTC", language: "en", smartLicence: true })
    .returning();
  const [dom] = await db
    .insert(emailDomain)
    .values({ orgId: org.id, domain: `${tag}.bench.example` })
    .returning();
  const create = await concurrently(4, 10, (c, i) =>
    createMailbox({
      orgId: org.id,
      actorId: null,
      ...EMPTY_MAILBOX_FIELDS,
      displayName: `Client ${c} #${i}`,
      localPart: `c${c}-${i}`,
      domainId: dom.id,
    }),
  );
  const [{ n: created }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mailbox)
    .where(eq(mailbox.orgId, org.id));

  ctx.report("Mailboxes (S1, create)", {
    "S1 data queries with 4 mailboxes": queriesSmall,
    [`S1 data queries with ${page.mailboxes.length} mailboxes (${links} queue links, 20 queues)`]: queriesFull,
    "session check queries (Better Auth getSession) + 1 membership query per page": authQueries,
    [`GET /api/health median / p95 (ms)`]: `${percentile(trivial, 50).toFixed(1)} / ${percentile(trivial, 95).toFixed(1)}`,
    [`GET floor page (layout + session check + 50 static rows) median / p95 (ms)`]: `${percentile(floor, 50).toFixed(1)} / ${percentile(floor, 95).toFixed(1)}`,
    [`GET /maker/mailboxes (${page.mailboxes.length} mailboxes) median / p95 (ms)`]: `${percentile(s1, 50).toFixed(1)} / ${percentile(s1, 95).toFixed(1)}`,
    [`GET /maker/mailboxes?q=no-such-mailbox (same queries, no row rendered) median / p95 (ms)`]: `${percentile(s1NoRows, 50).toFixed(1)} / ${percentile(s1NoRows, 95).toFixed(1)}`,
    "S1 / floor page, ratio of medians (target <= 1.3)": percentile(s1, 50) / percentile(floor, 50),
    "HTML bytes: S1 / floor page (S1 target <= 70 kB)": `${(s1Html / 1024).toFixed(1)} kB / ${(floorHtml / 1024).toFixed(1)} kB`,
    "HTML of S1": htmlBreakdown(s1Page),
    "HTML of the floor page": htmlBreakdown(floorPage),
    "create mailbox, 4 concurrent clients x 10: p50 / p95 (ms)": `${percentile(create, 50).toFixed(1)} / ${percentile(create, 95).toFixed(1)}`,
    "mailboxes created": created,
  });
}
