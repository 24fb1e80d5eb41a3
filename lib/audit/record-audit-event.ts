import "server-only";
import type { Tx } from "@/db";
import { auditEvent, type FieldChanges } from "@/db/schema";

export type AuditInput = {
  orgId: string;
  actorId: string | null;
  action: string;
  entityType:
    "organization" | "email_domain" | "smart_routing" | "mailbox" | "queue" | "api_key" | "user" | "webhook_endpoint";
  entityId: string;
  entityLabel: string;
  changes?: FieldChanges;
};

/** Writes an audit event (R19). Takes the caller's transaction so that the event and the change commit together. */
export async function recordAuditEvent(tx: Tx, input: AuditInput): Promise<void> {
  await tx.insert(auditEvent).values({ ...input, changes: input.changes ?? {} });
}

/** The fields whose value differs between `before` and `after`, as `{ field: { from, to } }`. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): FieldChanges {
  const changes: FieldChanges = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

/** The changes of a creation: every given field from nothing to its value. */
export function createdFields(values: Record<string, unknown>): FieldChanges {
  const empty: Record<string, unknown> = Object.fromEntries(Object.keys(values).map((k) => [k, null]));
  return diffFields(empty, values);
}
