import "server-only";
import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { emailDomain, mailbox, organization, smartRouting } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { aliasAddress } from "@/lib/alias";
import { findMailboxQueues } from "./find-mailbox-queues";
import { mailboxAddress } from "@/lib/address";

const endRouting = alias(smartRouting, "end_routing");

/** One mailbox of the organisation for S3/S4, or "not found" (also for another organisation's id). */
export async function getMailboxOrThrow(orgId: string, id: string) {
  const [row] = await getDb()
    .select({
      mailbox,
      domain: emailDomain.domain,
      orgSlug: organization.slug,
      smartRoutingName: smartRouting.name,
      endRoutingName: endRouting.name,
    })
    .from(mailbox)
    .innerJoin(organization, eq(organization.id, mailbox.orgId))
    .innerJoin(emailDomain, eq(emailDomain.id, mailbox.domainId))
    .leftJoin(smartRouting, eq(smartRouting.id, mailbox.smartRoutingId))
    .leftJoin(endRouting, eq(endRouting.id, mailbox.endRoutingId))
    .where(and(eq(mailbox.id, id), eq(mailbox.orgId, orgId)));
  if (!row) throw notFound("That mailbox");
  const queues = await findMailboxQueues(getDb(), orgId, id);
  return {
    ...row.mailbox,
    address: mailboxAddress(row.mailbox.localPart, row.domain),
    alias: aliasAddress(row.mailbox.aliasToken, row.orgSlug),
    smartRoutingName: row.smartRoutingName,
    endRoutingName: row.endRoutingName,
    queues,
  };
}
export type MailboxDetail = Awaited<ReturnType<typeof getMailboxOrThrow>>;
