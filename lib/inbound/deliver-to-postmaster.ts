import { platformMailDomain } from "@/lib/alias";
import { describeError } from "./describe-error";
import type { InboundMessageFacts } from "./message-facts";

/** Mail to postmaster is forwarded whole; larger mail to postmaster is refused. */
export const POSTMASTER_MAX_BYTES = 1024 * 1024;

export type PostmasterDelivery = {
  /** POSTMASTER_FORWARD_TO: the operator's address; null records (logs) postmaster mail only. */
  forwardTo: string | null;
  /** Sends the message on (default: through OUTBOUND_SMTP_URL). Throws when it cannot: the sender gets 451. */
  send?: (envelope: { from: string; to: string }, raw: Buffer) => Promise<void>;
};

type Log = { info: (line: string) => void; error: (line: string) => void };

/** RFC 5321 4.5.1: "postmaster" alone, or at the platform's mail domain or one of its subdomains (alias hosts). */
export function isPostmasterAddress(address: string): boolean {
  const [local, domain, ...more] = address.trim().toLowerCase().split("@");
  if (local !== "postmaster" || more.length) return false;
  if (domain === undefined) return true;
  const platform = platformMailDomain();
  return domain === platform || domain.endsWith(`.${platform}`);
}

async function defaultPostmasterSend(envelope: { from: string; to: string }, raw: Buffer): Promise<void> {
  // Loaded on first use: outbound mail is a rare path of the receiver.
  const { outboundSmtpUrl, outboundTransport } = await import("@/lib/mail/outbound-mail");
  const url = outboundSmtpUrl();
  if (!url) throw new Error("OUTBOUND_SMTP_URL is not set");
  const transport = outboundTransport(url);
  try {
    await transport.sendMail({ envelope, raw });
  } finally {
    transport.close();
  }
}

/**
 * Passes mail to postmaster on to the operator (RFC 5321 4.5.1), or logs it when no address is set. False when it
 * could not be passed on: the sender is then told to try again (451), so that nothing sent to postmaster is lost.
 */
export async function deliverToPostmaster(
  postmaster: PostmasterDelivery,
  facts: InboundMessageFacts,
  raw: Buffer,
  log: Log,
): Promise<boolean> {
  const what = `from ${facts.envelopeFrom ?? "<>"} (header From ${facts.headerFrom ?? "none"}), subject "${facts.subject ?? ""}", ${facts.messageId}, ${facts.sizeBytes} bytes`;
  if (!postmaster.forwardTo) {
    log.info(`[smtp] Mail to postmaster ${what}. POSTMASTER_FORWARD_TO is not set: recorded in this log only.`);
    return true;
  }
  try {
    await (postmaster.send ?? defaultPostmasterSend)(
      { from: `postmaster@${platformMailDomain()}`, to: postmaster.forwardTo },
      raw,
    );
    log.info(`[smtp] Mail to postmaster ${what}: passed on to ${postmaster.forwardTo}.`);
    return true;
  } catch (e) {
    log.error(
      `[smtp] Mail to postmaster ${what} could not be passed on to ${postmaster.forwardTo} (${describeError(e)}): replied 451.`,
    );
    return false;
  }
}
