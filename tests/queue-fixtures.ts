// Test helpers for the queue services' tests (not used by the app).
import { asc, eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "@/db";
import { mailbox, queueMailbox } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { TestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { createQueue } from "@/lib/queues/create-queue";
import { linkMailboxToQueue } from "@/lib/queues/link-mailbox-to-queue";

export const onPostgres = !!process.env.DATABASE_URL;

/** Opens the pool's connections before a race, so that the racing requests really start together. */
export async function warmPool(connections = 10) {
  await Promise.all(Array.from({ length: connections }, () => getDb().execute(sql`select pg_sleep(0.02)`)));
}

export async function testMailboxes(t: TestOrg, n: number, opts: { prefix?: string; active?: boolean } = {}) {
  const out = [];
  for (let i = 0; i < n; i++)
    out.push(await insertTestMailbox(t, { localPart: `${opts.prefix ?? "m"}${i}`, active: opts.active ?? true }));
  return out;
}

/**
 * A new queue of the organisation with these mailboxes linked through the service, in order (the first is the default).
 */
export async function testQueue(
  t: TestOrg,
  mailboxIds: string[] = [],
  name = `Queue ${Math.random().toString(36).slice(2, 8)}`,
) {
  const q = await createQueue({ orgId: t.org.id, actorId: t.admin.id, name });
  for (const mailboxId of mailboxIds)
    await linkMailboxToQueue({ orgId: t.org.id, actorId: t.admin.id, queueId: q.id, mailboxId });
  return q;
}

/** The queue's links, with each mailbox's active flag. */
export async function queueState(queueId: string) {
  return getDb()
    .select({ mailboxId: queueMailbox.mailboxId, isDefault: queueMailbox.isDefault, active: mailbox.active })
    .from(queueMailbox)
    .innerJoin(mailbox, eq(mailbox.id, queueMailbox.mailboxId))
    .where(eq(queueMailbox.queueId, queueId))
    .orderBy(asc(queueMailbox.linkedAt));
}

/** R16 + R17: a queue with mailboxes has exactly one default, and it is active; an empty queue has none. */
export async function expectQueueInvariants(queueId: string) {
  const links = await queueState(queueId);
  const defaults = links.filter((l) => l.isDefault);
  expect(links.length).toBeLessThanOrEqual(20);
  expect(defaults).toHaveLength(links.length > 0 ? 1 : 0);
  for (const d of defaults) expect(d.active).toBe(true);
  return links;
}

/** Every concurrent call either succeeded or was refused with a person-readable AppError: no crash, no deadlock. */
export function expectOnlyRefusals(results: PromiseSettledResult<unknown>[]) {
  for (const r of results) {
    if (r.status === "rejected") expect(r.reason, String(r.reason)).toBeInstanceOf(AppError);
  }
  return results.map((r) => (r.status === "fulfilled" ? "ok" : (r.reason as AppError).code));
}
