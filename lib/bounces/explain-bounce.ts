// R27: what a bounce of a test message means. A bounce is stored as a CODE (its kind) with its parameter (the
// provider's status line); its title is rendered through the catalogues in the reader's language
// (lib/i18n/catalogues: `bounce.<kind>`), and S4 adds the English help below, next to the provider's status line.
import { en } from "@/lib/i18n/catalogues/en";

// The kinds are failure codes of the mailbox's state (stored, rendered through the catalogues): defined there.
import { BOUNCE_KINDS, type BounceKind } from "@/lib/mailbox-state/failure-reason";
export { BOUNCE_KINDS, type BounceKind };

export const MICROSOFT_FORWARDING_DOCS =
  "https://learn.microsoft.com/en-us/defender-office-365/outbound-spam-policies-external-email-forwarding";

/** S4's help for each kind (English, the Maker's language); the titles are in the catalogues. */
export const BOUNCE_HELP: Record<BounceKind, { text: string; link?: { href: string; label: string } }> = {
  m365_forwarding_blocked: {
    text:
      "Your Microsoft 365 outbound spam filter policy does not allow automatic forwarding to external addresses (the default). " +
      "A Microsoft 365 administrator opens Microsoft Defender > Email & collaboration > Policies & rules > Threat policies > " +
      "Anti-spam policies, edits the outbound policy that applies to this mailbox (the default one, or a custom one for it), " +
      "sets “Automatic forwarding rules” to “On - Forwarding is enabled”, saves, and then you verify again.",
    link: { href: MICROSOFT_FORWARDING_DOCS, label: "Microsoft's documentation on external forwarding" },
  },
  m365_spam_block: {
    text:
      "Microsoft 365 stopped the forwarded message because it judged it to be spam or the sending account to be restricted " +
      "(AS(4810)). This is not the external forwarding policy: check the restricted entities and quarantine in Microsoft Defender, " +
      "then verify again.",
  },
  mailbox_unknown: {
    text: "The provider says that the address does not exist (5.1.1): check the spelling of the mailbox's address, and that the forwarding rule points at the alias exactly.",
  },
  quota: {
    text: "The provider refused the message because the mailbox is over its quota (5.2.2). Free space or raise the quota, then verify again.",
  },
  relay_denied: {
    text:
      "A server on the way refused the message (relay access denied): the address's domain is not accepted by the server that " +
      "received it (check its MX records and accepted domains), or a rule blocks the platform's mail.",
  },
  unrecognised: {
    text: "The message did not reach the alias. The provider's status line below says why.",
  },
};

/** The kind of a bounce from its enhanced status code and its text. */
export function classifyBounce(status: string, line: string): BounceKind {
  const asCode = /AS\((\d{3,5})\)/i.exec(line)?.[1];
  if (status === "5.7.520" && asCode === "7555") return "m365_forwarding_blocked";
  if (status === "5.7.520" && asCode === "4810") return "m365_spam_block";
  if (/^5\.1\.(1|10)$/.test(status)) return "mailbox_unknown";
  if (status === "5.2.2" || status === "4.2.2") return "quota";
  if (status === "5.7.1" || status === "5.4.1")
    return /relay|access denied|not permitted/i.test(line) || status === "5.4.1" ? "relay_denied" : "unrecognised";
  return "unrecognised";
}

/** A bounce as a code with its parameter, as stored (forwarding_verification.bounce_kind, bounce_status). */
export type BounceCode = { code: BounceKind; params: { status: string | null } };
export function bounceCode(kind: string | null, status: string | null = null): BounceCode {
  const code = (BOUNCE_KINDS as readonly string[]).includes(kind ?? "") ? (kind as BounceKind) : "unrecognised";
  return { code, params: { status } };
}

/** S4's explanation of a stored bounce: its title through the English catalogue, and the help to act on it. */
export function bounceExplanation(kind: string | null) {
  const { code } = bounceCode(kind);
  return { kind: code, title: en.bounce[code], ...BOUNCE_HELP[code] };
}
