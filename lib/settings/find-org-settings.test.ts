import { beforeEach, describe, expect, it } from "vitest";
import { createTestOrg, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { findOrgSettings } from "./find-org-settings";

let t: TestOrg;
beforeEach(async () => {
  t = await createTestOrg({ domains: ["one.example", "two.example"] });
});

describe("S6 usage badges", () => {
  it("count the mailboxes using each email domain and each smart routing (R20)", async () => {
    await insertTestMailbox(t, {
      localPart: "a",
      domainId: t.domains[0].id,
      smartRoutingId: t.routings.Triage,
      smartRoutingVersion: "production",
    });
    await insertTestMailbox(t, {
      localPart: "b",
      domainId: t.domains[0].id,
      endRoutingId: t.routings.Triage,
      endRoutingVersion: "test",
    });
    const { domains, routings } = await findOrgSettings(t.org.id);
    expect(domains.find((d) => d.id === t.domains[0].id)?.mailboxCount).toBe(2);
    expect(domains.find((d) => d.id === t.domains[1].id)?.mailboxCount).toBe(0);
    expect(routings.find((r) => r.id === t.routings.Triage)?.mailboxCount).toBe(2);
  });
});
