import { describe, expect, it } from "vitest";
import { describeAuditAction, formatAuditValue, orderedChanges } from "./describe";

describe("R19 histories read as sentences about the right object", () => {
  it("names the queue in a mailbox's history and the mailbox in a queue's", () => {
    const onMailbox = {
      entityType: "mailbox",
      changes: { queue: { from: null, to: "Billing" }, defaultOf: { from: null, to: "Billing" } },
    };
    expect(describeAuditAction("queue.mailbox_linked", onMailbox)).toBe(
      "added this mailbox to the queue “Billing”, as its default sender",
    );
    const onQueue = { entityType: "queue", changes: { mailbox: { from: null, to: "billing@mycompany.com" } } };
    expect(describeAuditAction("queue.mailbox_linked", onQueue)).toBe("added billing@mycompany.com to this queue");
    expect(
      describeAuditAction("queue.mailbox_unlinked", {
        entityType: "mailbox",
        changes: { queue: { from: "Sales", to: null } },
      }),
    ).toBe("removed this mailbox from the queue “Sales”");
    // Every mailbox action names its object: no sentence ends on "of", "to" or "for" (R19, and issue 9's outcomes).
    for (const action of [
      "mailbox.verification_requested",
      "mailbox.verification_scheduled",
      "mailbox.verification_verified",
      "mailbox.verification_failed",
    ]) {
      expect(describeAuditAction(action, { entityType: "mailbox", changes: {} })).toMatch(/this mailbox$/);
    }
    expect(
      describeAuditAction("user.sign_in_locked", { entityType: "user", entityLabel: "ann@x.example", changes: {} }),
    ).toBe("locked sign-in for ann@x.example after too many failed attempts");
  });

  it("shows human values in form order", () => {
    expect(formatAuditValue("fr", "language")).toBe("French");
    expect(formatAuditValue("America/New_York", "timezone")).toBe("America/New York");
    expect(formatAuditValue(null, "timezone")).toBe("Default");
    const order = orderedChanges({
      language: { from: "", to: "fr" },
      displayName: { from: "a", to: "b" },
      timezone: { from: "", to: "UTC" },
      address: { from: "x", to: "y" },
    });
    expect(order.map(([k]) => k)).toEqual(["displayName", "address", "timezone", "language"]);
  });
});

describe("R19 organisation-wide activity names each object", () => {
  it("uses the object's name instead of 'this mailbox'", () => {
    const e = {
      entityType: "mailbox",
      entityLabel: "billing@mycompany.com",
      changes: { queue: { from: null, to: "Billing" } },
    };
    expect(describeAuditAction("queue.mailbox_linked", e, { named: true })).toBe(
      "added billing@mycompany.com to the queue “Billing”",
    );
    expect(describeAuditAction("mailbox.created", e, { named: true })).toBe(
      "created the mailbox billing@mycompany.com",
    );
  });
});
