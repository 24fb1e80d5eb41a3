import { platformMessageHeaders, VERIFICATION_HEADER } from "@/lib/inbound/platform-headers";
import { verificationMessageContent } from "./verification-message-content";
import { outboundSender, outboundTransport } from "./outbound-mail";

export type VerificationMessage = { to: string; alias: string; token: string; timeoutMs: number; platformName: string; locale?: string; timeZone?: string };

/**
 * R22: the test message, to the mailbox's real address, through OUTBOUND_SMTP_URL. It carries its single-use
 * token in a header, the subject and the body (a provider may drop unknown headers when forwarding), and is
 * marked as automatic (Auto-Submitted, loop header: R24) so that nobody's auto-responder answers it.
 */
export async function sendVerificationMessage(url: string, m: VerificationMessage): Promise<{ messageId: string }> {
  const transport = outboundTransport(url);
  try {
    const info = await transport.sendMail({
      from: outboundSender(),
      to: m.to,
      headers: { ...platformMessageHeaders(), [VERIFICATION_HEADER]: m.token },
      ...verificationMessageContent(m),
    });
    return { messageId: info.messageId };
  } finally {
    transport.close();
  }
}
