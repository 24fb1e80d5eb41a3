import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { queue } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { findQueueLinks, type QueueLink } from "./find-queue-links";

export type QueueDetail = typeof queue.$inferSelect & { mailboxes: QueueLink[] };

/**
 * One of the organisation's queues with its linked mailboxes (S5): two queries, whatever the number of
 * mailboxes. Another organisation's queue is not found, exactly like a missing one (R18).
 */
export async function getQueueOrThrow(orgId: string, id: string): Promise<QueueDetail> {
  const [[row], mailboxes] = await Promise.all([
    db.select().from(queue).where(and(eq(queue.id, id), eq(queue.orgId, orgId))),
    findQueueLinks(db, orgId, id),
  ]);
  if (!row) throw notFound("That queue");
  return { ...row, mailboxes };
}
