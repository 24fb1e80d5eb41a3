// R23, R28: Gmail's forwarding confirmation, which Gmail sends to the alias when someone adds it as a forwarding
// address. The administrator needs its link (and code, in the older format) to finish Gmail's setup.
//
// Gmail has sent it in several formats: the 2020-era English one with "(#<code>) Gmail Forwarding Confirmation -
// Receive Mail from <address>" and a "Confirmation code:" line; the current one without any code, subject
// "(Gmail Forwarding Confirmation - Receive Mail from <address>" and an X-Google-Address-Confirmation header;
// and both in the Gmail user's language (localised subject and body, often base64 and RFC 2047 encoded).
// This file recognises the SHAPE (sender, the word Gmail in the subject, a confirmation link); whether it is
// authentic is decided by its DKIM signature for google.com (verify-provider-dkim.ts), never by the shape.

export type ProviderConfirmation = {
  provider: "gmail";
  /** Only the older format has a code. */
  code: string | null;
  /** Gmail's confirmation link, its path only (no query string, no fragment). */
  url: string;
  /** The Gmail address that asked to forward to the alias. */
  requestedBy: string | null;
  /**
   * The forwarding address (the alias) this confirmation is for: the message's single To address, which its
   * X-Google-Address-Confirmation header (when present) must name too; null when they disagree.
   * It counts only for that alias (bind-confirmation.ts).
   */
  forwardTo: string | null;
};

export const GMAIL_CONFIRMATION_SENDER = "forwarding-noreply@google.com";
const GMAIL_HOSTS = new Set(["mail.google.com", "mail-settings.google.com", "isolated.mail.google.com"]);
const URL_CANDIDATES = /https:\/\/[^\s<>"'\])]+/gi;
const SUBJECT_CODE = /\(#\s*(\d{6,12})\)/;
const ADDRESS = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/** Whether a message could be Gmail's confirmation (worth a DKIM check): its sender, before any content. */
export function mayBeGmailConfirmation(fromAddress: string | null | undefined): boolean {
  return (fromAddress ?? "").trim().toLowerCase() === GMAIL_CONFIRMATION_SENDER;
}

export function parseGmailConfirmation(message: {
  fromAddress: string | null | undefined;
  subject: string | null | undefined;
  text: string | null | undefined;
  html?: string | null;
  /** The To header's addresses and the X-Google-Address-Confirmation header, when known. */
  to?: string[];
  addressConfirmation?: string | null;
}): ProviderConfirmation | null {
  if (!mayBeGmailConfirmation(message.fromAddress)) return null;
  const subject = (message.subject ?? "").replace(/\s+/g, " ").trim();
  if (!/gmail/i.test(subject)) return null;
  const text = message.text ?? "";
  const url = confirmationLink(`${text}\n${message.html ?? ""}`);
  if (!url) return null;
  // The older format: the subject's code must be the body's too (a look-alike rarely gets both right).
  const code = SUBJECT_CODE.exec(subject)?.[1] ?? null;
  if (code && !new RegExp(`(^|\\D)${code}(\\D|$)`).test(text)) return null;
  const requestedBy = ADDRESS.exec(subject.replace(/\s*\)?\s*$/, ""))?.[0].toLowerCase() ?? null;
  return { provider: "gmail", code, url, requestedBy, forwardTo: forwardingAddress(message) };
}

function forwardingAddress(message: { to?: string[]; addressConfirmation?: string | null }): string | null {
  const to = (message.to ?? []).map((a) => a.trim().toLowerCase()).filter(Boolean);
  if (to.length !== 1) return null;
  const named = message.addressConfirmation?.trim().toLowerCase();
  if (named && named !== to[0]) return null;
  return to[0];
}

function confirmationLink(text: string): string | null {
  for (const [candidate] of text.matchAll(URL_CANDIDATES)) {
    const cleaned = candidate.replace(/&amp;/g, "&").replace(/[.,;:]+$/, "");
    if (cleaned.length > 2000) continue;
    let url: URL;
    try {
      url = new URL(cleaned);
    } catch {
      continue;
    }
    if (url.protocol !== "https:" || url.username || url.password || url.port) continue;
    if (!GMAIL_HOSTS.has(url.hostname)) continue;
    if (!/^\/mail\/(?:u\/\d+\/)?vf-[A-Za-z0-9%_.\-[\]]+$/.test(url.pathname)) continue;
    return `${url.origin}${url.pathname}`;
  }
  return null;
}
