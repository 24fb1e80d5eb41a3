import { createTransport } from "nodemailer";
import { config, type Config } from "@/lib/config";

// The platform's own outgoing mail (R22's test message) goes through the SMTP server named by OUTBOUND_SMTP_URL,
// e.g. smtp://user:password@smtp.example.com:587 or smtps://…:465 (nodemailer's connection URL).

export function outboundSmtpUrl(c: Config = config()): string | null {
  return c.OUTBOUND_SMTP_URL ?? null;
}

/**
 * The sender of the platform's messages: OUTBOUND_MAIL_FROM, or "<platform name>" <no-reply@<platform mail domain>>.
 */
export function outboundSender(c: Config = config()): string {
  if (c.OUTBOUND_MAIL_FROM) return c.OUTBOUND_MAIL_FROM;
  const name = c.PLATFORM_NAME.replace(/["\\\r\n]/g, "");
  return `"${name}" <no-reply@${c.PLATFORM_MAIL_DOMAIN}>`;
}

/**
 * A transport to OUTBOUND_SMTP_URL, read by nodemailer itself (its query parameters, e.g. ?ignoreTLS=true or
 * ?tls.rejectUnauthorized=false, apply), with short timeouts so that a dead server fails the click in seconds.
 */
export function outboundTransport(url: string) {
  return createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
}

/** What went wrong when sending, in words an administrator can act on (never a stack trace). */
export function describeSendError(e: unknown, url: string): string {
  const err = e as { code?: string; response?: string; responseCode?: number; message?: string };
  let where = "the outbound server";
  try {
    const u = new URL(url);
    where = `the outbound server ${u.hostname}${u.port ? `:${u.port}` : ""}`;
  } catch {}
  if (err?.code === "EAUTH") return `${where} refused the user name and password of OUTBOUND_SMTP_URL.`;
  if (err?.response) return `${where} refused the message: ${err.response.replace(/\s+/g, " ").slice(0, 300)}`;
  if (err?.code && ["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNREFUSED"].includes(err.code)) {
    return `${where} could not be reached (${err.code}). Check OUTBOUND_SMTP_URL.`;
  }
  if (err?.code === "ETLS") return `${where} could not set up TLS (${(err.message ?? "").slice(0, 200)}).`;
  return `${where} did not take the message${err?.code ? ` (${err.code})` : ""}.`;
}
