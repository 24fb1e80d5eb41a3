import { outboundSender, outboundSmtpUrl, outboundTransport } from "@/lib/forwarding/outbound-mail";
import { platformMessageHeaders } from "@/lib/inbound/platform-headers";

// STAND-IN for helper "fwd"'s module (issue 9 contract): the lead keeps fwd's real implementation at merge.
// Here: the platform's own mail through OUTBOUND_SMTP_URL only (no simulated demo provider).

export type PlatformMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  envelopeFrom?: string;
};

export function platformMailRoute(to: string): "smtp" | "demo" | null {
  void to;
  return outboundSmtpUrl() ? "smtp" : null;
}

export async function sendPlatformMail(m: PlatformMail): Promise<{ messageId: string; via: "smtp" | "demo" }> {
  const url = outboundSmtpUrl();
  if (!url) throw new Error("OUTBOUND_SMTP_URL is not set: the platform cannot send mail.");
  const transport = outboundTransport(url);
  try {
    const info = await transport.sendMail({
      from: outboundSender(),
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
      headers: { ...platformMessageHeaders(), ...m.headers },
      envelope: m.envelopeFrom ? { from: m.envelopeFrom, to: m.to } : undefined,
    });
    return { messageId: info.messageId, via: "smtp" };
  } finally {
    transport.close();
  }
}
