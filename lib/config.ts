// The environment, parsed once with zod (H4): every variable the app reads is named here, with its default.
// `config()` is the process's parsed environment (cached); `parseConfig(env)` parses any other (tests).
// A value that cannot be read is a start-up error naming the variable, except where a logged fallback is the
// documented behaviour (marked "fallback" below).
import { z } from "zod";

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const NAMED: Record<string, number> = { daily: 86_400_000, hourly: 3_600_000, weekly: 7 * 86_400_000 };

/**
 * The one duration parser: "900" (seconds), "900s", "1500ms", "15m", "6h", "1d", "daily", "hourly", "weekly",
 * in milliseconds; null when it is none of those or not positive.
 */
export function parseDuration(value: string): number | null {
  const v = value.trim().toLowerCase();
  if (NAMED[v]) return NAMED[v];
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(v);
  if (!m) return null;
  const ms = Math.round(Number(m[1]) * UNITS[m[2] ?? "s"]);
  return Number.isFinite(ms) && ms >= 1 ? ms : null;
}

const warned = new Set<string>();
function warnOnce(name: string, message: string) {
  if (warned.has(name)) return;
  warned.add(name);
  console.warn(`[config] ${message}`);
}

/** An optional duration with a default; `fallback: true` logs and uses the default instead of failing. */
function duration(name: string, defaultMs: number, opts: { min?: number; fallback?: boolean } = {}) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === "") return defaultMs;
      const ms = parseDuration(raw);
      if (ms !== null && ms >= (opts.min ?? 1)) return ms;
      const message = `${name}="${raw}" is not a duration${opts.min ? ` of at least ${opts.min / 1000} s` : ""} (use seconds, "30s", "15m", "6h" or "daily")`;
      if (opts.fallback) {
        warnOnce(name, `${message}; using the default.`);
        return defaultMs;
      }
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    });
}

function integer(name: string, defaultValue: number, min: number, max = Number.MAX_SAFE_INTEGER) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === "") return defaultValue;
      const n = Number(raw);
      if (Number.isInteger(n) && n >= min && n <= max) return n;
      ctx.addIssue({
        code: "custom",
        message: `${name}="${raw}" must be a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ""}`,
      });
      return z.NEVER;
    });
}

