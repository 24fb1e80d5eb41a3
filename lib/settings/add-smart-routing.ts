import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { smartRouting } from "@/db/schema";
import { createdFields, recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, mapConstraintError } from "@/lib/errors";
import type { SmartRoutingInput } from "./schemas";

export const duplicateRoutingName = (name: string) =>
  new AppError("ALREADY_EXISTS", `A smart routing named “${name}” already exists.`, "name");

/** Adds a smart routing to the organisation (S6). Names are unique in the organisation. */
export async function addSmartRouting(params: { orgId: string; actorId: string } & SmartRoutingInput) {
  try {
    return await getDb().transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: smartRouting.id })
        .from(smartRouting)
        .where(and(eq(smartRouting.orgId, params.orgId), eq(smartRouting.name, params.name)));
      if (existing) throw duplicateRoutingName(params.name);
      const values = { name: params.name, hasPublished: params.hasPublished, hasDraft: params.hasDraft };
      const [row] = await tx
        .insert(smartRouting)
        .values({ orgId: params.orgId, ...values })
        .returning();
      await recordAuditEvent(tx, {
        orgId: params.orgId,
        actorId: params.actorId,
        action: "smart_routing.added",
        entityType: "smart_routing",
        entityId: row.id,
        entityLabel: row.name,
        changes: createdFields(values),
      });
      return row;
    });
  } catch (e) {
    mapConstraintError(e, { smart_routing_org_name_unique: duplicateRoutingName(params.name) });
  }
}
