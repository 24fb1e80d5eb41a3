import { describe, expect, it } from "vitest";
import type { MailboxListItem } from "./find-mailboxes";
import { mailboxState, packListData, STATE_WORDS, unpackListData } from "./mailbox-list-view";

const now = new Date("2026-11-26T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const Q = { sales: { id: "00000000-0000-4000-8000-0000000000a1", name: "Sales" }, support: { id: "00000000-0000-4000-8000-0000000000a2", name: "Support" } };

function item(over: Partial<MailboxListItem>): MailboxListItem {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    displayName: "Support Team",
    address: "support@mycompany.com",
    alias: "k7x2pq8mz0@demo.ino.cx",
    active: true,
    queues: [],
    smartRouting: null,
    lastReceivedAt: null,
    lastReceivedFrom: null,
    forwardingStatus: "unknown",
    forwardingAddressChanged: false,
    forwardingFailure: null,
    lastCustomerMailAt: null,
    lastCustomerMailFrom: null,
    health: { state: "not_verified", cause: { kind: "never_verified" } },
    createdAt: now,
    ...over,
  };
}

describe("S1's rows travel once, compactly (issue 13)", () => {
  it("packs and unpacks every value S1 shows: queues by index with the default sender, routing, last mail, shared alias domain", () => {
    const rows = [
      item({ queues: [{ ...Q.sales, isDefault: true }, { ...Q.support, isDefault: false }], smartRouting: { name: "Escalation", version: "test" }, lastCustomerMailAt: hoursAgo(2), lastCustomerMailFrom: "jeanne@customer.example" }),
      item({ id: "00000000-0000-4000-8000-000000000002", displayName: "Billing", address: "billing@mycompany.com", alias: "aaaa111122@demo.ino.cx", active: false, smartRouting: { name: "Sales routing", version: "production" } }),
    ];
    const data = packListData(rows, [Q.sales, Q.support], now, "Europe/Paris");
    expect(data.aliasDomain).toBe("demo.ino.cx");
    expect(data.queues).toEqual([[Q.sales.id, "Sales"], [Q.support.id, "Support"]]);
    const [a, b] = unpackListData(JSON.parse(JSON.stringify(data)));
    expect(a).toMatchObject({
      id: rows[0].id,
      name: "Support Team",
      address: "support@mycompany.com",
      alias: "k7x2pq8mz0@demo.ino.cx",
      queues: [{ ...Q.sales, isDefault: true }, { ...Q.support, isDefault: false }],
      routing: { name: "Escalation", version: "test" },
      last: { at: hoursAgo(2).getTime(), ago: "2 h ago", from: "jeanne@customer.example" },
    });
    expect(STATE_WORDS[a.state]).toBe("Receiving mail");
    expect(b).toMatchObject({ name: "Billing", alias: "aaaa111122@demo.ino.cx", queues: [], routing: { name: "Sales routing", version: "production" }, last: null });
    expect(STATE_WORDS[b.state]).toBe("Inactive");
  });

  it("keeps whole aliases when their domains differ, and adds a queue the organisation list lacks", () => {
    const rows = [item({ alias: "a@one.ino.cx", queues: [{ id: "00000000-0000-4000-8000-0000000000ff", name: "New", isDefault: false }] }), item({ id: "x", alias: "b@two.ino.cx" })];
    const data = packListData(rows, [Q.sales], now, "UTC");
    const [a, b] = unpackListData(data);
    expect([a.alias, b.alias]).toEqual(["a@one.ino.cx", "b@two.ino.cx"]);
    expect(a.queues).toEqual([{ id: "00000000-0000-4000-8000-0000000000ff", name: "New", isDefault: false }]);
  });

  it("the badge's words: the state, and only what it does not already say (cause, other address, evidence)", () => {
    expect(mailboxState(item({}), now, "UTC")).toEqual({ code: 5, detail: "" });
    expect(mailboxState(item({ active: false }), now, "UTC")).toEqual({ code: 0, detail: "forwarding not checked" });
    expect(mailboxState(item({ health: { state: "not_verified", cause: { kind: "address_changed", address: "new@mycompany.com" } } }), now, "UTC")).toEqual({
      code: 5,
      detail: "Not verified for new@mycompany.com",
    });
    expect(mailboxState(item({ health: { state: "needs_attention", cause: { kind: "silent", since: hoursAgo(30) } }, lastCustomerMailAt: hoursAgo(1) }), now, "UTC")).toEqual({
      code: 4,
      detail: "No mail since 25 Nov 2026, 06:00 UTC; receiving mail, last message 1 h ago",
    });
    expect(mailboxState(item({ lastCustomerMailAt: hoursAgo(3) }), now, "UTC")).toEqual({ code: 1, detail: "Not verified; last message 3 h ago" });
  });
});
