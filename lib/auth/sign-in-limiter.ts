import "server-only";
import { createHash } from "node:crypto";
import { eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { date, dateOrNull, num, rows } from "@/db/rows";
import { auditEvent, membership, signInLimit, user } from "@/db/schema";

/**
 * R31 (issue 20 item 1, ASVS 5.0 V6.3): the hard limits are per client address (`perAddress` attempts on any
 * accounts) and per (account, address) pair (`perPair`); each locks only that key for `lockSeconds`. An account
 * alone only gets a soft delay: from `softAfter` attempts in the window on, each address must wait
 * `2^(n - softAfter)` seconds (at most `maxDelaySeconds`) after ITS OWN last attempt on that account. So no one
 * can lock anyone else out: the right password from a clean address always passes.
 */
export type SignInLimits = {
  perPair: number;
  perAddress: number;
  windowSeconds: number;
  lockSeconds: number;
  softAfter: number;
  maxDelaySeconds: number;
};
export const SIGN_IN_LIMITS: SignInLimits = {
  perPair: 5,
  perAddress: 20,
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
  softAfter: 5,
  maxDelaySeconds: 8,
};

/**
 * Why an attempt was refused: its address is over its limit, this address is over its limit for the account, or too
 * early.
 */
export type SignInRefusal = "address" | "account_address" | "delay";
export type SignInVerdict = { allowed: true } | { allowed: false; reason: SignInRefusal; retryAfterSeconds: number };

const hash = (s: string) => createHash("sha256").update(s).digest("hex");
const normalEmail = (email: string) => email.trim().toLowerCase();
/** The limiter's key of an account (exported for the admin's "Clear sign-in limit"). */
export const accountKeyOf = (email: string) => hash(`account:${normalEmail(email)}`);
const addressKeyOf = (address: string) => hash(`address:${address}`);
const pairKeyOf = (email: string, address: string) => hash(`pair:${normalEmail(email)}|${address}`);

const secondsUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));

/** The soft delay of an account that has had `attempts` attempts in its window, in seconds (0: none). */
export function accountDelaySeconds(attempts: number, limits: SignInLimits = SIGN_IN_LIMITS): number {
  if (attempts < limits.softAfter) return 0;
  return Math.min(limits.maxDelaySeconds, 2 ** (attempts - limits.softAfter));
}

const limitRow = z.object({
  attempts: num(),
  window_started_at: date(),
  locked_until: dateOrNull(),
  last_attempt_at: dateOrNull(),
});

/**
 * Counts one sign-in attempt before the password is checked, in one transaction (rows locked, so that parallel
 * guesses on several app instances are counted exactly). First the client address: over its own limit, the
 * attempt is refused and counts against no account. Then the (account, address) pair, under its row lock: locked,
 * or too early for the account's soft delay, it is refused without counting; otherwise it counts for the pair
 * (the attempt over `perPair` locks the pair and is recorded in the account's organisations' history) and for the
 * account (whose count only sets the delay). The account is the typed email, whether it exists or not.
 */
export async function countSignInAttempt(
  db: DbOrTx,
  params: { email: string; address: string; now: Date; limits?: SignInLimits },
): Promise<SignInVerdict> {
  const limits = params.limits ?? SIGN_IN_LIMITS;
  const email = normalEmail(params.email);
  const { now } = params;
  const verdict = await db.transaction(async (tx) => {
    const addressLock = await countAddress(tx, addressKeyOf(params.address), now, limits);
    if (addressLock)
      return { allowed: false, reason: "address", retryAfterSeconds: secondsUntil(addressLock, now) } as const;

    const t = sql.raw('"sign_in_limit"');
    const nowTs = sql`${now.toISOString()}::timestamptz`;
    const accountKey = accountKeyOf(email);
    const pairKey = pairKeyOf(email, params.address);
    // The pair's row, created empty if new, and locked until the end of this transaction.
    const [pair] = await rows(
      tx,
      sql`
        insert into ${t} (key, attempts, window_started_at, account_key) values (${pairKey}, 0, ${nowTs}, ${accountKey})
        on conflict (key) do update set account_key = excluded.account_key
        returning attempts, window_started_at, locked_until, last_attempt_at`,
      limitRow,
    );
    const lockedUntil = pair.locked_until;
    if (lockedUntil && lockedUntil > now) {
      return { allowed: false, reason: "account_address", retryAfterSeconds: secondsUntil(lockedUntil, now) } as const;
    }
    const windowStart = new Date(now.getTime() - limits.windowSeconds * 1000);
    // A new window starts when the last one is over or a lock has just run out.
    const reset = lockedUntil !== null || pair.window_started_at <= windowStart;
    const attempts = (reset ? 0 : pair.attempts) + 1;
    const lock = attempts > limits.perPair ? new Date(now.getTime() + limits.lockSeconds * 1000) : null;
    if (!lock) {
      const [account] = await tx
        .select({ attempts: signInLimit.attempts, windowStartedAt: signInLimit.windowStartedAt })
        .from(signInLimit)
        .where(eq(signInLimit.key, accountKey));
      const accountAttempts = account && account.windowStartedAt > windowStart ? account.attempts : 0;
      const delay = accountDelaySeconds(accountAttempts, limits);
      const last = pair.last_attempt_at;
      if (!reset && delay > 0 && last && last.getTime() + delay * 1000 > now.getTime()) {
        const until = new Date(last.getTime() + delay * 1000);
        return { allowed: false, reason: "delay", retryAfterSeconds: secondsUntil(until, now) } as const;
      }
    }
    await tx
      .update(signInLimit)
      .set({ attempts, windowStartedAt: reset ? now : undefined, lockedUntil: lock, lastAttemptAt: now })
      .where(eq(signInLimit.key, pairKey));
    await tx.execute(sql`
      insert into ${t} (key, attempts, window_started_at) values (${accountKey}, 1, ${nowTs})
      on conflict (key) do update set
        attempts = case when ${t}.window_started_at <= ${windowStart.toISOString()}::timestamptz then 1 else ${t}.attempts + 1 end,
        window_started_at = case when ${t}.window_started_at <= ${windowStart.toISOString()}::timestamptz
                            then ${nowTs} else ${t}.window_started_at end`);
    if (lock) {
      await recordLockout(tx, { email, address: params.address, now });
      return { allowed: false, reason: "account_address", retryAfterSeconds: limits.lockSeconds } as const;
    }
    return { allowed: true } as const;
  });
  return verdict;
}

