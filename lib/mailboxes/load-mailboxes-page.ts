import "server-only";
import { asc, count, eq } from "drizzle-orm";
import { db } from "@/db";
import { emailDomain, queue } from "@/db/schema";
import { findMailboxes } from "./find-mailboxes";

/** Everything S1 shows, in a fixed number of queries whatever the number of mailboxes. */
export async function loadMailboxesPage(orgId: string) {
  const [mailboxes, [{ domains }], queues] = await Promise.all([
    findMailboxes(orgId),
    db.select({ domains: count() }).from(emailDomain).where(eq(emailDomain.orgId, orgId)),
    db.select({ id: queue.id, name: queue.name }).from(queue).where(eq(queue.orgId, orgId)).orderBy(asc(queue.name)),
  ]);
  return { mailboxes, domainCount: domains, queues };
}
