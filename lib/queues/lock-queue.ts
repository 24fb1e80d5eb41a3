import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { queue } from "@/db/schema";
import { notFound } from "@/lib/errors";

/**
 * Locks one of the organisation's queues for the rest of the transaction (SELECT … FOR UPDATE). Every change
 * to a queue's mailboxes takes this lock first, so the rules that count rows (at most 20, exactly one
 * default) are checked and written by one transaction at a time. Another organisation's queue is not
 * found, exactly like a missing one (R18).
 */
export async function lockQueue(tx: Tx, orgId: string, id: string) {
  const [row] = await tx
    .select()
    .from(queue)
    .where(and(eq(queue.id, id), eq(queue.orgId, orgId)))
    .for("update");
  if (!row) throw notFound("That queue");
  return row;
}
