import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { smartRouting } from "@/db/schema";
import { diffFields, recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, mapConstraintError, notFound } from "@/lib/errors";
import { duplicateRoutingName } from "./add-smart-routing";
import type { SmartRoutingInput } from "./schemas";
import { findSmartRoutingUses, listAddresses } from "./smart-routing-usage";

/**
 * Renames a smart routing or changes which versions it has. A version that mailboxes use cannot be taken
 * away (R8: Production needs a published version), so those mailboxes never point at a missing version.
 */
export async function updateSmartRouting(params: { orgId: string; actorId: string; id: string } & SmartRoutingInput) {
  try {
    return await getDb().transaction(async (tx) => {
      const [routing] = await tx
        .select()
        .from(smartRouting)
        .where(and(eq(smartRouting.id, params.id), eq(smartRouting.orgId, params.orgId)))
        .for("update");
      if (!routing) throw notFound("That smart routing");
      if (params.name !== routing.name) {
        const [clash] = await tx
          .select({ id: smartRouting.id })
          .from(smartRouting)
          .where(and(eq(smartRouting.orgId, params.orgId), eq(smartRouting.name, params.name)));
        if (clash) throw duplicateRoutingName(params.name);
      }
      const uses = await findSmartRoutingUses(tx, params.orgId, routing.id);
      const prodUsers = uses.filter((u) => u.version === "production").map((u) => u.address);
      const testUsers = uses.filter((u) => u.version === "test").map((u) => u.address);
      if (!params.hasPublished && prodUsers.length > 0)
        throw new AppError(
          "IN_USE",
          `The published version is used (Production) by ${listAddresses(prodUsers)}. Switch them to Test first.`,
          "hasPublished",
        );
      if (!params.hasDraft && testUsers.length > 0)
        throw new AppError(
          "IN_USE",
          `The draft version is used (Test) by ${listAddresses(testUsers)}. Switch them to Production first.`,
          "hasDraft",
        );

      const values = { name: params.name, hasPublished: params.hasPublished, hasDraft: params.hasDraft };
      const changes = diffFields(routing, values);
      if (Object.keys(changes).length === 0) return routing;
      const [updated] = await tx
        .update(smartRouting)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(smartRouting.id, routing.id), eq(smartRouting.orgId, params.orgId)))
        .returning();
      await recordAuditEvent(tx, {
        orgId: params.orgId,
        actorId: params.actorId,
        action: "smart_routing.updated",
        entityType: "smart_routing",
        entityId: routing.id,
        entityLabel: updated.name,
        changes,
      });
      return updated;
    });
  } catch (e) {
    mapConstraintError(e, { smart_routing_org_name_unique: duplicateRoutingName(params.name) });
  }
}
