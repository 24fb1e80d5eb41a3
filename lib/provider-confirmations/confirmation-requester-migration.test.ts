import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { inboundMessage } from "@/db/schema";
import { createTestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { findProviderConfirmation } from "./find-provider-confirmation";

// Migration 0011: confirmations recorded before the requester was stored get it from their subject, as S4 read it
// until then; S4 now reads only the column.
const backfill = readFileSync(
  path.join(import.meta.dirname, "../../db/migrations/0011_confirmation_requester.sql"),
  "utf8",
)
  .split("--> statement-breakpoint")
  .map((s) => s.trim())
  .find((s) => s.includes("UPDATE"))!;

describe("migration 0011: the requester of a confirmation recorded before it", () => {
  it("is taken from the subject of confirmations only, lowercased, and S4 shows it", async () => {
    const t = await createTestOrg({ domains: [`${crypto.randomUUID().slice(0, 8)}.mycompany.test`] });
    const m = await insertTestMailbox(t, { localPart: "sales" });
    const row = {
      orgId: t.org.id,
      mailboxId: m.id,
      envelopeFrom: "bounce@google.com",
      sizeBytes: 4000,
      kind: "provider" as const,
    };
    const [confirmation] = await getDb()
      .insert(inboundMessage)
      .values({
        ...row,
        messageId: `<c-${crypto.randomUUID()}@google.com>`,
        providerAuth: "pass",
        confirmationProvider: "gmail",
        confirmationUrl: "https://mail.google.com/mail/vf-x",
        subject: "(#417093852) Gmail Forwarding Confirmation - Receive Mail from Sales.Team@gmail.com",
      })
      .returning();
    const [other] = await getDb()
      .insert(inboundMessage)
      .values({
        ...row,
        messageId: `<o-${crypto.randomUUID()}@x.example>`,
        subject: "Mail from jeanne@customer.example",
      })
      .returning();
    await getDb().execute(sql.raw(backfill));
    const requester = async (id: string) =>
      (await getDb().select().from(inboundMessage).where(eq(inboundMessage.id, id)))[0].confirmationRequestedBy;
    expect(await requester(confirmation.id)).toBe("sales.team@gmail.com");
    expect(await requester(other.id)).toBeNull();
    expect((await findProviderConfirmation(t.org.id, m.id)).confirmation).toMatchObject({
      requestedBy: "sales.team@gmail.com",
    });
  });
});
