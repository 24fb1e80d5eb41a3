import { platformMessageHeaders, VERIFICATION_HEADER } from "@/lib/inbound/platform-headers";
import { formatDuration } from "./verify-timeout";
import { outboundSender, outboundTransport } from "./outbound-mail";

export type VerificationMessage = { to: string; alias: string; token: string; timeoutMs: number; platformName: string };

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
      subject: `${m.platformName} forwarding check for ${m.to} [${m.token}]`,
      headers: { ...platformMessageHeaders(), [VERIFICATION_HEADER]: m.token },
      text: [
        `This is an automatic message from ${m.platformName}: you can ignore it.`,
        "",
        `It checks that mail sent to ${m.to} is forwarded to ${m.alias}.`,
        `If it comes back through that alias within ${formatDuration(m.timeoutMs)}, the mailbox shows "Forwarding verified".`,
        "",
        `Verification token: ${m.token}`,
      ].join("\r\n"),
    });
    return { messageId: info.messageId };
  } finally {
    transport.close();
  }
}
