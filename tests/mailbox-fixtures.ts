import { randomBytes } from "node:crypto";
import { db } from "@/db";
import { aliasToken, mailbox } from "@/db/schema";
import type { TestOrg } from "./fixtures";

/** Inserts a mailbox directly (test setup only: it bypasses the services on purpose). */
export async function insertTestMailbox(t: TestOrg, values: Partial<typeof mailbox.$inferInsert> & { localPart: string }) {
  const token = randomBytes(8).toString("hex");
  return db.transaction(async (tx) => {
    await tx.insert(aliasToken).values({ token, orgId: t.org.id });
    const [row] = await tx
      .insert(mailbox)
      .values({ orgId: t.org.id, displayName: values.localPart, domainId: t.domains[0].id, aliasToken: token, ...values })
      .returning();
    return row;
  });
}
