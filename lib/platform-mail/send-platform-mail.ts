import "server-only";
import { AppError } from "@/lib/errors";
import { isDemoMailDomain } from "@/lib/demo/demo-domains";
import { outboundSender, outboundSmtpUrl, outboundTransport } from "@/lib/mail/outbound-mail";
import { platformMessageHeaders } from "@/lib/mail/platform-headers";

/** A message the platform itself sends (test messages, alerts). */
export type PlatformMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  envelopeFrom?: string;
};

export const PLATFORM_MAIL_UNAVAILABLE =
  "The platform administrator has not enabled outgoing messages yet, so the platform cannot send mail to this address.";

/**
 * How the platform's own mail reaches `to`: through OUTBOUND_SMTP_URL when it is set; otherwise, for the demo
 * organisation's domains only, through the built-in simulated mail provider; otherwise nothing can send to it.
 */
export function platformMailRoute(to: string): "smtp" | "demo" | null {
  if (outboundSmtpUrl()) return "smtp";
  if (isDemoMailDomain(to)) return "demo";
  return null;
}

let warnedUnconfigured = false;
/** The operator's side of a missing OUTBOUND_SMTP_URL: one server log line, not the tenant's page. */
export function logOutboundNotConfigured(): void {
  if (warnedUnconfigured) return;
  warnedUnconfigured = true;
  console.warn(
    "[mail] OUTBOUND_SMTP_URL is not set: the platform cannot send its own mail (forwarding test messages, alerts) " +
      "except to the demo organisation's simulated provider. Set it to your outgoing mail server, e.g. " +
      "smtp://user:password@smtp.example.com:587, and restart.",
  );
}

/**
 * Sends one of the platform's own messages, marked automatic with the loop header (R24), with `envelopeFrom`
 * as the envelope sender when given (R27: bounces come back to it). Throws AppError when no route exists, and
 * the transport's error when the outbound server refuses (callers explain it).
 */
export async function sendPlatformMail(m: PlatformMail): Promise<{ messageId: string; via: "smtp" | "demo" }> {
  const route = platformMailRoute(m.to);
  if (!route) {
    logOutboundNotConfigured();
    throw new AppError("INVALID", PLATFORM_MAIL_UNAVAILABLE);
  }
  const message = {
    from: outboundSender(),
    to: m.to,
    subject: m.subject,
    text: m.text,
    ...(m.html ? { html: m.html } : {}),
    headers: { ...platformMessageHeaders(), ...m.headers },
    ...(m.envelopeFrom ? { envelope: { from: m.envelopeFrom, to: [m.to] } } : {}),
  };
  if (route === "demo") {
    const { deliverToDemoProvider } = await import("@/lib/demo-provider/deliver-to-demo-provider");
    const { messageId } = await deliverToDemoProvider(message);
    return { messageId, via: "demo" };
  }
  const transport = outboundTransport(outboundSmtpUrl()!);
  try {
    const info = await transport.sendMail(message);
    return { messageId: info.messageId, via: "smtp" };
  } finally {
    transport.close();
  }
}
