import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { getDb } from "@/db";
import { queue } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { mapConstraintError } from "@/lib/errors";
import { duplicateQueueName } from "./create-queue";
import { lockQueue } from "./lock-queue";

/** Renames a queue (S5); the new name is unique in the organisation. */
export async function renameQueue(params: { orgId: string; actorId: string | null; id: string; name: string }) {
  try {
    return await getDb().transaction(async (tx) => {
      const current = await lockQueue(tx, params.orgId, params.id);
      if (current.name === params.name) return current;
      const [clash] = await tx
        .select({ id: queue.id })
        .from(queue)
        .where(and(eq(queue.orgId, params.orgId), eq(queue.name, params.name), ne(queue.id, current.id)));
      if (clash) throw duplicateQueueName(params.name);
      const [row] = await tx
        .update(queue)
        .set({ name: params.name, updatedAt: new Date() })
        .where(and(eq(queue.id, current.id), eq(queue.orgId, params.orgId)))
        .returning();
      await recordAuditEvent(tx, {
        orgId: params.orgId,
        actorId: params.actorId,
        action: "queue.renamed",
        entityType: "queue",
        entityId: row.id,
        entityLabel: row.name,
        changes: { name: { from: current.name, to: row.name } },
      });
      return row;
    });
  } catch (e) {
    mapConstraintError(e, { queue_org_name_unique: duplicateQueueName(params.name) });
  }
}
