import "server-only";
import { generateKeyPair } from "node:crypto";
import { promisify } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { domainDkimKey, domainSending, emailDomain } from "@/db/schema";
import { notFound, pgErrorOf } from "@/lib/errors";
import { assertDkimKeysReadable, sealPrivateKey } from "./dkim-secret";

const generateKeyPairAsync = promisify(generateKeyPair);

/** A new RSA-2048 key: the public key as the p= of its TXT record, the private key as PKCS#8 PEM. */
export async function generateDkimKeyPair(): Promise<{ publicKey: string; privateKeyPem: string }> {
  const { publicKey, privateKey } = await generateKeyPairAsync("rsa", { modulusLength: 2048 });
  return {
    publicKey: publicKey.export({ type: "spki", format: "der" }).toString("base64"),
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

/** Our selector naming: `ino<yyyymm>` (UTC), with a letter after it when that month already has one. */
export function selectorFor(now: Date, taken: string[] = []): string {
  const base = `ino${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  if (!taken.includes(base)) return base;
  for (const letter of "bcdefghijklmnopqrstuvwxyz") if (!taken.includes(base + letter)) return base + letter;
  return `${base}-${Date.now().toString(36)}`;
}

async function activeKey(db: DbOrTx, orgId: string, domainId: string) {
  const [row] = await db
    .select({ selector: domainDkimKey.selector, publicKey: domainDkimKey.publicKey })
    .from(domainDkimKey)
    .where(
      and(eq(domainDkimKey.orgId, orgId), eq(domainDkimKey.domainId, domainId), eq(domainDkimKey.state, "active")),
    );
  return row;
}

/**
 * The domain's active DKIM key, made on first call (R34): when the domain is added, and for older domains on the
 * first visit of their set-up. Two concurrent callers end with ONE key: the partial unique index allows one
 * active key per domain, the loser's insert does nothing and it reads the winner's. The domain then waits for
 * its DNS record (checked every few minutes during its first hour). Another organisation's domain: NOT_FOUND.
 */
export async function ensureDomainKey(
  db: Db,
  params: { orgId: string; domainId: string; now: Date },
): Promise<{ selector: string; publicKey: string }> {
  const { orgId, domainId, now } = params;
  const existing = await activeKey(db, orgId, domainId);
  if (existing) return existing;
  const [domain] = await db
    .select({ id: emailDomain.id })
    .from(emailDomain)
    .where(and(eq(emailDomain.id, domainId), eq(emailDomain.orgId, orgId)));
  if (!domain) throw notFound("That email domain");
  await assertDkimKeysReadable(db); // a changed DKIM_ENCRYPTION_KEY is an error, not a second key nobody can read
  const pair = await generateDkimKeyPair();
  const sealed = sealPrivateKey(pair.privateKeyPem);
  try {
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(domainDkimKey)
        .values({
          orgId,
          domainId,
          selector: selectorFor(now),
          publicKey: pair.publicKey,
          ...sealed,
          state: "active",
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: domainDkimKey.id });
      if (inserted.length === 0) return;
      await tx
        .insert(domainSending)
        .values({ domainId, orgId, state: "waiting", waitingSince: now, nextCheckAt: now, createdAt: now })
        .onConflictDoUpdate({
          target: domainSending.domainId,
          set: { state: "waiting", waitingSince: now, nextCheckAt: now, version: sql`${domainSending.version} + 1` },
          setWhere: sql`${domainSending.state} = 'not_set_up'`,
        });
    });
  } catch (e) {
    if (pgErrorOf(e)?.code === "23503") throw notFound("That email domain"); // removed meanwhile
    throw e;
  }
  const row = await activeKey(db, orgId, domainId);
  if (!row) throw notFound("That email domain");
  return row;
}
