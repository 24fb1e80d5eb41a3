import { bigserial, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { organization, ts } from "./organizations";

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** Who did what to which object, when, and which fields changed from what to what (R19). */
export const auditEvent = pgTable(
  "audit_event",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    actorId: text("actor_id").references(() => user.id, { onDelete: "set null" }), // null: the platform itself
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    entityLabel: text("entity_label").notNull(),
    changes: jsonb("changes").$type<FieldChanges>().notNull().default({}),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("audit_event_org_created_idx").on(t.orgId, t.createdAt),
    index("audit_event_entity_idx").on(t.orgId, t.entityType, t.entityId, t.createdAt),
  ],
);
