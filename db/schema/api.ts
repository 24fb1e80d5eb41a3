import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { organization, ts } from "./organizations";

export const API_KEY_ACCESS = ["read", "write"] as const;
export type ApiKeyAccess = (typeof API_KEY_ACCESS)[number];

/**
 * An organisation's API key (H2, decision 0015): only a SHA-256 of the secret is kept (the secret is long and
 * random, so a slow hash adds nothing), with its first characters to recognise it by. Revoking sets
 * `revoked_at`; every request reads this row, so a revoked key is refused at once on every instance.
 */
export const apiKey = pgTable(
  "api_key",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    access: text("access", { enum: API_KEY_ACCESS }).notNull(),
    /** The secret's first characters (`ino_live_` and 6 more), shown in the list. */
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull().unique(),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastUsedAt: ts("last_used_at"),
    revokedAt: ts("revoked_at"),
    revokedBy: text("revoked_by").references(() => user.id, { onDelete: "set null" }),
  },
  (t) => [
    index("api_key_org_idx").on(t.orgId, t.createdAt),
    check("api_key_access_valid", sql`${t.access} in ('read', 'write')`),
    check("api_key_name_length", sql`char_length(${t.name}) between 1 and 100`),
    check("api_key_name_no_controls", sql`${t.name} !~ '[\\x01-\\x1f\\x7f-\\x9f\\u2028\\u2029]'`),
    check("api_key_secret_hash", sql`${t.secretHash} ~ '^[0-9a-f]{64}$'`),
  ],
);

/**
 * Requests per key per minute (fixed one-minute windows), shared by every instance: one atomic upsert per
 * request, like the sign-in limiter.
 */
export const apiRateLimit = pgTable(
  "api_rate_limit",
  {
    keyId: uuid("key_id")
      .primaryKey()
      .references(() => apiKey.id, { onDelete: "cascade" }),
    windowStartedAt: ts("window_started_at").notNull(),
    requests: integer("requests").notNull(),
  },
  (t) => [check("api_rate_limit_requests", sql`${t.requests} >= 0`)],
);

/**
 * The first answer to a POST sent with an `Idempotency-Key`, per API key, for 24 hours. The row is claimed by
 * an insert before the work starts (`status` null while it runs), so two concurrent requests with one key
 * make one change; the second waits for the first's answer and replays it.
 */
export const apiIdempotency = pgTable(
  "api_idempotency",
  {
    keyId: uuid("key_id")
      .notNull()
      .references(() => apiKey.id, { onDelete: "cascade" }),
    idempotencyKey: text("idempotency_key").notNull(),
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    requestHash: text("request_hash").notNull(),
    status: integer("status"),
    body: jsonb("body"),
    headers: jsonb("headers").$type<Record<string, string>>(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "api_idempotency_pk", columns: [t.keyId, t.idempotencyKey] }),
    index("api_idempotency_created_idx").on(t.createdAt),
    check("api_idempotency_key_length", sql`char_length(${t.idempotencyKey}) between 1 and 255`),
  ],
);
