// R23: Gmail's forwarding confirmation, which Gmail sends to the alias when someone adds it as a forwarding
// address. The administrator needs its code and link to finish Gmail's setup, so S4 shows them.
//
// It is recognised only when every part has Gmail's format, so that a look-alike cannot put its own link
// in front of the administrator: From forwarding-noreply@google.com; subject
// "(#<code>) Gmail Forwarding Confirmation - Receive Mail from <address>"; the body's
// "Confirmation code: <code>" equal to the subject's; and a confirmation link on https://mail.google.com,
// https://mail-settings.google.com or https://isolated.mail.google.com whose path starts /mail/vf-
// (Gmail's cancel link, /mail/uf-, is never taken).

export type ProviderConfirmation = {
  provider: "gmail";
  code: string;
  url: string;
  /** The Gmail address that asked to forward to the alias. */
  requestedBy: string | null;
};

export const GMAIL_CONFIRMATION_SENDER = "forwarding-noreply@google.com";
const GMAIL_HOSTS = new Set(["mail.google.com", "mail-settings.google.com", "isolated.mail.google.com"]);
const SUBJECT = /^\(#(\d{6,12})\)\s+Gmail Forwarding Confirmation\s+-\s+Receive (?:Mail|Messages) from\s+(\S+@\S+)\s*$/i;
const CODE_LINE = /^\s*Confirmation code:\s*(\d{6,12})\s*$/im;
const URL_CANDIDATES = /https:\/\/[^\s<>"')\]]+/gi;

export function parseGmailConfirmation(message: {
  fromAddress: string | null | undefined;
  subject: string | null | undefined;
  text: string | null | undefined;
}): ProviderConfirmation | null {
  if ((message.fromAddress ?? "").trim().toLowerCase() !== GMAIL_CONFIRMATION_SENDER) return null;
  const subject = SUBJECT.exec((message.subject ?? "").replace(/\s+/g, " ").trim());
  if (!subject) return null;
  const text = message.text ?? "";
  const codeLine = CODE_LINE.exec(text);
  if (!codeLine || codeLine[1] !== subject[1]) return null;
  const url = confirmationLink(text);
  if (!url) return null;
  return { provider: "gmail", code: subject[1], url, requestedBy: subject[2].replace(/[<>]/g, "").toLowerCase() };
}

function confirmationLink(text: string): string | null {
  for (const [candidate] of text.matchAll(URL_CANDIDATES)) {
    const cleaned = candidate.replace(/[.,;:]+$/, "");
    let url: URL;
    try {
      url = new URL(cleaned);
    } catch {
      continue;
    }
    if (url.protocol !== "https:" || url.username || url.password || url.port) continue;
    if (!GMAIL_HOSTS.has(url.hostname)) continue;
    if (!/^\/mail\/(?:u\/\d+\/)?vf-[A-Za-z0-9%_.\-[\]]+$/.test(url.pathname)) continue;
    if (cleaned.length > 2000) continue;
    return url.toString();
  }
  return null;
}
