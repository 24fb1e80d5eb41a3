import { readFileSync } from "node:fs";
import { DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_MAX_TRANSACTION_MS, type SmtpReceiverOptions } from "./create-smtp-receiver";

export const DEFAULT_SMTP_PORT = 2525;

/**
 * The receiver's settings from the environment, or null when it is disabled (SMTP_PORT=0 or SMTP_DISABLED=1).
 * SMTP_PORT (default 2525), SMTP_HOST (default: all interfaces), SMTP_MAX_SIZE (bytes, default 25 MB),
 * SMTP_TLS_KEY / SMTP_TLS_CERT (PEM files; STARTTLS is offered only with both), SMTP_MAX_CONNECTIONS (default
 * 100; one more gets 421), SMTP_TRANSACTION_TIMEOUT (seconds one message may take from the previous one's end,
 * default 600), POSTMASTER_FORWARD_TO (where mail to postmaster goes; unset: logged only).
 */
export function receiverConfigFromEnv(env: Record<string, string | undefined> = process.env): SmtpReceiverOptions | null {
  if (["1", "true", "yes"].includes((env.SMTP_DISABLED ?? "").toLowerCase())) return null;
  const port = env.SMTP_PORT === undefined || env.SMTP_PORT === "" ? DEFAULT_SMTP_PORT : Number(env.SMTP_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SMTP_PORT="${env.SMTP_PORT}" is not a port number (0 disables the receiver).`);
  if (port === 0) return null;
  const maxSize = env.SMTP_MAX_SIZE ? Number(env.SMTP_MAX_SIZE) : DEFAULT_MAX_MESSAGE_SIZE;
  if (!Number.isInteger(maxSize) || maxSize < 1024) throw new Error(`SMTP_MAX_SIZE="${env.SMTP_MAX_SIZE}" must be a number of bytes (at least 1024).`);
  const tls = env.SMTP_TLS_KEY && env.SMTP_TLS_CERT ? { key: readFileSync(env.SMTP_TLS_KEY), cert: readFileSync(env.SMTP_TLS_CERT) } : undefined;
  const maxConnections = env.SMTP_MAX_CONNECTIONS ? Number(env.SMTP_MAX_CONNECTIONS) : DEFAULT_MAX_CONNECTIONS;
  if (!Number.isInteger(maxConnections) || maxConnections < 1) throw new Error(`SMTP_MAX_CONNECTIONS="${env.SMTP_MAX_CONNECTIONS}" must be a whole number of connections (at least 1).`);
  const transactionSeconds = env.SMTP_TRANSACTION_TIMEOUT ? Number(env.SMTP_TRANSACTION_TIMEOUT) : DEFAULT_MAX_TRANSACTION_MS / 1000;
  if (!Number.isFinite(transactionSeconds) || transactionSeconds < 10) throw new Error(`SMTP_TRANSACTION_TIMEOUT="${env.SMTP_TRANSACTION_TIMEOUT}" must be a number of seconds (at least 10).`);
  const postmaster = { forwardTo: env.POSTMASTER_FORWARD_TO?.trim() || null };
  return { port, host: env.SMTP_HOST || undefined, maxSize, tls, maxConnections, maxTransactionMs: transactionSeconds * 1000, postmaster };
}
