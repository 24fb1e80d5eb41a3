import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rowsOf } from "@/db";
import { auditEvent, membership, signInLimit, user } from "@/db/schema";

/** How many sign-in attempts each key may make per window before it is locked for `lockSeconds`. */
export type SignInLimits = { perAccount: number; perAddress: number; windowSeconds: number; lockSeconds: number };
export const SIGN_IN_LIMITS: SignInLimits = { perAccount: 5, perAddress: 20, windowSeconds: 15 * 60, lockSeconds: 15 * 60 };

export type SignInVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const keyOf = (kind: "account" | "address", value: string) => createHash("sha256").update(`${kind}:${value}`).digest("hex");

type Bucket = { kind: "account" | "address"; key: string; max: number };

/**
 * Counts one sign-in attempt for the account (the typed email, whether the account exists or not) and for the
 * client address, before the password is checked, in one atomic upsert per key, so that parallel guesses on
 * several app instances are counted exactly. Refused when either key is over its limit; the attempt that
 * locks an existing account is recorded in its organisations' history.
 */
export async function countSignInAttempt(
  db: DbOrTx,
  params: { email: string; address: string; now: Date; limits?: SignInLimits },
): Promise<SignInVerdict> {
  const limits = params.limits ?? SIGN_IN_LIMITS;
  const email = params.email.trim().toLowerCase();
  const buckets: Bucket[] = [
    { kind: "account", key: keyOf("account", email), max: limits.perAccount },
    { kind: "address", key: keyOf("address", params.address), max: limits.perAddress },
  ];
  let retryAfterSeconds = 0;
  const justLocked: Bucket["kind"][] = [];
  for (const b of buckets) {
    const { lockedUntil, locked } = await countOne(db, b, params.now, limits);
    if (!lockedUntil || lockedUntil.getTime() <= params.now.getTime()) continue;
    retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil((lockedUntil.getTime() - params.now.getTime()) / 1000));
    if (locked) justLocked.push(b.kind);
  }
  if (justLocked.length > 0) await recordLockout(db, { email, address: params.address, reasons: justLocked, now: params.now });
  return retryAfterSeconds > 0 ? { allowed: false, retryAfterSeconds } : { allowed: true };
}

/** A successful sign-in clears the account's count and gives the address its attempt back. */
export async function forgiveSignInAttempt(db: DbOrTx, params: { email: string; address: string }): Promise<void> {
  await db.delete(signInLimit).where(eq(signInLimit.key, keyOf("account", params.email.trim().toLowerCase())));
  await db
    .update(signInLimit)
    .set({ attempts: sql`greatest(${signInLimit.attempts} - 1, 0)` })
    .where(eq(signInLimit.key, keyOf("address", params.address)));
}

async function countOne(db: DbOrTx, b: Bucket, now: Date, limits: SignInLimits): Promise<{ lockedUntil: Date | null; locked: boolean }> {
  const t = sql.raw('"sign_in_limit"');
  const nowTs = sql`${now.toISOString()}::timestamptz`;
  const locked = sql`${t}.locked_until is not null and ${t}.locked_until > ${nowTs}`;
  // A new window starts when the last one is over or a lock has just run out.
  const reset = sql`(${t}.window_started_at <= ${nowTs} - make_interval(secs => ${limits.windowSeconds}) or ${t}.locked_until is not null)`;
  const lockUntil = sql`${nowTs} + make_interval(secs => ${limits.lockSeconds})`;
  // Attempts keep counting while locked, so exactly one attempt (the one reaching max + 1) locks the key.
  const result = await db.execute(sql`
    insert into ${t} (key, attempts, window_started_at, locked_until)
    values (${b.key}, 1, ${nowTs}, null)
    on conflict (key) do update set
      attempts = case when ${locked} then ${t}.attempts + 1 when ${reset} then 1 else ${t}.attempts + 1 end,
      window_started_at = case when ${locked} or not ${reset} then ${t}.window_started_at else ${nowTs} end,
      locked_until = case
        when ${locked} then ${t}.locked_until
        when not ${reset} and ${t}.attempts + 1 > ${b.max} then ${lockUntil}
        else null end
    returning locked_until, (locked_until is not null and attempts = ${b.max} + 1) as just_locked`);
  const [row] = rowsOf<{ locked_until: string | Date | null; just_locked: boolean | null }>(result);
  return { lockedUntil: row?.locked_until ? new Date(row.locked_until) : null, locked: row?.just_locked === true };
}

/** The lockout in the history of every organisation the account belongs to (none for an unknown account). */
async function recordLockout(db: DbOrTx, params: { email: string; address: string; reasons: Bucket["kind"][]; now: Date }) {
  const members = await db
    .select({ userId: user.id, orgId: membership.orgId })
    .from(user)
    .innerJoin(membership, eq(membership.userId, user.id))
    .where(eq(user.email, params.email));
  if (members.length === 0) {
    console.warn(`[auth] Sign-in locked (${params.reasons.join(", ")}) for an unknown account from ${params.address}.`);
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
      changes: { lockedBy: { from: null, to: params.reasons.join(", ") }, address: { from: null, to: params.address } },
      createdAt: params.now,
    })),
  );
}

/** "Too many attempts: try again in 15 minutes." */
export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts: try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}

