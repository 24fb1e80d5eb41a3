import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { rowsFrom } from "@/db/rows";
import { WEBHOOK_DUE_CHANNEL } from "@/lib/webhook-events/record-webhook-event";
import type { InboundMessageFacts } from "./message-facts";
import { mailboxAddressSql } from "@/lib/address-sql";

export type RecordRequest = { recipients: { mailboxId: string; orgId: string }[]; message: InboundMessageFacts };
export type RecordedFor = { mailboxId: string; recorded: boolean; duplicate: boolean; verified: boolean };
/** Why a mailbox accepted at RCPT TO took nothing at the end of DATA: it was deleted or deactivated in between. */
export type RefusedFor = { mailboxId: string; reason: "deleted" | "inactive" };
export type RecordOutcome = {
  /** One per distinct mailbox of the request. */
  results: RecordedFor[];
  /** Mailboxes deleted or deactivated since RCPT TO. When any, NOTHING of the message was recorded (see below). */
  refused: RefusedFor[];
};

/**
 * Records received messages, each for every mailbox whose alias it was sent to (R21), in ONE statement for the
 * whole batch (one round trip, one commit: the receiver's group commit hands it every message whose DATA ended
 * while the previous batch was being written). For each message, exactly what recording it alone would do:
 * - the unique (mailbox_id, message_id) constraint drops a second copy (R24: insert … on conflict do nothing),
 *   which is what makes several receivers on one database safe; a second copy in the same batch is a duplicate too;
 * - a message is recorded only if every mailbox it was accepted for still exists and is active: a mailbox
 *   deactivated or deleted since RCPT TO (on this instance or another) gets nothing, and the message is not recorded
 *   for the others either, so that the caller can answer for the whole message (5xx, or 4xx and a retry that is
 *   refused per recipient at RCPT TO) and nothing is lost without the sender knowing;
 * - the mailbox's last received time and sender follow its newest recorded message (a duplicate records
 *   nothing, so changes nothing; an older message committed late does not overwrite a newer one; within a batch,
 *   all rows have the same received_at, the later message wins);
 * - a test message's single-use token completes its verification, once, and for its own mailbox only: a token
 *   arriving at another mailbox's alias proves that the rule points elsewhere (R22). A late arrival still
 *   counts: the rule works, only slowly (the derived status turns from failed to verified).
 * The batch goes as three JSON parameters, so the statement's text is the same for any batch (prepared once per
 * connection, no per-message SQL building).
 */
export async function recordInboundMessages(db: Db, requests: RecordRequest[]): Promise<RecordOutcome[]> {
  const messages: Record<string, unknown>[] = [];
  const recipients: { k: number; n: number; mailbox_id: string; org_id: string }[] = [];
  const tokens: { n: number; token: string }[] = [];
  requests.forEach(({ message: m, recipients: rs }, n) => {
    messages.push({
      n,
      envelope_from: m.envelopeFrom,
      header_from: m.headerFrom,
      subject: m.subject,
      message_id: m.messageId,
      size_bytes: m.sizeBytes,
      auto_submitted: m.autoSubmitted,
      kind: m.kind,
      provider_auth: m.providerAuth,
      confirmation_provider: m.confirmation?.provider ?? null,
      confirmation_code: m.confirmation?.code ?? null,
      confirmation_url: m.confirmation?.url ?? null,
      confirmation_requested_by: m.confirmation?.requestedBy ?? null,
      from_address: m.headerFromAddress ?? m.envelopeFrom,
    });
    for (const mailboxId of new Set(rs.map((r) => r.mailboxId)))
      recipients.push({
        k: recipients.length,
        n,
        mailbox_id: mailboxId,
        org_id: rs.find((r) => r.mailboxId === mailboxId)!.orgId,
      });
    for (const token of new Set(m.verificationTokens)) tokens.push({ n, token });
  });
  if (recipients.length === 0) return requests.map(() => ({ results: [], refused: [] }));
  const result = await preparedFor(db).execute({
    messages: asJson(messages),
    recipients: asJson(recipients),
    tokens: asJson(tokens),
  });
  const outcomes: RecordOutcome[] = requests.map(() => ({ results: [], refused: [] }));
  for (const r of rowsFrom(result, recordedRow)) {
    const outcome = outcomes[r.n];
    outcome.results.push({
      mailboxId: r.mailboxId,
      recorded: r.recorded,
      duplicate: r.live && !r.recorded,
      verified: r.verified,
    });
    if (!r.active) outcome.refused.push({ mailboxId: r.mailboxId, reason: r.present ? "inactive" : "deleted" });
  }
  return outcomes;
}

