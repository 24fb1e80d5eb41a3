import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Sign-in attempts per account and per client address (issue 11), shared by every app instance: one row per
 * key (a SHA-256 of "account:<email>" or "address:<ip>", so that no typed text is stored), counted by one
 * atomic upsert per attempt.
 */
export const signInLimit = pgTable(
  "sign_in_limit",
  {
    key: text("key").primaryKey(),
    attempts: integer("attempts").notNull(),
    windowStartedAt: ts("window_started_at").notNull(),
    lockedUntil: ts("locked_until"),
  },
  (t) => [check("sign_in_limit_attempts", sql`${t.attempts} >= 0`), check("sign_in_limit_key", sql`${t.key} ~ '^[0-9a-f]{64}$'`)],
);
