import { describe, expect, it } from "vitest";
import type { MailboxListItem } from "./find-mailboxes";
import { mailboxHealth, type HealthFacts } from "@/lib/mailbox-state/derive-mailbox-state";
import { stateLabel } from "@/lib/mailbox-state/state-map";
import {
  applyListView,
  DEFAULT_VIEW,
  mailboxState,
  packListData,
  parseListView,
  unpackListData,
  viewSearch,
} from "./mailbox-list-view";

const now = new Date("2026-11-26T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const Q = {
  sales: { id: "00000000-0000-4000-8000-0000000000a1", name: "Sales" },
  support: { id: "00000000-0000-4000-8000-0000000000a2", name: "Support" },
};

// Each row's state comes from the one derivation, from the facts the row stands for.
const facts = (over: Partial<HealthFacts>): HealthFacts => ({
  active: true,
  latestVerification: null,
  currentAddress: "support@mycompany.com",
  lastCustomerMailAt: null,
  silentSince: null,
  confirmationWaiting: false,
  now,
  ...over,
});
function item(over: Partial<MailboxListItem>, f: Partial<HealthFacts> = {}): MailboxListItem {
  const active = over.active ?? true;
  const lastCustomerMailAt = over.lastCustomerMailAt ?? null;
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
    lastCustomerMailAt: null,
    lastCustomerMailFrom: null,
    health: mailboxHealth(facts({ active, lastCustomerMailAt, ...f })),
    createdAt: now,
    ...over,
  };
}

describe("S1's rows travel once, compactly (issue 13)", () => {
  it("packs and unpacks every value S1 shows: queues by index with the default sender, routing, last mail, shared alias domain", () => {
    const rows = [
      item({
        queues: [
          { ...Q.sales, isDefault: true },
          { ...Q.support, isDefault: false },
        ],
        smartRouting: { name: "Escalation", version: "test" },
        lastCustomerMailAt: hoursAgo(2),
        lastCustomerMailFrom: "jeanne@customer.example",
      }),
      item({
        id: "00000000-0000-4000-8000-000000000002",
        displayName: "Billing",
        address: "billing@mycompany.com",
        alias: "aaaa111122@demo.ino.cx",
        active: false,
        smartRouting: { name: "Sales routing", version: "production" },
      }),
    ];
    const data = packListData(rows, [Q.sales, Q.support], now, "Europe/Paris");
    expect(data.aliasDomain).toBe("demo.ino.cx");
    expect(data.queues).toEqual([
      [Q.sales.id, "Sales"],
      [Q.support.id, "Support"],
    ]);
    const [a, b] = unpackListData(JSON.parse(JSON.stringify(data)));
    expect(a).toMatchObject({
      id: rows[0].id,
      name: "Support Team",
      address: "support@mycompany.com",
      alias: "k7x2pq8mz0@demo.ino.cx",
      queues: [
        { ...Q.sales, isDefault: true },
        { ...Q.support, isDefault: false },
      ],
      routing: { name: "Escalation", version: "test" },
      last: { at: hoursAgo(2).getTime(), ago: "2 hours ago", from: "jeanne@customer.example" },
    });
    expect(stateLabel(a.health)).toBe("Receiving mail");
    expect(b).toMatchObject({
      name: "Billing",
      alias: "aaaa111122@demo.ino.cx",
      queues: [],
      routing: { name: "Sales routing", version: "production" },
      last: null,
    });
    expect(stateLabel(b.health)).toBe("Inactive");
  });

  it("keeps whole aliases when their domains differ, and adds a queue the organisation list lacks", () => {
    const rows = [
      item({
        alias: "a@one.ino.cx",
        queues: [{ id: "00000000-0000-4000-8000-0000000000ff", name: "New", isDefault: false }],
      }),
      item({ id: "x", alias: "b@two.ino.cx" }),
    ];
    const data = packListData(rows, [Q.sales], now, "UTC");
    const [a, b] = unpackListData(data);
    expect([a.alias, b.alias]).toEqual(["a@one.ino.cx", "b@two.ino.cx"]);
    expect(a.queues).toEqual([{ id: "00000000-0000-4000-8000-0000000000ff", name: "New", isDefault: false }]);
  });

  it("the badge's words: the state, and only what it does not already say (cause, other address, evidence)", () => {
    expect(mailboxState(item({}), now, "UTC")).toEqual({ code: "not_verified", detail: "" });
    expect(mailboxState(item({ active: false }), now, "UTC")).toEqual({
      code: "inactive",
      detail: "Inactive: forwarding is not checked",
    });
    const old = {
      requestedAt: hoursAgo(48),
      expiresAt: hoursAgo(47.75),
      verifiedAt: hoursAgo(47.9),
      address: "support@mycompany.com",
    };
    const moved = item(
      { address: "new@mycompany.com" },
      { currentAddress: "new@mycompany.com", latestVerification: old },
    );
    expect(mailboxState(moved, now, "UTC")).toEqual({ code: "address_changed", detail: "" });
    expect(stateLabel(moved.health)).toBe("Not verified for new@mycompany.com");
    const [row] = unpackListData(packListData([moved], [], now, "UTC"));
    expect(stateLabel(row.health)).toBe("Not verified for new@mycompany.com");
    expect(
      mailboxState(
        item({ lastCustomerMailAt: hoursAgo(1) }, { latestVerification: old, silentSince: hoursAgo(30) }),
        now,
        "UTC",
      ),
    ).toEqual({
      code: "silent",
      detail: "No mail since 25 Nov 2026, 06:00 UTC; receiving mail, last message 1 hour ago",
    });
    expect(mailboxState(item({ lastCustomerMailAt: hoursAgo(3) }), now, "UTC")).toEqual({
      code: "receiving_mail",
      detail: "Not verified; last message 3 hours ago",
    });
  });
});

describe("S1's Sending filter (H1, R36)", () => {
  const a = item({ id: "00000000-0000-4000-8000-00000000000a", displayName: "A", address: "a@ready.com" });
  const b = item({ id: "00000000-0000-4000-8000-00000000000b", displayName: "B", address: "b@broken.com" });
  it("keeps the mailboxes the platform cannot send as, or the others, and lives in the URL", () => {
    const cannot = new Set([b.id]);
    expect(applyListView([a, b], { ...DEFAULT_VIEW, sending: "cannot" }, cannot).map((m) => m.displayName)).toEqual([
      "B",
    ]);
    expect(applyListView([a, b], { ...DEFAULT_VIEW, sending: "ready" }, cannot).map((m) => m.displayName)).toEqual([
      "A",
    ]);
    expect(applyListView([a, b], DEFAULT_VIEW, cannot).map((m) => m.displayName)).toEqual(["A", "B"]);
    expect(parseListView({ sending: "cannot" }).sending).toBe("cannot");
    expect(parseListView({ sending: "nonsense" }).sending).toBe("all");
    expect(viewSearch({ ...DEFAULT_VIEW, sending: "cannot" })).toBe("?sending=cannot");
  });
});
