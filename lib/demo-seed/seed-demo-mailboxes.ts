import { and, eq } from "drizzle-orm";
import { mailbox, queueMailbox } from "@/db/schema";
import type { DemoExtension } from "@/db/seed";
import { createMailboxInTx } from "@/lib/mailboxes/create-mailbox";
import { EMPTY_MAILBOX_FIELDS, type MailboxFields } from "@/lib/mailboxes/schemas";
import { seedDemoSending } from "./seed-demo-sending";

/** Demo Company's mailboxes and their queue links (SPEC §5), created through the mailbox service. */
export const seedDemoMailboxes: DemoExtension = async (tx, ids) => {
  const create = (fields: Partial<MailboxFields>) =>
    createMailboxInTx(tx, { orgId: ids.orgId, actorId: null, ...EMPTY_MAILBOX_FIELDS, ...fields });

  const support = await create({
    displayName: "Support Team",
    localPart: "support",
    domainId: ids.domains["mycompany.com"],
    smartRoutingId: ids.routings.Triage,
    smartRoutingVersion: "production",
  });
  const billing = await create({
    displayName: "Billing",
    localPart: "billing",
    domainId: ids.domains["mycompany.com"],
  });
  const sales = await create({
    displayName: "Sales Europe",
    localPart: "sales",
    domainId: ids.domains["example.org"],
    smartRoutingId: ids.routings.Escalation,
    smartRoutingVersion: "test",
    endRoutingId: ids.routings["Satisfaction survey"],
    endRoutingVersion: "production",
    timezone: "Europe/Berlin",
    language: "de",
  });
  const news = await create({ displayName: "Old newsletter", localPart: "news", domainId: ids.domains["example.org"] });
  await tx
    .update(mailbox)
    .set({ active: false })
    .where(and(eq(mailbox.id, news.id), eq(mailbox.orgId, ids.orgId)));

  await tx.insert(queueMailbox).values([
    { orgId: ids.orgId, queueId: ids.queues.Support, mailboxId: support.id, isDefault: true },
    { orgId: ids.orgId, queueId: ids.queues.Billing, mailboxId: billing.id, isDefault: true },
    { orgId: ids.orgId, queueId: ids.queues.Billing, mailboxId: support.id, isDefault: false },
    { orgId: ids.orgId, queueId: ids.queues.Sales, mailboxId: sales.id, isDefault: true },
  ]);
  await seedDemoSending(tx, ids); // issue 19: one domain Ready, the other waiting for its DKIM record
};
