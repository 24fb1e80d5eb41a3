import { formatMessageTime, translator } from "@/lib/i18n/translator";

/**
 * The test message's subject and text (R22, R30), in the mailbox's language with its times in the mailbox's
 * timezone, zone named. The token is in the subject and the body (a provider may drop unknown headers).
 */
export function verificationMessageContent(m: {
  to: string;
  alias: string;
  token: string;
  timeoutMs: number;
  platformName: string;
  locale?: string;
  timeZone?: string;
}): { subject: string; text: string } {
  const t = translator(m.locale);
  const zone = m.timeZone ?? "UTC";
  const sent = new Date();
  const v = { platform: m.platformName, address: m.to, alias: m.alias, token: m.token };
  return {
    subject: t("verification.subject", v),
    text: [
      t("verification.intro", v),
      "",
      t("verification.purpose", v),
      t("verification.deadline", {
        ...v,
        deadline: formatMessageTime(new Date(sent.getTime() + m.timeoutMs), m.locale, zone),
      }),
      t("verification.sentAt", { sentAt: formatMessageTime(sent, m.locale, zone) }),
      "",
      t("verification.token", v),
    ].join("\r\n"),
  };
}
