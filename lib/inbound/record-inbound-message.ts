import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db";
import type { InboundMessageFacts } from "./parse-inbound-message";

export type RecordedFor = { mailboxId: string; recorded: boolean; duplicate: boolean; verified: boolean };

/**
 * Records a received message for each mailbox whose alias it was sent to (R21), atomically, in ONE statement
 * (one round trip, so the mailbox row is locked for the shortest time when many messages reach one mailbox):
 * - the unique (mailbox_id, message_id) constraint drops a second copy (R24: insert … on conflict do nothing),
 *   which is what makes several receivers on one database safe;
 * - the mailbox's last received time and sender follow its newest recorded message (a duplicate records
 *   nothing, so changes nothing; an older message committed late does not overwrite a newer one);
 * - a test message's single-use token completes its verification, once, and for its own mailbox only: a token
 *   arriving at another mailbox's alias proves that the rule points elsewhere (R22). A late arrival still
 *   counts: the rule works, only slowly (the derived status turns from failed to verified).
 */
export async function recordInboundMessage(
  db: Db,
  params: { recipients: { mailboxId: string; orgId: string }[]; message: InboundMessageFacts },
): Promise<RecordedFor[]> {
  const { message: m } = params;
  const recipients = [...new Map(params.recipients.map((r) => [r.mailboxId, r])).values()];
  if (recipients.length === 0) return [];
  const from = m.headerFromAddress ?? m.envelopeFrom;
  const input = sql.join(
    recipients.map((r) => sql`(${r.mailboxId}::uuid, ${r.orgId}::uuid)`),
    sql`, `,
  );
  // R25: a token verifies only the rule of the address it was sent to, and only while the mailbox still has
  // that address: a late test message for an older address verifies nothing.
  const verification: SQL = m.verificationTokens.length
    ? sql`update forwarding_verification v
            set verified_at = coalesce((select ins.received_at from ins where ins.mailbox_id = v.mailbox_id), now())
          from input
          where v.mailbox_id = input.mailbox_id and v.org_id = input.org_id and v.verified_at is null
            and v.token in ${m.verificationTokens}
            and v.address = (select mb.local_part || '@' || d.domain from mailbox mb join email_domain d on d.id = mb.domain_id
                             where mb.id = v.mailbox_id and mb.org_id = v.org_id)
          returning v.mailbox_id, v.org_id, v.address, v.requested_at, v.verified_at`
    : sql`select null::uuid as mailbox_id, null::uuid as org_id, null::text as address, null::timestamptz as requested_at, null::timestamptz as verified_at where false`;
  const isCustomer = m.kind === "customer";
  const result = await db.execute(sql`
    with input(mailbox_id, org_id) as (values ${input}),
    ins as (
      insert into inbound_message (org_id, mailbox_id, envelope_from, header_from, subject, message_id, size_bytes,
                                   auto_submitted, kind, provider_auth, confirmation_provider, confirmation_code, confirmation_url)
      select org_id, mailbox_id, ${m.envelopeFrom}, ${m.headerFrom}, ${m.subject}, ${m.messageId}, ${m.sizeBytes},
             ${m.autoSubmitted}, ${m.kind}, ${m.providerAuth}, ${m.confirmation?.provider ?? null}, ${m.confirmation?.code ?? null}, ${m.confirmation?.url ?? null}
      from input
      on conflict (mailbox_id, message_id) do nothing
      returning mailbox_id, org_id, received_at
    ),
    last_received as (
      update mailbox mb set last_received_at = ins.received_at, last_received_from = ${from},
        last_customer_mail_at = case when ${isCustomer} then ins.received_at else mb.last_customer_mail_at end,
        last_customer_mail_from = case when ${isCustomer} then ${from} else mb.last_customer_mail_from end
      from ins
      where mb.id = ins.mailbox_id and mb.org_id = ins.org_id
        and (mb.last_received_at is null or mb.last_received_at <= ins.received_at)
      returning mb.id
    ),
    verified as (${verification}),
    -- R19: the outcome in the history, in the same statement as the verification itself.
    verified_event as (
      insert into audit_event (org_id, actor_id, action, entity_type, entity_id, entity_label, changes)
      select verified.org_id, null, 'mailbox.verification_verified', 'mailbox', verified.mailbox_id::text, verified.address,
             jsonb_build_object('why', jsonb_build_object('from', null, 'to',
               'the test message sent to ' || verified.address || ' came back through the alias after ' ||
               greatest(1, round(extract(epoch from verified.verified_at - verified.requested_at)))::int || ' s'))
      from verified
      returning 1
    )
    select input.mailbox_id::text as "mailboxId",
           exists (select 1 from ins where ins.mailbox_id = input.mailbox_id) as "recorded",
           exists (select 1 from verified where verified.mailbox_id = input.mailbox_id) as "verified",
           (select count(*) from last_received)::int as "updated",
           (select count(*) from verified_event)::int as "events"
    from input`);
  return rowsOf<{ mailboxId: string; recorded: boolean; verified: boolean }>(result).map((r) => ({
    mailboxId: r.mailboxId,
    recorded: r.recorded,
    duplicate: !r.recorded,
    verified: r.verified,
  }));
}
