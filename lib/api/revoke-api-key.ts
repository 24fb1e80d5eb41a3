import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { apiKey } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { notFound } from "@/lib/errors";

/**
 * Revokes an API key (R40): from the commit on, every request with it is refused on every instance (each request
 * reads the key's row). Revoking a revoked key changes nothing; another organisation's key is not found.
 */
export async function revokeApiKey(params: { orgId: string; actorId: string; id: string; now?: Date }) {
  return getDb().transaction(async (tx) => {
    const [current] = await tx
      .select({ id: apiKey.id, name: apiKey.name, prefix: apiKey.prefix, revokedAt: apiKey.revokedAt })
      .from(apiKey)
      .where(and(eq(apiKey.id, params.id), eq(apiKey.orgId, params.orgId)))
      .for("update");
    if (!current) throw notFound("That API key");
    if (current.revokedAt) return current;
    const [row] = await tx
      .update(apiKey)
      .set({ revokedAt: params.now ?? new Date(), revokedBy: params.actorId })
      .where(and(eq(apiKey.id, current.id), eq(apiKey.orgId, params.orgId), isNull(apiKey.revokedAt)))
      .returning({ id: apiKey.id, name: apiKey.name, prefix: apiKey.prefix, revokedAt: apiKey.revokedAt });
    await recordAuditEvent(tx, {
      orgId: params.orgId,
      actorId: params.actorId,
      action: "api_key.revoked",
      entityType: "api_key",
      entityId: current.id,
      entityLabel: current.name,
      changes: { key: { from: `${current.prefix}…`, to: "revoked" } },
    });
    return row;
  });
}
