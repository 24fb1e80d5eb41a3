import "server-only";
import { sendPlatformMail } from "@/lib/platform-mail/send-platform-mail";
import { VERIFICATION_HEADER } from "@/lib/mail/platform-headers";
import { bounceAddress } from "@/lib/bounces/bounce-address";
import { verificationMessageContent } from "./verification-message-content";

export type VerificationMessage = {
  to: string;
  alias: string;
  token: string;
  timeoutMs: number;
  platformName: string;
  automatic?: boolean;
  locale?: string;
  timeZone?: string;
};

/**
 * R22: the test message, to the mailbox's real address. It carries its single-use token in a header, the subject
 * and the body, is marked automatic (R24), and its envelope sender is bounce+<token>@<platform mail domain> so
 * that a provider's bounce comes back to the receiver and fails the verification at once (R27).
 */
export async function sendVerificationMessage(
  m: VerificationMessage,
): Promise<{ messageId: string; via: "smtp" | "demo" }> {
  const content = verificationMessageContent(m);
  return sendPlatformMail({
    to: m.to,
    subject: content.subject,
    text: content.text,
    headers: { [VERIFICATION_HEADER]: m.token },
    envelopeFrom: bounceAddress(m.token),
  });
}
