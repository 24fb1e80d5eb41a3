import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { auditEvent, user } from "@/db/schema";
import { pageOf, type Page } from "@/lib/paging";

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

/**
 * Where a page of history ends: the id of its last event; the next page starts strictly older than it
 * (keyset paging on (created_at, id), read from the row itself so that no timestamp precision is lost).
 */
export type AuditCursor = { id: number };

/**
 * Audit events of an organisation (each queue change once), optionally of one object, newest first (ties by id, so the
 * order is
 * stable), `limit` at a time, optionally only those older than `before`, as a Page (whether older ones exist).
 */
export async function findAuditEvents(params: {
  orgId: string;
  entityType?: string;
  entityId?: string;
  limit?: number;
  before?: AuditCursor;
}): Promise<Page<AuditEventView>> {
  const limit = params.limit ?? 30;
  const where = [eq(auditEvent.orgId, params.orgId)];
  if (params.entityType) where.push(eq(auditEvent.entityType, params.entityType));
  if (params.entityId) where.push(eq(auditEvent.entityId, params.entityId));
  // The organisation-wide history (Settings) tells each queue change once, from the queue's side: a link, unlink or
  // default change is also recorded on the mailbox, for the mailbox's own history, with the same facts.
  if (!params.entityType)
    where.push(sql`not (${auditEvent.entityType} = 'mailbox' and ${auditEvent.action} like 'queue.%')`);
  if (params.before) {
    where.push(
      sql`(${auditEvent.createdAt}, ${auditEvent.id}) < (select c.created_at, c.id from audit_event c where c.id = ${params.before.id} and c.org_id = ${params.orgId})`,
    );
  }
  const rows = await getDb()
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
    .limit(limit + 1);
  return pageOf(rows, limit);
}
