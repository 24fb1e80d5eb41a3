import { describe, expect, it } from "vitest";
import { parseCheckInterval } from "@/lib/forwarding/schedule-interval";
import { healthLabel, mailboxHealth, type HealthFacts } from "./mailbox-health";

const now = new Date("2026-11-26T12:00:00Z");
const h = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
const base: HealthFacts = { active: true, latestVerification: null, currentAddress: "support@x.example", lastCustomerMailAt: null, silentSince: null, confirmationWaiting: false, now };

describe("R29 one health state per mailbox, derived from facts", () => {
  it("never verified, verified, pending, failed", () => {
    expect(mailboxHealth(base)).toEqual({ state: "not_verified", cause: { kind: "never_verified" } });
    expect(mailboxHealth({ ...base, latestVerification: { requestedAt: h(-2), expiresAt: h(-1.75), verifiedAt: h(-1.9) } }).state).toBe("healthy");
    expect(mailboxHealth({ ...base, latestVerification: { requestedAt: h(-0.1), expiresAt: h(0.15), verifiedAt: null } })).toMatchObject({ state: "checking" });
    expect(mailboxHealth({ ...base, latestVerification: { requestedAt: h(-1), expiresAt: h(-0.75), verifiedAt: null } })).toEqual({
      state: "needs_attention",
      cause: { kind: "verification_failed", at: h(-0.75), reason: null },
    });
  });

  it("a bounce (issue 9's failedAt and status line) fails at once, with its reason", () => {
    const v = { requestedAt: h(-0.1), expiresAt: h(0.15), verifiedAt: null, failedAt: h(-0.05), failureReason: "550 5.7.520 Access denied" };
    expect(mailboxHealth({ ...base, latestVerification: v })).toEqual({ state: "needs_attention", cause: { kind: "verification_failed", at: h(-0.05), reason: "550 5.7.520 Access denied" } });
  });

  it("a re-check in flight does not end an open incident: still needs attention until it succeeds", () => {
    const v = { requestedAt: h(-0.1), expiresAt: h(0.15), verifiedAt: null };
    expect(mailboxHealth({ ...base, latestVerification: v }).state).toBe("checking");
    expect(mailboxHealth({ ...base, latestVerification: v, incidentOpen: true })).toEqual({ state: "needs_attention", cause: { kind: "verification_pending", since: h(-0.1) } });
  });

  it("a verification for another address proves nothing for the current one (R25)", () => {
    const v = { requestedAt: h(-2), expiresAt: h(-1.75), verifiedAt: h(-1.9), address: "old@x.example" };
    expect(mailboxHealth({ ...base, latestVerification: v })).toEqual({ state: "not_verified", cause: { kind: "address_changed", address: "support@x.example" } });
    expect(healthLabel(mailboxHealth({ ...base, latestVerification: v }))).toBe("Not verified for support@x.example");
  });

  it("silence: needs attention, checking while its re-verification is queued, healthy once verified after it began", () => {
    const verifiedBefore = { requestedAt: h(-48), expiresAt: h(-47.75), verifiedAt: h(-47.9) };
    expect(mailboxHealth({ ...base, latestVerification: verifiedBefore, silentSince: h(-30) })).toEqual({ state: "needs_attention", cause: { kind: "silent", since: h(-30) } });
    expect(mailboxHealth({ ...base, latestVerification: verifiedBefore, silentSince: h(-30), checkQueued: true }).state).toBe("checking");
    const verifiedAfter = { requestedAt: h(-1), expiresAt: h(-0.75), verifiedAt: h(-0.9) };
    expect(mailboxHealth({ ...base, latestVerification: verifiedAfter, silentSince: h(-30) }).state).toBe("healthy");
  });

  it("a Gmail confirmation waiting needs attention; an inactive mailbox is not checked", () => {
    expect(mailboxHealth({ ...base, confirmationWaiting: true })).toEqual({ state: "needs_attention", cause: { kind: "confirmation_waiting" } });
    expect(mailboxHealth({ ...base, active: false, confirmationWaiting: true })).toEqual({ state: "not_verified", cause: { kind: "inactive" } });
  });
});

describe("FORWARDING_CHECK_INTERVAL", () => {
  it.each([
    ["daily", 86_400_000],
    ["hourly", 3_600_000],
    ["12h", 43_200_000],
    ["30m", 1_800_000],
    ["1d", 86_400_000],
    ["3600", 3_600_000],
    ["1m", null],
    ["soon", null],
  ])("%s → %s", (value, ms) => expect(parseCheckInterval(value)).toBe(ms));
});
