import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { openDatabase } from "@/db/client";
import { auditEvent } from "@/db/schema";
import { createTestOrg } from "@/tests/fixtures";
import {
  SIGN_IN_LIMITS,
  accountDelaySeconds,
  clearAccountSignInLimits,
  countSignInAttempt,
  forgiveSignInAttempt,
  signInRefusalMessage,
} from "./sign-in-limiter";
import { parseConfig } from "@/lib/config";

const onPostgres = !!process.env.DATABASE_URL;
const T0 = new Date("2026-11-26T10:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const address = () => `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;
const unknownEmail = () => `nobody-${randomUUID().slice(0, 8)}@test.example`;

describe("R31 sign-in attempts are limited per address and per (account, address); an account only slows down", () => {
  it("locks a pair after 5 attempts for 15 minutes, records the lockout once, and the same for an unknown account", async () => {
    const t = await createTestOrg();
    for (const email of [t.admin.email, unknownEmail()]) {
      const ip = address();
      for (let i = 0; i < 5; i++)
        expect(await countSignInAttempt(getDb(), { email, address: ip, now: at(i * 10) })).toEqual({ allowed: true });
      expect(await countSignInAttempt(getDb(), { email, address: ip, now: at(60) })).toEqual({
        allowed: false,
        reason: "account_address",
        retryAfterSeconds: 900,
      });
      expect(await countSignInAttempt(getDb(), { email: email.toUpperCase(), address: ip, now: at(120) })).toEqual({
        allowed: false,
        reason: "account_address",
        retryAfterSeconds: 840,
      });
    }
    const events = await getDb()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.orgId, t.org.id), eq(auditEvent.action, "user.sign_in_locked")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityType: "user", entityId: t.admin.id, entityLabel: t.admin.email });
  });

  it("issue 20.1: an attacker's address cannot lock the account for anyone else; its own excess counts for nothing", async () => {
    const email = unknownEmail();
    const attacker = address();
    // The attacker keeps guessing, far past every limit, for 10 minutes.
    for (let i = 0; i < 200; i++) await countSignInAttempt(getDb(), { email, address: attacker, now: at(i * 3) });
    expect((await countSignInAttempt(getDb(), { email, address: attacker, now: at(601) })).allowed).toBe(false);
    // The owner, from a clean address, passes at once; and again after a typo, within the capped delay.
    const owner = address();
    expect(await countSignInAttempt(getDb(), { email, address: owner, now: at(601) })).toEqual({ allowed: true });
    const tooEarly = await countSignInAttempt(getDb(), { email, address: owner, now: at(602) });
    expect(tooEarly).toMatchObject({ allowed: false, reason: "delay" });
    expect((tooEarly as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(
      SIGN_IN_LIMITS.maxDelaySeconds,
    );
    expect(
      await countSignInAttempt(getDb(), { email, address: owner, now: at(601 + SIGN_IN_LIMITS.maxDelaySeconds) }),
    ).toEqual({ allowed: true });
  });

  it("an address over its own limit adds nothing to any account's count (no delay for the owner)", async () => {
    const email = unknownEmail();
    const attacker = address();
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++)
      await countSignInAttempt(getDb(), { email: unknownEmail(), address: attacker, now: at(i) });
    for (let i = 0; i < 50; i++) {
      expect(await countSignInAttempt(getDb(), { email, address: attacker, now: at(30 + i) })).toMatchObject({
        allowed: false,
        reason: "address",
      });
    }
    const owner = address();
    for (let i = 0; i < 5; i++)
      expect(await countSignInAttempt(getDb(), { email, address: owner, now: at(100 + i) })).toEqual({ allowed: true });
  });

  it("the account's delay grows from the 5th attempt, is capped, and is said in seconds", async () => {
    expect([4, 5, 6, 7, 8, 9, 30].map((n) => accountDelaySeconds(n))).toEqual([0, 1, 2, 4, 8, 8, 8]);
    const email = unknownEmail();
    for (let i = 0; i < 5; i++) await countSignInAttempt(getDb(), { email, address: address(), now: at(i) });
    const ip = address();
    expect(await countSignInAttempt(getDb(), { email, address: ip, now: at(10) })).toEqual({ allowed: true });
    expect(await countSignInAttempt(getDb(), { email, address: ip, now: at(11) })).toEqual({
      allowed: false,
      reason: "delay",
      retryAfterSeconds: 1,
    });
    expect(signInRefusalMessage({ reason: "delay", retryAfterSeconds: 3 })).toBe(
      "This account has had many failed sign-ins: wait 3 seconds, then try again.",
    );
  });

  it("lets the pair try again once the lock is over, and a success clears its count", async () => {
    const email = unknownEmail();
    const ip = address();
    for (let i = 0; i < 6; i++) await countSignInAttempt(getDb(), { email, address: ip, now: at(i * 10) });
    expect((await countSignInAttempt(getDb(), { email, address: ip, now: at(899) })).allowed).toBe(false);
    expect(await countSignInAttempt(getDb(), { email, address: ip, now: at(961) })).toEqual({ allowed: true });
    for (let i = 0; i < 3; i++) await countSignInAttempt(getDb(), { email, address: ip, now: at(970 + i * 10) });
    await forgiveSignInAttempt(getDb(), { email, address: ip });
    for (let i = 0; i < 5; i++)
      expect((await countSignInAttempt(getDb(), { email, address: ip, now: at(1100 + i * 10) })).allowed).toBe(true);
  });

  it("an admin's clear removes the account's delay and every pair's lock", async () => {
    const email = unknownEmail();
    const ip = address();
    for (let i = 0; i < 6; i++) await countSignInAttempt(getDb(), { email, address: ip, now: at(i * 10) });
    expect((await countSignInAttempt(getDb(), { email, address: ip, now: at(100) })).allowed).toBe(false);
    expect(await clearAccountSignInLimits(getDb(), email.toUpperCase())).toBe(2);
    expect(await countSignInAttempt(getDb(), { email, address: ip, now: at(101) })).toEqual({ allowed: true });
  });

  it("locks an address after 20 attempts on different accounts", async () => {
    const ip = address();
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++)
      expect((await countSignInAttempt(getDb(), { email: unknownEmail(), address: ip, now: at(i) })).allowed).toBe(
        true,
      );
    expect(await countSignInAttempt(getDb(), { email: unknownEmail(), address: ip, now: at(30) })).toEqual({
      allowed: false,
      reason: "address",
      retryAfterSeconds: 900,
    });
    expect(
      (await countSignInAttempt(getDb(), { email: unknownEmail(), address: address(), now: at(31) })).allowed,
    ).toBe(true);
  });

  it("a window of 15 minutes: 4 attempts, then 4 more after the window, are not locked", async () => {
    const email = unknownEmail();
    const ip = address();
    for (let i = 0; i < 4; i++) await countSignInAttempt(getDb(), { email, address: ip, now: at(i) });
    for (let i = 0; i < 4; i++)
      expect((await countSignInAttempt(getDb(), { email, address: ip, now: at(901 + i) })).allowed).toBe(true);
  });

  it("says what happened and what to do", () => {
    expect(signInRefusalMessage({ reason: "account_address", retryAfterSeconds: 900 })).toBe(
      "Too many attempts for this account from this device: try again in 15 minutes, " +
        "or ask an administrator of your organisation to clear your sign-in limit (Settings, Members).",
    );
    expect(signInRefusalMessage({ reason: "address", retryAfterSeconds: 61 })).toBe(
      "Too many sign-in attempts from your network: try again in 2 minutes, or from another network.",
    );
  });

  it.skipIf(!onPostgres)(
    "30 parallel guesses from one address through two app instances' own connections: exactly 5 are let through, one lockout recorded (PostgreSQL)",
    async () => {
      const t = await createTestOrg();
      const ip = address();
      const a = openDatabase(parseConfig({ DATABASE_URL: process.env.DATABASE_URL, DATABASE_POOL_SIZE: "5" }));
      const b = openDatabase(parseConfig({ DATABASE_URL: process.env.DATABASE_URL, DATABASE_POOL_SIZE: "5" }));
      try {
        const verdicts = await Promise.all(
          Array.from({ length: 30 }, (_, i) =>
            countSignInAttempt((i % 2 ? a : b).db, { email: t.admin.email, address: ip, now: at(i % 3) }),
          ),
        );
        expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
        const events = await getDb()
          .select()
          .from(auditEvent)
          .where(and(eq(auditEvent.orgId, t.org.id), eq(auditEvent.action, "user.sign_in_locked")));
        expect(events).toHaveLength(1);
      } finally {
        await a.close();
        await b.close();
      }
    },
  );
});
