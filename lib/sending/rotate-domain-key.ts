import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { domainDkimKey, domainSending, emailDomain } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, notFound, pgErrorOf } from "@/lib/errors";
import { generateDkimKeyPair, selectorFor } from "./ensure-domain-key";
import { assertDkimKeysReadable, sealPrivateKey } from "./dkim-secret";

const alreadyRotating = () =>
  new AppError(
    "CONFLICT",
    "A new key is already waiting for its DNS record. Publish it and check DNS, then rotate again if needed.",
  );

/**
 * "Rotate key" (R34): makes a new key with a new selector, pending. The active key keeps signing until the new key's
 * record verifies at a check, then the new key signs and the old record "can be removed". One pending key per
 * domain (partial unique index): a second rotation meanwhile is refused with a sentence. Audited, key never shown.
 */
export async function rotateDomainKey(
  db: Db,
  params: { orgId: string; actorId: string; domainId: string; now: Date },
): Promise<{ selector: string }> {
  const { orgId, domainId, now } = params;
  await assertDkimKeysReadable(db);
  const pair = await generateDkimKeyPair();
  const sealed = sealPrivateKey(pair.privateKeyPem);
  try {
    return await db.transaction(async (tx) => {
      const [domain] = await tx
        .select({ id: emailDomain.id, domain: emailDomain.domain })
        .from(emailDomain)
        .where(and(eq(emailDomain.id, domainId), eq(emailDomain.orgId, orgId)))
        .for("update");
      if (!domain) throw notFound("That email domain");
      const keys = await tx
        .select({ selector: domainDkimKey.selector, state: domainDkimKey.state })
        .from(domainDkimKey)
        .where(and(eq(domainDkimKey.orgId, orgId), eq(domainDkimKey.domainId, domainId)));
      const active = keys.find((k) => k.state === "active");
      if (!active) throw new AppError("INVALID", "This domain has no key yet: open its set-up to make one.");
      if (keys.some((k) => k.state === "pending")) throw alreadyRotating();
      const selector = selectorFor(
        now,
        keys.map((k) => k.selector),
      );
      await tx
        .insert(domainDkimKey)
        .values({ orgId, domainId, selector, publicKey: pair.publicKey, ...sealed, state: "pending", createdAt: now });
      // Checked often again while the new record is expected.
      await tx
        .update(domainSending)
        .set({ waitingSince: now, nextCheckAt: now, version: sql`${domainSending.version} + 1` })
        .where(and(eq(domainSending.domainId, domainId), eq(domainSending.orgId, orgId)));
      await recordAuditEvent(tx, {
        orgId,
        actorId: params.actorId,
        action: "email_domain.dkim_key_rotated",
        entityType: "email_domain",
        entityId: domainId,
        entityLabel: domain.domain,
        changes: { dkimSelector: { from: active.selector, to: selector } },
      });
      return { selector };
    });
  } catch (e) {
    if (pgErrorOf(e)?.constraint === "domain_dkim_key_one_pending") throw alreadyRotating();
    throw e;
  }
}
