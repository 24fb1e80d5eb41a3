import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { date, json, num, rows } from "@/db/rows";
import { findHealthFacts, type MailboxHealthRow } from "@/lib/health/find-health-facts";
import type { MailboxHealth } from "@/lib/mailbox-state/derive-mailbox-state";
import type { FailureReason } from "@/lib/mailbox-state/failure-reason";
import { MAILBOX_STATE } from "@/lib/mailbox-state/state-map";
import { aliasAddress } from "@/lib/alias";
import { ApiProblem } from "./problem";
import type { ApiMailbox, ListMailboxesQuery } from "./resources";
import { mailboxAddress } from "@/lib/address";
import { mailboxAddressSql } from "@/lib/address-sql";

const rawRow = z.object({
  id: z.string(),
  display_name: z.string(),
  local_part: z.string(),
  domain: z.string(),
  alias_token: z.string(),
  slug: z.string(),
  timezone: z.string().nullable(),
  language: z.string().nullable(),
  active: z.boolean(),
  version: num(),
  created_at: date(),
  updated_at: date(),
  created_key: z.string(),
  queues: json(z.array(z.object({ id: z.string(), name: z.string(), is_default: z.boolean() })).nullable()),
});
type Raw = z.output<typeof rawRow>;

const iso = (v: string | Date | null | undefined) => (v ? new Date(v).toISOString() : null);

/** A page cursor: the last row's (created_at to the microsecond, id), opaque to clients. */
export function encodeCursor(createdKey: string, id: string): string {
  return Buffer.from(JSON.stringify([createdKey, id])).toString("base64url");
}
function decodeCursor(cursor: string): { createdKey: string; id: string } {
  const bad = new ApiProblem("validation", "This cursor is not valid: use next_cursor from the previous page.", {
    errors: [{ field: "cursor", detail: "Use next_cursor from the previous page." }],
  });
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(v[0]) &&
      /^[0-9a-f-]{36}$/.test(v[1])
    ) {
      return { createdKey: v[0], id: v[1] };
    }
  } catch {}
  throw bad;
}

/**
 * The API's mailboxes (R42): one mailbox, or a page in creation order with the keyset cursor (created_at, id), so
 * that concurrent creations never shift a page (nothing is read twice, nothing that existed is skipped). Two
 * queries whatever the page size, run in parallel: the rows with their queues and forwarding facts, and the
 * organisation's health facts (the same derivation as S1 and S4).
 */
export async function findApiMailboxes(
  orgId: string,
  opts: { id?: string; query?: ListMailboxesQuery; now?: Date } = {},
): Promise<{ data: ApiMailbox[]; nextCursor: string | null }> {
  const now = opts.now ?? new Date();
  const q = opts.query ?? {};
  const limit = opts.id ? 1 : (q.limit ?? 25);
  const where: SQL[] = [sql`m.org_id = ${orgId}::uuid`];
  if (opts.id) where.push(sql`m.id = ${opts.id}::uuid`);
  if (q.status) where.push(sql`m.active = ${q.status === "active"}`);
  if (q.domain !== undefined) where.push(sql`d.domain = ${q.domain.trim().toLowerCase()}`);
  if (q.q) {
    const like = `%${q.q
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(lower(m.display_name) like ${like} or ${mailboxAddressSql()} like ${like} or m.alias_token like ${like})`,
    );
  }
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.push(sql`(m.created_at, m.id) > (${c.createdKey}::timestamptz, ${c.id}::uuid)`);
  }
  const rowsQuery = rows(
    getDb(),
    sql`
    select m.id::text as id, m.display_name, m.local_part, d.domain, m.alias_token, o.slug, m.timezone, m.language, m.active,
           m.version, m.created_at, m.updated_at,
           to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_key,
           (select json_agg(json_build_object('id', q.id, 'name', q.name, 'is_default', qm.is_default) order by q.name)
              from queue_mailbox qm join queue q on q.id = qm.queue_id where qm.mailbox_id = m.id) as queues
    from mailbox m
    join email_domain d on d.id = m.domain_id and d.org_id = m.org_id
    join organization o on o.id = m.org_id
    where ${sql.join(where, sql` and `)}
    order by m.created_at, m.id
    limit ${limit + 1}`,
    rawRow,
  );
  const [found, health] = await Promise.all([
    rowsQuery,
    findHealthFacts(getDb(), opts.id ? { orgId, mailboxId: opts.id } : { orgId }, now),
  ]);
  const healthOf = new Map(health.map((h) => [h.mailboxId, h]));
  const page = found.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => toApiMailbox(r, healthOf.get(r.id), now)),
    nextCursor: found.length > limit && last ? encodeCursor(last.created_key, last.id) : null,
  };
}

/** A failure as the API names it: the stored code (R27), with the bounce's kind and status. */
function failureFields(f: FailureReason | null | undefined): ApiMailbox["forwarding"]["failure"] {
  if (f?.code === "bounce") return { reason: "bounce", bounce_kind: f.kind, bounce_status: f.status };
  const reason = !f || f.code === "timed_out" ? "timeout" : f.code;
  return { reason, bounce_kind: null, bounce_status: null };
}

function toApiMailbox(r: Raw, row: MailboxHealthRow | undefined, now: Date): ApiMailbox {
  const health: MailboxHealth = row?.health ?? { state: "not_verified", code: "not_verified" };
  // The forwarding facts come from the same read as the state (findHealthFacts): the latest verification, when it
  // is of the current address (after an address change, the new address has none yet: address_changed).
  const latest = row?.facts.latestVerification ?? null;
  const v = latest && (latest.address === null || latest.address === row!.address) ? latest : null;
  const status = !v ? "unknown" : v.verifiedAt ? "verified" : v.failedAt || v.expiresAt <= now ? "failed" : "pending";
  const failure = status === "failed" && v ? failureFields(v.failure) : null;
  return {
    id: r.id,
    display_name: r.display_name,
    local_part: r.local_part,
    domain: r.domain,
    address: mailboxAddress(r.local_part, r.domain),
    alias: aliasAddress(r.alias_token, r.slug),
    timezone: r.timezone,
    language: r.language,
    active: r.active,
    forwarding: {
      status,
      address_changed: !v && latest !== null,
      requested_at: iso(v?.requestedAt),
      verified_at: iso(row?.lastVerifiedAt),
      expires_at: status === "pending" ? iso(v?.expiresAt) : null,
      failure,
    },
    health: {
      state: health.state,
      code: health.code,
      cause: health.cause?.kind ?? null,
      detail: MAILBOX_STATE[health.code].cause(health.cause, (d) => d.toISOString()) || null,
    },
    queues: r.queues ?? [],
    version: r.version,
    created_at: r.created_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
  };
}
