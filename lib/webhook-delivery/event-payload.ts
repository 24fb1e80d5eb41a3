import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { rows } from "@/db/rows";
import { findApiDomains } from "@/lib/api/find-api-domains";
import { findApiMailboxes } from "@/lib/api/find-api-mailboxes";
import { queueAnswer } from "@/lib/api/operations";
import { AppError } from "@/lib/errors";

// H3: an event's body is `{ type, timestamp, data }` with `data` the API's object (lib/api's own serialisers, the
// OpenAPI document's `webhooks`). It is written once, at the first attempt, and every retry or resend sends those
// same bytes under the same webhook-id.

export type WebhookPayload = { type: string; timestamp: string; data: unknown };
export type EventRow = {
  id: string;
  orgId: string;
  type: string;
  subjectId: string | null;
  snapshot: unknown;
  payload: string | null;
  createdAt: Date;
};

const gone = (id: string | null) => ({ id, deleted: true });

async function dataOf(e: EventRow): Promise<unknown> {
  if (e.snapshot !== null && e.snapshot !== undefined) return e.snapshot;
  if (!e.subjectId) return null;
  if (e.type.startsWith("mailbox."))
    return (await findApiMailboxes(e.orgId, { id: e.subjectId })).data[0] ?? gone(e.subjectId);
  if (e.type.startsWith("domain.")) return (await findApiDomains(e.orgId, e.subjectId))[0] ?? gone(e.subjectId);
  if (e.type.startsWith("queue.")) {
    try {
      return (await queueAnswer(e.orgId, e.subjectId)).body;
    } catch (err) {
      if (err instanceof AppError && err.code === "NOT_FOUND") return gone(e.subjectId);
      throw err;
    }
  }
  return null;
}

const payloadRow = z.object({ payload: z.string() });

/** The event's body, serialised and stored at its first attempt (the first writer wins under concurrency). */
export async function eventPayload(db: DbOrTx, e: EventRow): Promise<string> {
  if (e.payload) return e.payload;
  const built: WebhookPayload = { type: e.type, timestamp: e.createdAt.toISOString(), data: await dataOf(e) };
  const [stored] = await rows(
    db,
    sql`with set as (update webhook_event set payload = ${JSON.stringify(built)} where id = ${e.id}::uuid and payload is null returning payload)
        select payload from set union all select payload from webhook_event where id = ${e.id}::uuid and payload is not null limit 1`,
    payloadRow,
  );
  return stored?.payload ?? JSON.stringify(built);
}
