import "server-only";
import { count, eq } from "drizzle-orm";
import { db } from "@/db";
import { emailDomain } from "@/db/schema";
import { findMailboxes } from "./find-mailboxes";

/** Everything S1 shows, in a fixed number of queries whatever the number of mailboxes. */
export async function loadMailboxesPage(orgId: string) {
  const [mailboxes, [{ domains }]] = await Promise.all([
    findMailboxes(orgId),
    db.select({ domains: count() }).from(emailDomain).where(eq(emailDomain.orgId, orgId)),
  ]);
  return { mailboxes, domainCount: domains };
}
