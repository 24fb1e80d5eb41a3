import "server-only";
import { count, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { mailbox } from "@/db/schema";

/** How many mailboxes the organisation has (R10's limit is told before the form: H6 "limits before effort"). */
export async function countMailboxes(orgId: string): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(mailbox).where(eq(mailbox.orgId, orgId));
  return Number(row?.n ?? 0);
}