const flag = z
  .string()
  .optional()
  .transform((v) => ["1", "true", "yes"].includes((v ?? "").trim().toLowerCase()));
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const schema = z.object({
  NODE_ENV: optionalText,
  /** Set by Next.js while it builds: nothing starts then (no jobs, no receiver, no database). */
  NEXT_PHASE: optionalText,
  PORT: integer("PORT", 3000, 0, 65535),
  DATABASE_URL: optionalText,
  DATABASE_POOL_SIZE: integer("DATABASE_POOL_SIZE", 10, 1),
  /** Statements are prepared per connection (one round trip each); set 1 behind a pooler that cannot keep them. */
  DATABASE_NO_PREPARE: flag,
  DATABASE_CONNECT_TIMEOUT_S: integer("DATABASE_CONNECT_TIMEOUT_S", 5, 1),
  DATABASE_STATEMENT_TIMEOUT_MS: integer("DATABASE_STATEMENT_TIMEOUT_MS", 10_000, 1),
  DATABASE_IDLE_TX_TIMEOUT_MS: integer("DATABASE_IDLE_TX_TIMEOUT_MS", 60_000, 1),
  PGLITE_DIR: optionalText,
  READINESS_TIMEOUT_MS: integer("READINESS_TIMEOUT_MS", 3000, 1),
  JOBS_POOL_SIZE: integer("JOBS_POOL_SIZE", 3, 1),
  SEED_ADMIN_PASSWORD: optionalText,
  E2E_SEED: flag,
  PLATFORM_MAIL_DOMAIN: z
    .string()
    .optional()
    .transform((v) => (v?.trim() || "ino.cx").toLowerCase().replace(/\.$/, "")),
  PLATFORM_NAME: z
    .string()
    .optional()
    .transform((v) => v?.trim() || "INO cx"),
  OUTBOUND_SMTP_URL: optionalText,
  OUTBOUND_MAIL_FROM: optionalText,
  DNS_SERVERS: optionalText,
  APP_URL: optionalText,
  // Forwarding verification (R22, R32) and its schedule (R29). VERIFY_TIMEOUT and FORWARDING_CHECK_INTERVAL fall
  // back to their defaults with a log line (their documented behaviour); the limits are start-up errors.
  VERIFY_TIMEOUT: duration("VERIFY_TIMEOUT", 15 * 60_000, { fallback: true }),
  VERIFY_COOLDOWN: duration("VERIFY_COOLDOWN", 30_000),
  VERIFY_DAILY_ORG_LIMIT: integer("VERIFY_DAILY_ORG_LIMIT", 50, 1),
  VERIFY_DAILY_ADDRESS_LIMIT: integer("VERIFY_DAILY_ADDRESS_LIMIT", 10, 1),
  // R32: test messages to one address from all organisations together in 24 hours (the recipient's ceiling).
  VERIFY_DAILY_RECIPIENT_CEILING: integer("VERIFY_DAILY_RECIPIENT_CEILING", 30, 1),
  FORWARDING_CHECK_INTERVAL: duration("FORWARDING_CHECK_INTERVAL", 86_400_000, { min: 5 * 60_000, fallback: true }),
  // Retention (R33), in days and messages.
  INBOUND_RETENTION_DAYS: integer("INBOUND_RETENTION_DAYS", 90, 1),
  INBOUND_MAX_PER_MAILBOX: integer("INBOUND_MAX_PER_MAILBOX", 5_000, 1),
  VERIFICATION_RETENTION_DAYS: integer("VERIFICATION_RETENTION_DAYS", 30, 1),
  AUDIT_RETENTION_DAYS: integer("AUDIT_RETENTION_DAYS", 730, 1),
  BETTER_AUTH_URL: optionalText,
  /** Session signing; unset: one generated once into .data/ (required when several instances share a database). */
  BETTER_AUTH_SECRET: optionalText,
  TRUST_PROXY: optionalText,
  JOBS_DISABLED: flag,
  // Sending identity (H1): 32 bytes, as 64 hex characters or base64; unset: a key generated once into .data/.
  DKIM_ENCRYPTION_KEY: optionalText,
  /** Where that generated key is kept (default .data/dkim-key). */
  DKIM_KEY_FILE: optionalText,
  DOMAIN_CHECK_INTERVAL: duration("DOMAIN_CHECK_INTERVAL", 6 * 3_600_000, { min: 60_000 }),
  // Admin REST API (H2): requests per key per minute.
  API_RATE_LIMIT: integer("API_RATE_LIMIT", 600, 1),
  // Webhooks (H3).
  WEBHOOK_ALLOW_HTTP: flag,
  WEBHOOK_ALLOW_PRIVATE: flag,
  // SMTP fair share (H5).
  SMTP_MAX_CONNECTIONS_PER_CLIENT: integer("SMTP_MAX_CONNECTIONS_PER_CLIENT", 10, 1),
  SMTP_SESSION_IDLE_LIMIT: duration("SMTP_SESSION_IDLE_LIMIT", 120_000, { min: 1000 }),
  // The inbound SMTP receiver (lib/inbound/receiver-config.ts turns these into its options).
  SMTP_DISABLED: flag,
  SMTP_PORT: integer("SMTP_PORT", 2525, 0, 65535),
  SMTP_HOST: optionalText,
  SMTP_MAX_SIZE: integer("SMTP_MAX_SIZE", 25 * 1024 * 1024, 1024),
  SMTP_MAX_CONNECTIONS: integer("SMTP_MAX_CONNECTIONS", 100, 1),
  SMTP_TRANSACTION_TIMEOUT: duration("SMTP_TRANSACTION_TIMEOUT", 600_000, { min: 10_000 }),
  SMTP_TLS_KEY: optionalText,
  SMTP_TLS_CERT: optionalText,
  POSTMASTER_FORWARD_TO: optionalText,
});

export type Config = z.output<typeof schema>;

/** Parses `env`; throws one Error naming every variable that cannot be read. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new Error(`Configuration error: ${result.error.issues.map((i) => i.message).join("; ")}.`);
}

let cached: Config | undefined;
/**
 * The process's configuration, parsed on first use. Under vitest it is parsed on every call, because tests set
 * variables (OUTBOUND_SMTP_URL, VERIFY_TIMEOUT…) between cases; parsing is a few microseconds.
 */
export function config(): Config {
  if (process.env.VITEST) return parseConfig(process.env);
  cached ??= parseConfig(process.env);
  return cached;
}

/** The address of the app for links in emails: APP_URL, else BETTER_AUTH_URL, else localhost on PORT. */
export function appUrl(c: Config = config()): string {
  return c.APP_URL ?? c.BETTER_AUTH_URL ?? `http://localhost:${c.PORT}`;
}

/** Tests that change process.env between cases call this so that the next `config()` parses again. */
export function resetConfigForTests(): void {
  cached = undefined;
}