const recordedRow = z.object({
  n: z.number(),
  mailboxId: z.string(),
  present: z.boolean(),
  active: z.boolean(),
  live: z.boolean(),
  recorded: z.boolean(),
  verified: z.boolean(),
});

// The statement, built once; prepared once per database session (by name, so that PostgreSQL parses and plans it
// once per connection, not once per group: planning this statement costs about as much as running it).
const RECORD = sql`
    with msg as (
      select * from json_to_recordset(${sql.placeholder("messages")}::json) as m(n int, envelope_from text, header_from text,
        subject text, message_id text, size_bytes int, auto_submitted boolean, kind text, provider_auth text,
        confirmation_provider text, confirmation_code text, confirmation_url text, confirmation_requested_by text,
        from_address text)
    ),
    input as (
      select r.k, r.n, r.mailbox_id, r.org_id, mb.id is not null as present, coalesce(mb.active, false) as active
      from json_to_recordset(${sql.placeholder("recipients")}::json) as r(k int, n int, mailbox_id uuid, org_id uuid)
      left join mailbox mb on mb.id = r.mailbox_id and mb.org_id = r.org_id
    ),
    -- Messages whose every mailbox still exists and is active (R21, checked again at the end of DATA).
    live as (select n from input group by n having bool_and(active)),
    -- The first copy of each (mailbox, Message-ID) in the batch; a later one is a duplicate (R24).
    candidates as (
      select distinct on (input.mailbox_id, msg.message_id) input.n, input.mailbox_id, input.org_id, msg.message_id, msg.kind, msg.from_address
      from input join live on live.n = input.n join msg on msg.n = input.n
      order by input.mailbox_id, msg.message_id, input.n
    ),
    ins as (
      insert into inbound_message (org_id, mailbox_id, envelope_from, header_from, subject, message_id, size_bytes,
                                   auto_submitted, kind, provider_auth, confirmation_provider, confirmation_code, confirmation_url,
                                   confirmation_requested_by)
      select c.org_id, c.mailbox_id, m.envelope_from, m.header_from, m.subject, m.message_id, m.size_bytes,
             m.auto_submitted, m.kind, m.provider_auth, m.confirmation_provider, m.confirmation_code, m.confirmation_url,
             m.confirmation_requested_by
      from candidates c join msg m on m.n = c.n
      order by c.mailbox_id, c.n
      on conflict (mailbox_id, message_id) do nothing
      returning mailbox_id, message_id, received_at
    ),
    recorded as (
      select c.n, c.mailbox_id, c.org_id, c.kind, c.from_address, ins.received_at
      from ins join candidates c on c.mailbox_id = ins.mailbox_id and c.message_id = ins.message_id
    ),
    newest as (select distinct on (mailbox_id) mailbox_id, org_id, received_at, from_address from recorded order by mailbox_id, n desc),
    newest_customer as (select distinct on (mailbox_id) mailbox_id, received_at, from_address from recorded where kind = 'customer' order by mailbox_id, n desc),
    last_received as (
      update mailbox mb set last_received_at = nw.received_at, last_received_from = nw.from_address,
        last_customer_mail_at = case when nc.mailbox_id is null then mb.last_customer_mail_at else nc.received_at end,
        last_customer_mail_from = case when nc.mailbox_id is null then mb.last_customer_mail_from else nc.from_address end
      from newest nw left join newest_customer nc on nc.mailbox_id = nw.mailbox_id
      where mb.id = nw.mailbox_id and mb.org_id = nw.org_id
        and (mb.last_received_at is null or mb.last_received_at <= nw.received_at)
      returning mb.id
    ),
    tokens as (select t.n, t.token from json_to_recordset(${sql.placeholder("tokens")}::json) as t(n int, token text)),
    claims as (
      select distinct input.mailbox_id, input.org_id, tokens.token
      from tokens join input on input.n = tokens.n join live on live.n = tokens.n
    ),
    -- R25: a token verifies only the rule of the address it was sent to, and only while the mailbox still has
    -- that address: a late test message for an older address verifies nothing. verified_at is the message's
    -- received_at (both now(): the statement's transaction time).
    verified as (
      update forwarding_verification v set verified_at = now()
      from claims
      where v.mailbox_id = claims.mailbox_id and v.org_id = claims.org_id and v.verified_at is null and v.token = claims.token
        and v.address = (select ${mailboxAddressSql("mb", "d")} from mailbox mb join email_domain d on d.id = mb.domain_id
                         where mb.id = v.mailbox_id and mb.org_id = v.org_id)
      returning v.mailbox_id, v.org_id, v.token, v.address, v.requested_at, v.verified_at
    ),
    -- R19: the outcome in the history, in the same statement as the verification itself.
    verified_event as (
      insert into audit_event (org_id, actor_id, action, entity_type, entity_id, entity_label, changes)
      select verified.org_id, null, 'mailbox.verification_verified', 'mailbox', verified.mailbox_id::text, verified.address,
             jsonb_build_object('why', jsonb_build_object('from', null, 'to',
               'the test message sent to ' || verified.address || ' came back through the alias after ' ||
               greatest(1, round(extract(epoch from verified.verified_at - verified.requested_at)))::int || ' s'))
      from verified
      returning 1
    ),
    -- H3: the verification is a forwarding change, pushed to the endpoints that subscribe to it (the outbox of
    -- lib/webhook-events, in the same statement), and the job process told when it commits.
    verified_hook as (
      insert into webhook_event (org_id, type, subject_id)
      select v.org_id, 'mailbox.forwarding.changed', v.mailbox_id from verified v
      where exists (select 1 from webhook_endpoint e where e.org_id = v.org_id and e.active and 'mailbox.forwarding.changed' = any(e.events))
      returning id, org_id, created_at
    ),
    verified_hook_delivery as (
      insert into webhook_delivery (org_id, endpoint_id, event_id, next_attempt_at)
      select h.org_id, e.id, h.id, h.created_at from verified_hook h
      join webhook_endpoint e on e.org_id = h.org_id and e.active and 'mailbox.forwarding.changed' = any(e.events)
      returning endpoint_id
    )
    select input.n, input.mailbox_id::text as "mailboxId", input.present, input.active,
           exists (select 1 from live where live.n = input.n) as "live",
           exists (select 1 from recorded where recorded.n = input.n and recorded.mailbox_id = input.mailbox_id) as "recorded",
           exists (select 1 from verified join tokens on tokens.token = verified.token
                   where tokens.n = input.n and verified.mailbox_id = input.mailbox_id) as "verified",
           (select count(*) from last_received)::int as "updated",
           (select count(*) from verified_event)::int as "events",
           (select count(pg_notify('${sql.raw(WEBHOOK_DUE_CHANNEL)}', due.endpoint_id::text))
            from (select distinct endpoint_id from verified_hook_delivery) due)::int as "notified"
    from input order by input.k`;
