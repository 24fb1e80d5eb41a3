import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { mailbox } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createTestOrg } from "@/tests/fixtures";
import { insertTestMailbox, mailboxInput } from "@/tests/mailbox-fixtures";
import { createMailbox } from "./create-mailbox";

const onPostgres = !!process.env.DATABASE_URL;

describe("R10 under concurrency", () => {
  it.skipIf(!onPostgres)(
    "R10 20 concurrent creates against 49 mailboxes: exactly one succeeds (PostgreSQL)",
    async () => {
      const t = await createTestOrg();
      for (let i = 0; i < 49; i++) await insertTestMailbox(t, { localPart: `existing${i}` });
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          createMailbox({ orgId: t.org.id, actorId: t.admin.id, ...mailboxInput(t, { localPart: `race${i}` }) }),
        ),
      );
      const ok = results.filter((r) => r.status === "fulfilled");
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(ok).toHaveLength(1);
      expect(refused).toHaveLength(19);
      for (const r of refused) expect(r.reason).toMatchObject({ code: "LIMIT_REACHED" });
      const [{ n }] = await getDb().select({ n: count() }).from(mailbox).where(eq(mailbox.orgId, t.org.id));
      expect(n).toBe(50);
    },
  );

  it.skipIf(!onPostgres)(
    "R4 10 concurrent creates of the same address: exactly one succeeds, the others are told why (PostgreSQL)",
    async () => {
      const t = await createTestOrg();
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, () => createMailbox({ orgId: t.org.id, actorId: t.admin.id, ...mailboxInput(t) })),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(AppError);
    },
  );

  it("R11 aliases are unique across organisations and well formed", async () => {
    const a = await createTestOrg();
    const b = await createTestOrg();
    const tokens = new Set<string>();
    for (const t of [a, b]) {
      for (let i = 0; i < 10; i++) {
        const m = await createMailbox({
          orgId: t.org.id,
          actorId: t.admin.id,
          ...mailboxInput(t, { localPart: `m${i}` }),
        });
        expect(m.aliasToken).toMatch(/^[a-z0-9]{8,}$/);
        tokens.add(m.aliasToken);
      }
    }
    expect(tokens.size).toBe(20);
  });
});
