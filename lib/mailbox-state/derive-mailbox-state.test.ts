import { describe, expect, it } from "vitest";
import { mailboxHealth, STATE_CODES, type HealthFacts } from "./derive-mailbox-state";
import { MAILBOX_STATE, stateDetail, stateLabel } from "./state-map";

const now = new Date("2026-11-26T12:00:00Z");
const h = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
const base: HealthFacts = {
  active: true,
  latestVerification: null,
  currentAddress: "support@x.example",
  lastCustomerMailAt: null,
  silentSince: null,
  confirmationWaiting: false,
  now,
};
const time = (d: Date) => d.toISOString();

describe("R29 one state per mailbox, derived from facts", () => {
  it("never verified, verified, pending, failed (an expired one reads as timed out before the tick settles it)", () => {
    expect(mailboxHealth(base)).toEqual({
      state: "not_verified",
      code: "not_verified",
      cause: { kind: "never_verified" },
      receiving: false,
    });
    expect(
      mailboxHealth({ ...base, latestVerification: { requestedAt: h(-2), expiresAt: h(-1.75), verifiedAt: h(-1.9) } }),
    ).toMatchObject({ state: "healthy", code: "healthy" });
    expect(
      mailboxHealth({ ...base, latestVerification: { requestedAt: h(-0.1), expiresAt: h(0.15), verifiedAt: null } }),
    ).toMatchObject({ state: "checking", code: "verifying" });
    expect(
      mailboxHealth({ ...base, latestVerification: { requestedAt: h(-1), expiresAt: h(-0.75), verifiedAt: null } }),
    ).toMatchObject({
      state: "needs_attention",
      code: "verification_failed",
      cause: {
        kind: "verification_failed",
        at: h(-0.75),
        reason: { code: "timed_out", address: "support@x.example", timeoutMs: 900_000 },
      },
    });
  });

  it("a bounce (issue 9's failedAt and status line) fails at once, with its code", () => {
    const failure = { code: "bounce", kind: "m365_forwarding_blocked", status: "550 5.7.520 Access denied" } as const;
    const v = { requestedAt: h(-0.1), expiresAt: h(0.15), verifiedAt: null, failedAt: h(-0.05), failure };
    const health = mailboxHealth({ ...base, latestVerification: v });
    expect(health).toMatchObject({
      state: "needs_attention",
      code: "verification_failed",
      cause: { kind: "verification_failed", at: h(-0.05), reason: failure },
    });
    expect(stateLabel(health)).toBe("Verification failed");
    expect(stateDetail(health, { now, time })).toBe(
      `Verification of ${h(-0.05).toISOString()} failed: Microsoft 365 blocks forwarding to external addresses: 550 5.7.520 Access denied`,
    );
  });

  it("a re-check in flight does not end an open incident: still needs attention until it succeeds", () => {
    const v = { requestedAt: h(-0.1), expiresAt: h(0.15), verifiedAt: null };
    expect(mailboxHealth({ ...base, latestVerification: v }).state).toBe("checking");
    expect(mailboxHealth({ ...base, latestVerification: v, incidentOpen: true })).toMatchObject({
      state: "needs_attention",
      code: "verifying",
      cause: { kind: "verification_pending", since: h(-0.1), until: h(0.15) },
    });
  });

  it("a verification for another address proves nothing for the current one (R25)", () => {
    const v = { requestedAt: h(-2), expiresAt: h(-1.75), verifiedAt: h(-1.9), address: "old@x.example" };
    const health = mailboxHealth({ ...base, latestVerification: v });
    expect(health).toMatchObject({
      state: "not_verified",
      code: "address_changed",
      cause: { kind: "address_changed", address: "support@x.example" },
    });
    expect(stateLabel(health)).toBe("Not verified for support@x.example");
  });

  it("silence: needs attention, checking while its re-verification is queued, healthy once verified after it began", () => {
    const verifiedBefore = { requestedAt: h(-48), expiresAt: h(-47.75), verifiedAt: h(-47.9) };
    expect(mailboxHealth({ ...base, latestVerification: verifiedBefore, silentSince: h(-30) })).toMatchObject({
      state: "needs_attention",
      code: "silent",
      cause: { kind: "silent", since: h(-30) },
    });
    expect(
      mailboxHealth({ ...base, latestVerification: verifiedBefore, silentSince: h(-30), checkQueued: true }),
    ).toMatchObject({ state: "checking", code: "checking" });
    const verifiedAfter = { requestedAt: h(-1), expiresAt: h(-0.75), verifiedAt: h(-0.9) };
    expect(mailboxHealth({ ...base, latestVerification: verifiedAfter, silentSince: h(-30) }).state).toBe("healthy");
  });

  it("a Gmail confirmation waiting needs attention; confirmed (the held test ended), one next step: verify again", () => {
    expect(mailboxHealth({ ...base, confirmationWaiting: true })).toMatchObject({
      state: "needs_attention",
      code: "confirmation_waiting",
    });
    const held = {
      requestedAt: h(-0.2),
      expiresAt: h(0.05),
      verifiedAt: null,
      failedAt: h(-0.1),
      failure: { code: "provider_held", address: "support@x.example" } as const,
    };
    const confirmed = mailboxHealth({ ...base, latestVerification: held });
    expect(confirmed).toMatchObject({ state: "needs_attention", code: "confirmed_verify_again" });
    expect(stateLabel(confirmed)).toBe("Forwarding confirmed: verify again");
    expect(mailboxHealth({ ...base, active: false, confirmationWaiting: true })).toMatchObject({
      state: "not_verified",
      code: "inactive",
    });
  });

  it("R26: customer mail arriving is evidence where no rule is proven yet", () => {
    const receiving = mailboxHealth({ ...base, lastCustomerMailAt: h(-3) });
    expect(receiving).toMatchObject({ state: "not_verified", code: "receiving_mail", receiving: true });
    expect(stateDetail(receiving, { now, time, lastCustomerMailAt: h(-3) })).toBe(
      "Not verified; last message 3 hours ago",
    );
  });

  it("every state has its words, tone and icon", () => {
    for (const code of STATE_CODES)
      expect(MAILBOX_STATE[code]).toMatchObject({ label: expect.any(String), tone: expect.any(String) });
  });
});