/** The address's own count (one atomic upsert); the end of its lock when it is over its limit. */
async function countAddress(tx: DbOrTx, key: string, now: Date, limits: SignInLimits): Promise<Date | null> {
  const t = sql.raw('"sign_in_limit"');
  const nowTs = sql`${now.toISOString()}::timestamptz`;
  const locked = sql`${t}.locked_until is not null and ${t}.locked_until > ${nowTs}`;
  const reset = sql`(${t}.window_started_at <= ${nowTs} - make_interval(secs => ${limits.windowSeconds}) or ${t}.locked_until is not null)`;
  const lockUntil = sql`${nowTs} + make_interval(secs => ${limits.lockSeconds})`;
  const [row] = await rows(
    tx,
    sql`
    insert into ${t} (key, attempts, window_started_at, locked_until)
    values (${key}, 1, ${nowTs}, null)
    on conflict (key) do update set
      attempts = case when ${locked} then ${t}.attempts when ${reset} then 1 else ${t}.attempts + 1 end,
      window_started_at = case when ${locked} or not ${reset} then ${t}.window_started_at else ${nowTs} end,
      locked_until = case
        when ${locked} then ${t}.locked_until
        when not ${reset} and ${t}.attempts + 1 > ${limits.perAddress} then ${lockUntil}
        else null end
    returning locked_until`,
    z.object({ locked_until: dateOrNull() }),
  );
  const until = row?.locked_until ?? null;
  return until && until > now ? until : null;
}

/**
 * A successful sign-in clears the account's delay and this address's count for it, and gives the address its
 * attempt back (other addresses' locks on the account stay: they are someone else's guesses).
 */
export async function forgiveSignInAttempt(db: DbOrTx, params: { email: string; address: string }): Promise<void> {
  const keys = [accountKeyOf(params.email), pairKeyOf(params.email, params.address)];
  await db.delete(signInLimit).where(or(eq(signInLimit.key, keys[0]), eq(signInLimit.key, keys[1])));
  await db
    .update(signInLimit)
    .set({ attempts: sql`greatest(${signInLimit.attempts} - 1, 0)` })
    .where(eq(signInLimit.key, addressKeyOf(params.address)));
}

/** Removes every limit of one account: its delay and the lock of each address on it (not the addresses' own). */
export async function clearAccountSignInLimits(db: DbOrTx, email: string): Promise<number> {
  const key = accountKeyOf(email);
  const removed = await db
    .delete(signInLimit)
    .where(or(eq(signInLimit.key, key), eq(signInLimit.accountKey, key)))
    .returning({ key: signInLimit.key });
  return removed.length;
}

/** The lockout in the history of every organisation the account belongs to (none for an unknown account). */
async function recordLockout(db: DbOrTx, params: { email: string; address: string; now: Date }) {
  const members = await db
    .select({ userId: user.id, orgId: membership.orgId })
    .from(user)
    .innerJoin(membership, eq(membership.userId, user.id))
    .where(eq(user.email, params.email));
  if (members.length === 0) {
    console.warn(`[auth] Sign-in locked for an unknown account from ${params.address}.`);
    return;
  }
  await db.insert(auditEvent).values(
    members.map((m) => ({
      orgId: m.orgId,
      actorId: null,
      action: "user.sign_in_locked",
      entityType: "user",
      entityId: m.userId,
      entityLabel: params.email,
      changes: { lockedBy: { from: null, to: "account and address" }, address: { from: null, to: params.address } },
      createdAt: params.now,
    })),
  );
}

const minutes = (s: number) => {
  const m = Math.max(1, Math.ceil(s / 60));
  return `${m} ${m === 1 ? "minute" : "minutes"}`;
};
const seconds = (s: number) => `${s} ${s === 1 ? "second" : "seconds"}`;

/** What the person reads: what happened, and what to do. */
export function signInRefusalMessage(v: { reason: SignInRefusal; retryAfterSeconds: number }): string {
  if (v.reason === "delay") {
    return `This account has had many failed sign-ins: wait ${seconds(v.retryAfterSeconds)}, then try again.`;
  }
  if (v.reason === "address") {
    return `Too many sign-in attempts from your network: try again in ${minutes(v.retryAfterSeconds)}, or from another network.`;
  }
  return (
    `Too many attempts for this account from this device: try again in ${minutes(v.retryAfterSeconds)}, ` +
    "or ask an administrator of your organisation to clear your sign-in limit (Settings, Members)."
  );
}
