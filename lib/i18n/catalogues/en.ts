// Automated messages in English (R30). Every other catalogue has exactly these keys (lib/i18n/i18n.test.ts).
export const en = {
  verification: {
    subject: "{{platform}} forwarding check for {{address}} [{{token}}]",
    intro: "This is an automatic message from {{platform}}: you can ignore it.",
    purpose: "It checks that mail sent to {{address}} is forwarded to {{alias}}.",
    deadline: 'If it comes back through that alias before {{deadline}}, the mailbox shows "Forwarding verified".',
    sentAt: "Sent on {{sentAt}}.",
    token: "Verification token: {{token}}",
  },
  alert: {
    openedSubject: "Action needed: mail to {{address}} may not be reaching {{platform}}",
    openedIntro: "The mailbox {{name}} ({{address}}) needs attention.",
    seen: "What we saw:",
    todo: "What to do:",
    causeVerificationFailed:
      "The forwarding check of {{at}} failed: the test message sent to {{address}} did not come back through {{alias}}.",
    causeReason: "The provider answered: {{reason}}",
    causeSilent:
      "No mail has arrived since {{since}}, much longer than this mailbox usually waits between two messages.",
    causeConfirmation: "Gmail is waiting for someone to confirm the forwarding to {{alias}}.",
    todoRule:
      'In your email provider, check that mail to {{address}} is forwarded to {{alias}}, then click "Verify forwarding" on the mailbox\'s page.',
    todoConfirmation: 'Open the confirmation link shown on the mailbox\'s page, then click "Verify forwarding".',
    link: "Mailbox page: {{url}}",
    footer:
      "You receive this email as an administrator of {{org}} on {{platform}}. You will get one more email when the mailbox works again, and no other alert about this incident.",
    recoveredSubject: "Resolved: mail to {{address}} reaches {{platform}} again",
    recoveredIntro: "The mailbox {{name}} ({{address}}) works again: its forwarding was verified on {{at}}.",
    recoveredDuration: "It needed attention from {{openedAt}} until {{resolvedAt}}.",
    recoveredFooter: "You receive this email as an administrator of {{org}} on {{platform}}.",
    digestSubject: "Action needed: {{count}} mailboxes may not be receiving mail",
    digestIntro: "{{count}} mailboxes of {{org}} need attention:",
    digestRecoveredSubject: "Resolved: {{count}} mailboxes receive mail again",
    digestRecoveredIntro: "{{count}} mailboxes of {{org}} work again:",
  },
  // Why a verification failed (codes stored in the database, lib/mailbox-state/failure-reason.ts).
  failure: {
    timed_out: "the test message sent to {{address}} did not come back through the alias within {{timeout}}",
    address_changed: "the mailbox's address changed before the test message sent to {{address}} came back",
    provider_held:
      "the provider held the test message sent to {{address}} until its forwarding confirmation; verify again now that it is confirmed",
  },
  // What a bounce of a test message means (R27), by kind (lib/forwarding/explain-bounce.ts).
  bounce: {
    m365_forwarding_blocked: "Microsoft 365 blocks forwarding to external addresses",
    m365_spam_block: "Microsoft 365 refused the message as spam (not the forwarding policy)",
    mailbox_unknown: "The address does not exist",
    quota: "The mailbox is full",
    relay_denied: "The receiving server refused to take the message",
    unrecognised: "The provider returned the test message",
  },
  domainAlert: {
    brokenSubject: "Action needed: {{platform}} can no longer send as {{domain}}",
    brokenIntro:
      "The DKIM record of {{domain}} has been missing from DNS since {{since}}, so {{platform}} cannot send mail as {{domain}} (for example the replies of your queues).",
    record: "Record to publish: TXT at {{fqdn}}",
    value: "Value: {{value}}",
    todo: 'Publish this record again at your DNS provider, then open the domain\'s set-up and press "Check DNS".',
    link: "Domain set-up: {{url}}",
    recoveredSubject: "{{platform}} can send as {{domain}} again",
    recoveredIntro:
      "The DKIM record of {{domain}} was verified again on {{at}}: {{platform}} can send mail as {{domain}} again.",
    footer: "You receive this email as an administrator of {{org}} on {{platform}}.",
  },
  webhookPaused: {
    subject: "Webhook paused: {{url}} has refused events for 5 days",
    intro:
      "{{platform}} has paused the webhook endpoint {{url}} of {{org}}: every delivery to it has failed since {{since}}.",
    todo: "No events are sent to it while it is paused. Fix the receiver, then resume the endpoint in Settings → Webhooks; failed deliveries can be sent again from its delivery log.",
    link: "Settings: {{url}}",
    footer: "You receive this email as an administrator of {{org}} on {{platform}}.",
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Catalogue = Widen<typeof en>;
