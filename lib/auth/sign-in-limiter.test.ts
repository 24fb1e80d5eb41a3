import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { openDatabase } from "@/db/client";
import { auditEvent } from "@/db/schema";
import { createTestOrg } from "@/tests/fixtures";
import { SIGN_IN_LIMITS, countSignInAttempt, forgiveSignInAttempt, tooManyAttemptsMessage } from "./sign-in-limiter";
import { parseConfig } from "@/lib/config";

const onPostgres = !!process.env.DATABASE_URL;
const T0 = new Date("2026-11-26T10:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const address = () => `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;
const unknownEmail = () => `nobody-${randomUUID().slice(0, 8)}@test.example`;

describe("sign-in attempts are limited per account and per address", () => {
  it("locks an account after 5 attempts for 15 minutes, records the lockout once, and the same for an unknown account", async () => {
    const t = await createTestOrg();
    for (const email of [t.admin.email, unknownEmail()]) {
      for (let i = 0; i < 5; i++) expect(await countSignInAttempt(db, { email, address: address(), now: at(i) })).toEqual({ allowed: true });
      expect(await countSignInAttempt(db, { email, address: address(), now: at(5) })).toEqual({ allowed: false, retryAfterSeconds: 900 });
      expect(await countSignInAttempt(db, { email: email.toUpperCase(), address: address(), now: at(65) })).toEqual({ allowed: false, retryAfterSeconds: 840 });
    }
    const events = await db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.orgId, t.org.id), eq(auditEvent.action, "user.sign_in_locked")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityType: "user", entityId: t.admin.id, entityLabel: t.admin.email });
  });

  it("lets the account try again once the lock is over, and a success clears its count", async () => {
    const email = unknownEmail();
    const ip = address();
    for (let i = 0; i < 6; i++) await countSignInAttempt(db, { email, address: ip, now: at(i) });
    expect((await countSignInAttempt(db, { email, address: ip, now: at(899) })).allowed).toBe(false);
    expect(await countSignInAttempt(db, { email, address: ip, now: at(906) })).toEqual({ allowed: true });
    for (let i = 0; i < 3; i++) await countSignInAttempt(db, { email, address: ip, now: at(910 + i) });
    await forgiveSignInAttempt(db, { email, address: ip });
    for (let i = 0; i < 5; i++) expect((await countSignInAttempt(db, { email, address: ip, now: at(920 + i) })).allowed).toBe(true);
  });

  it("locks an address after 20 attempts on different accounts", async () => {
    const ip = address();
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) expect((await countSignInAttempt(db, { email: unknownEmail(), address: ip, now: at(i) })).allowed).toBe(true);
    expect(await countSignInAttempt(db, { email: unknownEmail(), address: ip, now: at(30) })).toEqual({ allowed: false, retryAfterSeconds: 900 });
    expect((await countSignInAttempt(db, { email: unknownEmail(), address: address(), now: at(31) })).allowed).toBe(true);
  });

  it("a window of 15 minutes: 4 attempts, then 4 more after the window, are not locked", async () => {
    const email = unknownEmail();
    for (let i = 0; i < 4; i++) await countSignInAttempt(db, { email, address: address(), now: at(i) });
    for (let i = 0; i < 4; i++) expect((await countSignInAttempt(db, { email, address: address(), now: at(901 + i) })).allowed).toBe(true);
  });

  it("says how long to wait in whole minutes", () => {
    expect(tooManyAttemptsMessage(900)).toBe("Too many attempts: try again in 15 minutes.");
    expect(tooManyAttemptsMessage(61)).toBe("Too many attempts: try again in 2 minutes.");
    expect(tooManyAttemptsMessage(5)).toBe("Too many attempts: try again in 1 minute.");
  });

  it.skipIf(!onPostgres)("30 parallel guesses through two app instances' own connections: exactly 5 are let through, one lockout recorded (PostgreSQL)", async () => {
    const t = await createTestOrg();
    const a = openDatabase(parseConfig({ DATABASE_URL: process.env.DATABASE_URL, DATABASE_POOL_SIZE: "5" }));
    const b = openDatabase(parseConfig({ DATABASE_URL: process.env.DATABASE_URL, DATABASE_POOL_SIZE: "5" }));
    try {
      const verdicts = await Promise.all(
        Array.from({ length: 30 }, (_, i) => countSignInAttempt((i % 2 ? a : b).db, { email: t.admin.email, address: address(), now: at(i % 3) })),
      );
      expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
      const events = await db.select().from(auditEvent).where(and(eq(auditEvent.orgId, t.org.id), eq(auditEvent.action, "user.sign_in_locked")));
      expect(events).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
