import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { smartRouting } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, mapConstraintError, notFound } from "@/lib/errors";
import { findSmartRoutingUses, listAddresses } from "./smart-routing-usage";

const inUseByFk = new AppError("IN_USE", "This smart routing is used by a mailbox. Change the mailbox first.");

/** Removes a smart routing, refused while a mailbox uses it (R20; the foreign keys RESTRICT it too). */
export async function removeSmartRouting(params: { orgId: string; actorId: string; id: string }) {
  try {
    return await getDb().transaction(async (tx) => {
      const [routing] = await tx
        .select()
        .from(smartRouting)
        .where(and(eq(smartRouting.id, params.id), eq(smartRouting.orgId, params.orgId)))
        .for("update");
      if (!routing) throw notFound("That smart routing");
      const uses = await findSmartRoutingUses(tx, params.orgId, routing.id);
      if (uses.length > 0) {
        const addresses = uses.map((u) => u.address);
        throw new AppError(
          "IN_USE",
          `“${routing.name}” is used by ${listAddresses(addresses)}. Change ${new Set(addresses).size === 1 ? "that mailbox" : "those mailboxes"} first.`,
          undefined,
          { addresses },
        );
      }
      await tx.delete(smartRouting).where(and(eq(smartRouting.id, routing.id), eq(smartRouting.orgId, params.orgId)));
      await recordAuditEvent(tx, {
        orgId: params.orgId,
        actorId: params.actorId,
        action: "smart_routing.removed",
        entityType: "smart_routing",
        entityId: routing.id,
        entityLabel: routing.name,
        changes: { name: { from: routing.name, to: null } },
      });
      return routing;
    });
  } catch (e) {
    mapConstraintError(e, { mailbox_smart_routing_fk: inUseByFk, mailbox_end_routing_fk: inUseByFk });
  }
}
