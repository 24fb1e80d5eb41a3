import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { inboundMessage } from "@/db/schema";
import { inboundMessageColumns, type InboundMessageRow } from "@/lib/history/find-inbound-messages";
import { pageOf, type Page } from "@/lib/paging";

/**
 * S4 "Show older": the mailbox's inbound messages strictly older than message `before` (keyset on
 * (received_at, id), newest first), `limit` at a time, as a Page (whether more are left). Same row shape as
 * findInboundMessages. Another organisation's mailbox or message finds nothing.
 */
export async function findInboundMessagesBefore(params: {
  orgId: string;
  mailboxId: string;
  before: string;
  limit: number;
}): Promise<Page<InboundMessageRow>> {
  const rows = await getDb()
    .select(inboundMessageColumns)
    .from(inboundMessage)
    .where(
      and(
        eq(inboundMessage.orgId, params.orgId),
        eq(inboundMessage.mailboxId, params.mailboxId),
        sql`(${inboundMessage.receivedAt}, ${inboundMessage.id}) < (select c.received_at, c.id from inbound_message c
             where c.id = ${params.before} and c.org_id = ${params.orgId} and c.mailbox_id = ${params.mailboxId})`,
      ),
    )
    .orderBy(desc(inboundMessage.receivedAt), desc(inboundMessage.id))
    .limit(params.limit + 1);
  return pageOf(rows, params.limit);
}
