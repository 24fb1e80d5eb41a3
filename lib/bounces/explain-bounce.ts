// R27: what a bounce of a test message means, in words an administrator can act on. The provider's own status
// line is always shown beside it.
export const BOUNCE_KINDS = ["m365_forwarding_blocked", "m365_spam_block", "mailbox_unknown", "quota", "relay_denied", "unrecognised"] as const;
export type BounceKind = (typeof BOUNCE_KINDS)[number];

export const MICROSOFT_FORWARDING_DOCS = "https://learn.microsoft.com/en-us/defender-office-365/outbound-spam-policies-external-email-forwarding";

export const BOUNCE_EXPLANATION: Record<BounceKind, { title: string; text: string; link?: { href: string; label: string } }> = {
  m365_forwarding_blocked: {
    title: "Microsoft 365 blocks forwarding to external addresses",
    text:
      "Your Microsoft 365 outbound spam filter policy does not allow automatic forwarding to external addresses (the default). " +
      "A Microsoft 365 administrator opens Microsoft Defender > Email & collaboration > Policies & rules > Threat policies > " +
      "Anti-spam policies, edits the outbound policy that applies to this mailbox (the default one, or a custom one for it), " +
      "sets “Automatic forwarding rules” to “On - Forwarding is enabled”, saves, and then you verify again.",
    link: { href: MICROSOFT_FORWARDING_DOCS, label: "Microsoft's documentation on external forwarding" },
  },
  m365_spam_block: {
    title: "Microsoft 365 refused the message as spam (not the forwarding policy)",
    text:
      "Microsoft 365 stopped the forwarded message because it judged it to be spam or the sending account to be restricted " +
      "(AS(4810)). This is not the external forwarding policy: check the restricted entities and quarantine in Microsoft Defender, " +
      "then verify again.",
  },
  mailbox_unknown: {
    title: "The address does not exist",
    text: "The provider says that the address does not exist (5.1.1): check the spelling of the mailbox's address, and that the forwarding rule points at the alias exactly.",
  },
  quota: {
    title: "The mailbox is full",
    text: "The provider refused the message because the mailbox is over its quota (5.2.2). Free space or raise the quota, then verify again.",
  },
  relay_denied: {
    title: "The receiving server refused to take the message",
    text:
      "A server on the way refused the message (relay access denied): the address's domain is not accepted by the server that " +
      "received it (check its MX records and accepted domains), or a rule blocks the platform's mail.",
  },
  unrecognised: {
    title: "The provider returned the test message",
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
  if (status === "5.7.1" || status === "5.4.1") return /relay|access denied|not permitted/i.test(line) || status === "5.4.1" ? "relay_denied" : "unrecognised";
  return "unrecognised";
}

export function bounceExplanation(kind: string | null) {
  return BOUNCE_EXPLANATION[(BOUNCE_KINDS as readonly string[]).includes(kind ?? "") ? (kind as BounceKind) : "unrecognised"];
}