type PreparedRecord = { execute: (values: Record<string, unknown>) => Promise<unknown> };
const prepared = new WeakMap<object, PreparedRecord>();
function preparedFor(db: Db): PreparedRecord {
  // drizzle has no public way to prepare raw SQL: its session's prepareQuery is what db.execute uses, with a name.
  const internal = db as unknown as {
    session: { prepareQuery: (query: unknown, fields: undefined, name: string, arrayMode: boolean) => PreparedRecord };
    dialect: { sqlToQuery: (s: typeof RECORD) => unknown };
  };
  const key = internal.session ?? db;
  let p = prepared.get(key);
  if (!p)
    prepared.set(
      key,
      (p = internal.session.prepareQuery(
        internal.dialect.sqlToQuery(RECORD),
        undefined,
        "record_inbound_messages",
        false,
      )),
    );
  return p;
}

// Half of a surrogate pair (a decoder can produce one, e.g. from UTF-16 encoded words) would make PostgreSQL refuse
// the JSON, and with it the whole group, at every retry: it becomes U+FFFD, as the driver's UTF-8 encoding did.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const asJson = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === "string" ? v.replace(LONE_SURROGATE, "\uFFFD") : v));

/** One message (see recordInboundMessages): its result for each mailbox. */
export async function recordInboundMessage(db: Db, request: RecordRequest): Promise<RecordedFor[]> {
  const [outcome] = await recordInboundMessages(db, [request]);
  return outcome.results;
}
