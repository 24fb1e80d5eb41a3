import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db";
import { rows } from "@/db/rows";
import { verificationPending } from "./verification-expiry";
import { requestForwardingVerification } from "./request-forwarding-verification";

export const CHECK_LEASE_MS = 10 * 60_000;
type Request = typeof requestForwardingVerification;

/**
 * Works one claimed check (job "forwarding-check"): takes it with an atomic update (a second worker, or the same
 * job delivered twice, finds it taken and does nothing), skips it if a verification is already in flight, and
 * otherwise starts the same round trip as "Verify forwarding", marked automatic and sent by the platform.
 */
export async function runScheduledCheck(
  db: DbOrTx,
  checkId: string,
  opts: { now?: Date; request?: Request } = {},
): Promise<"started" | "skipped" | "taken" | "failed"> {
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  const [claim] = await rows(
    db,
    sql`
      update forwarding_check c set claimed_at = ${at}::timestamptz
      where c.id = ${checkId}::uuid and c.done_at is null
        and (c.claimed_at is null or c.claimed_at < ${at}::timestamptz - make_interval(secs => ${CHECK_LEASE_MS / 1000}))
      returning c.org_id::text as "orgId", c.mailbox_id::text as "mailboxId",
        exists (select 1 from forwarding_verification v
                where v.mailbox_id = c.mailbox_id and ${verificationPending("v", now)}) as "busy"`,
    z.object({ orgId: z.string(), mailboxId: z.string(), busy: z.boolean() }),
  );
  if (!claim) return "taken";
  const finish = (verificationId: string | null, error: string | null) =>
    db.execute(sql`update forwarding_check set done_at = ${at}::timestamptz, verification_id = ${verificationId}::uuid, error = ${error}
                   where id = ${checkId}::uuid`);
  if (claim.busy) {
    await finish(null, "A verification was already in flight.");
    return "skipped";
  }
  try {
    const v = await (opts.request ?? requestForwardingVerification)({
      orgId: claim.orgId,
      actorId: null,
      mailboxId: claim.mailboxId,
      automatic: true,
      now,
    });
    await finish(v.id, null);
    return "started";
  } catch (e) {
    await finish(null, e instanceof Error ? e.message.slice(0, 500) : "The check could not start.");
    return "failed";
  }
}
