import { formatDuration } from "./verify-timeout";

/**
 * The subject and text of R22's test message: the ONE place its words are written. The token is in the subject
 * and the text (a provider may drop unknown headers when forwarding). English for now.
 */
export function verificationMessageContent(p: {
  to: string;
  alias: string;
  token: string;
  timeoutMs: number;
  platformName: string;
  locale?: string;
  timeZone?: string;
}): { subject: string; text: string } {
  return {
    subject: `${p.platformName} forwarding check for ${p.to} [${p.token}]`,
    text: [
      `This is an automatic message from ${p.platformName}: you can ignore it.`,
      "",
      `It checks that mail sent to ${p.to} is forwarded to ${p.alias}.`,
      `If it comes back through that alias within ${formatDuration(p.timeoutMs)}, the mailbox shows "Forwarding verified".`,
      "",
      `Verification token: ${p.token}`,
    ].join("\r\n"),
  };
}
