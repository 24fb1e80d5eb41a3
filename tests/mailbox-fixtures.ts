import { randomBytes } from "node:crypto";
import { getDb } from "@/db";
import { aliasToken, mailbox } from "@/db/schema";
import type { MailboxFields } from "@/lib/mailboxes/schemas";
import type { TestOrg } from "./fixtures";
import { mailboxAddress } from "@/lib/address";

/** Inserts a mailbox directly (test setup only: it bypasses the services on purpose). */
export async function insertTestMailbox(
  t: TestOrg,
  values: Partial<typeof mailbox.$inferInsert> & { localPart: string },
) {
  const token = randomBytes(8).toString("hex");
  return getDb().transaction(async (tx) => {
    await tx.insert(aliasToken).values({ token, orgId: t.org.id });
    const [row] = await tx
      .insert(mailbox)
      .values({
        orgId: t.org.id,
        displayName: values.localPart,
        domainId: t.domains[0].id,
        aliasToken: token,
        ...values,
      })
      .returning();
    const domain = t.domains.find((d) => d.id === row.domainId)?.domain ?? "";
    return { ...row, address: mailboxAddress(row.localPart, domain) };
  });
}

/** Links a mailbox to a new queue directly (test setup only), as default or not. */
export async function insertTestQueueLink(
  t: TestOrg,
  mailboxId: string,
  opts: { queueName?: string; isDefault?: boolean; queueId?: string } = {},
) {
  const { queue, queueMailbox } = await import("@/db/schema");
  return getDb().transaction(async (tx) => {
    const queueId =
      opts.queueId ??
      (
        await tx
          .insert(queue)
          .values({ orgId: t.org.id, name: opts.queueName ?? `Queue ${randomBytes(3).toString("hex")}` })
          .returning()
      )[0].id;
    await tx.insert(queueMailbox).values({ orgId: t.org.id, queueId, mailboxId, isDefault: opts.isDefault ?? false });
    return queueId;
  });
}

/** Valid form values for a new mailbox of the test organisation. */
export function mailboxInput(t: TestOrg, overrides: Record<string, unknown> = {}): MailboxFields {
  return {
    displayName: "Support Team",
    localPart: "support",
    domainId: t.domains[0].id,
    timezone: "",
    language: "",
    routing: "smart" as const,
    smartRoutingId: "",
    smartRoutingVersion: "" as const,
    endRoutingId: "",
    endRoutingVersion: "" as const,
    ...overrides,
  } as MailboxFields;
}
