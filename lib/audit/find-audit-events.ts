import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { auditEvent, user } from "@/db/schema";

export type AuditEventView = {
  id: number;
  action: string;
  entityType: string;
  entityId: string;
  entityLabel: string;
  changes: Record<string, { from: unknown; to: unknown }>;
  createdAt: Date;
  actorName: string | null;
  actorEmail: string | null;
};

/** Recent audit events of an organisation, optionally of one object, newest first. */
export async function findAuditEvents(params: {
  orgId: string;
  entityType?: string;
  entityId?: string;
  limit?: number;
}): Promise<AuditEventView[]> {
  const where = [eq(auditEvent.orgId, params.orgId)];
  if (params.entityType) where.push(eq(auditEvent.entityType, params.entityType));
  if (params.entityId) where.push(eq(auditEvent.entityId, params.entityId));
  return db
    .select({
      id: auditEvent.id,
      action: auditEvent.action,
      entityType: auditEvent.entityType,
      entityId: auditEvent.entityId,
      entityLabel: auditEvent.entityLabel,
      changes: auditEvent.changes,
      createdAt: auditEvent.createdAt,
      actorName: user.name,
      actorEmail: user.email,
    })
    .from(auditEvent)
    .leftJoin(user, eq(user.id, auditEvent.actorId))
    .where(and(...where))
    .orderBy(desc(auditEvent.createdAt), desc(auditEvent.id))
    .limit(params.limit ?? 30);
}
