import { readFileSync } from "node:fs";
import { config, parseConfig, type Config } from "@/lib/config";
import type { SmtpReceiverOptions } from "./create-smtp-receiver";

export const DEFAULT_SMTP_PORT = 2525;

/**
 * The receiver's options from the configuration (lib/config.ts), or null when it is disabled (SMTP_PORT=0 or
 * SMTP_DISABLED=1): SMTP_PORT, SMTP_HOST, SMTP_MAX_SIZE, SMTP_TLS_KEY / SMTP_TLS_CERT (STARTTLS only with both),
 * SMTP_MAX_CONNECTIONS, SMTP_MAX_CONNECTIONS_PER_CLIENT and SMTP_SESSION_IDLE_LIMIT (R21 fair share),
 * SMTP_TRANSACTION_TIMEOUT, POSTMASTER_FORWARD_TO. A value that cannot be read is an error naming the variable.
 */
export function receiverOptions(c: Config = config()): SmtpReceiverOptions | null {
  if (c.SMTP_DISABLED || c.SMTP_PORT === 0) return null;
  const tls =
    c.SMTP_TLS_KEY && c.SMTP_TLS_CERT
      ? { key: readFileSync(c.SMTP_TLS_KEY), cert: readFileSync(c.SMTP_TLS_CERT) }
      : undefined;
  return {
    port: c.SMTP_PORT,
    host: c.SMTP_HOST,
    maxSize: c.SMTP_MAX_SIZE,
    tls,
    maxConnections: c.SMTP_MAX_CONNECTIONS,
    maxConnectionsPerClient: c.SMTP_MAX_CONNECTIONS_PER_CLIENT,
    sessionIdleMs: c.SMTP_SESSION_IDLE_LIMIT,
    maxTransactionMs: c.SMTP_TRANSACTION_TIMEOUT,
    postmaster: { forwardTo: c.POSTMASTER_FORWARD_TO ?? null },
  };
}

/** The same from any environment (tests; the process's own is read once by config()). */
export function receiverConfigFromEnv(env?: Record<string, string | undefined>): SmtpReceiverOptions | null {
  return receiverOptions(env ? parseConfig(env) : config());
}
