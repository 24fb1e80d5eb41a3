import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { createTestOrg } from "@/tests/fixtures";
import { claimSendingBudget } from "./sending-limits";

const claim = (orgId: string, domainId: string, recipient: string, now: Date) =>
  getDb().transaction((tx) =>
    claimSendingBudget(tx, { orgId, kind: "dns_records", domainId, recipient, actorId: null, now }),
  );

describe("R38 with R32's budget per (organisation, address)", () => {
  it("one organisation's messages to an address never use up another's (issue 20 item 2)", async () => {
    const a = await createTestOrg();
    const b = await createTestOrg();
    const to = `dns-${crypto.randomUUID().slice(0, 8)}@shared.example`;
    const start = Date.now();
    // 10 a day per (organisation, address) by default; a minute apart, beyond the cooldown.
    for (let i = 0; i < 10; i++) await claim(a.org.id, a.domains[0].id, to, new Date(start + i * 60_000));
    await expect(claim(a.org.id, a.domains[0].id, to, new Date(start + 10 * 60_000))).rejects.toThrow(
      /daily limit for one address/,
    );
    await expect(claim(b.org.id, b.domains[0].id, to, new Date(start + 10 * 60_000))).resolves.toEqual(
      expect.any(String),
    );
  });
});
