import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * Sign-in attempts (R31), shared by every app instance: one row per key, a SHA-256 of "address:<ip>",
 * "account:<email>" or "pair:<email>|<ip>" (no typed text is stored). Addresses and (account, address) pairs have
 * a hard limit (`locked_until`); an account only a soft delay, from its count. A pair row names its account's key
 * (`account_key`) so that an admin can clear every limit of one account; `last_attempt_at` times the delay.
 */
export const signInLimit = pgTable(
  "sign_in_limit",
  {
    key: text("key").primaryKey(),
    attempts: integer("attempts").notNull(),
    windowStartedAt: ts("window_started_at").notNull(),
    lockedUntil: ts("locked_until"),
    accountKey: text("account_key"),
    lastAttemptAt: ts("last_attempt_at"),
  },
  (t) => [
    check("sign_in_limit_attempts", sql`${t.attempts} >= 0`),
    check("sign_in_limit_key", sql`${t.key} ~ '^[0-9a-f]{64}$'`),
    index("sign_in_limit_account_key_idx")
      .on(t.accountKey)
      .where(sql`${t.accountKey} is not null`),
  ],
);
