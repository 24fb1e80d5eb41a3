import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { queue } from "@/db/schema";
import { createdFields, recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, mapConstraintError } from "@/lib/errors";

export const duplicateQueueName = (name: string) =>
  new AppError("ALREADY_EXISTS", `A queue named “${name}” already exists.`, "name");

/** Creates a distribution queue (S5). Names are unique in the organisation (friendly check, then the constraint). */
export async function createQueue(params: { orgId: string; actorId: string | null; name: string }) {
  try {
    return await getDb().transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: queue.id })
        .from(queue)
        .where(and(eq(queue.orgId, params.orgId), eq(queue.name, params.name)));
      if (existing) throw duplicateQueueName(params.name);
      const [row] = await tx.insert(queue).values({ orgId: params.orgId, name: params.name }).returning();
      await recordAuditEvent(tx, {
        orgId: params.orgId,
        actorId: params.actorId,
        action: "queue.created",
        entityType: "queue",
        entityId: row.id,
        entityLabel: row.name,
        changes: createdFields({ name: row.name }),
      });
      return row;
    });
  } catch (e) {
    mapConstraintError(e, { queue_org_name_unique: duplicateQueueName(params.name) });
  }
}
