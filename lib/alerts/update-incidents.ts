import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { rows } from "@/db/rows";
import { alertEmail, healthIncident, type IncidentCause } from "@/db/schema";
import type { MailboxHealthRow } from "@/lib/health/find-health-facts";
import type { HealthCause } from "@/lib/mailbox-state/derive-mailbox-state";
import { findAlertRecipients } from "@/lib/members/find-alert-recipients";
import { recordWebhookEvents } from "@/lib/webhook-events/record-webhook-event";

function incidentCause(c: HealthCause | undefined): IncidentCause | null {
  if (c?.kind === "verification_failed")
    return { kind: "verification_failed", at: c.at.toISOString(), reason: c.reason };
  if (c?.kind === "silent") return { kind: "silent", since: c.since.toISOString() };
  // The demo's confirmed Gmail forwarding still asks for a person: the same email as a confirmation waiting.
  if (c?.kind === "confirmation_waiting" || c?.kind === "confirmed_verify_again")
    return { kind: "confirmation_waiting" };
  return null;
}

/**
 * Opens and closes incidents from the mailboxes' derived health (R29), and creates their alert emails in the same
 * transaction: a mailbox that was working (ever verified, or silent after a regular rhythm) and now needs
 * attention opens ONE incident (partial unique index: one open per mailbox); healthy again, it is resolved with
 * a recovery email; deactivated or moved to a new address, it is withdrawn without one. The instance whose
 * statement inserted (or resolved) the row is the only one that creates its emails, so several instances send
 * one alert per admin; several mailboxes of one organisation changing in one tick make one digest per admin.
 */
export async function updateIncidents(db: Db, facts: MailboxHealthRow[], now: Date) {
  const toOpen = facts.filter(
    (r) =>
      !r.openIncidentId && r.health.state === "needs_attention" && (r.everVerified || r.facts.silentSince !== null),
  );
  const toRecover = facts.filter((r) => r.openIncidentId && r.health.state === "healthy");
  const toWithdraw = facts.filter((r) => r.openIncidentId && r.health.state === "not_verified");
  if (toOpen.length + toRecover.length + toWithdraw.length === 0)
    return { opened: 0, recovered: 0, withdrawn: 0, alerts: 0 };

  return db.transaction(async (tx) => {
    const opened = toOpen.length
      ? await tx
          .insert(healthIncident)
          .values(
            toOpen.map((r) => ({
              orgId: r.orgId,
              mailboxId: r.mailboxId,
              cause: incidentCause(r.health.cause)!,
              openedAt: now,
            })),
          )
          .onConflictDoNothing({ target: healthIncident.mailboxId, where: sql`${healthIncident.resolvedAt} is null` })
          .returning({ id: healthIncident.id, orgId: healthIncident.orgId })
      : [];
    const resolve = async (ids: string[], resolution: "recovered" | "withdrawn") =>
      ids.length
        ? await rows(
            tx,
            sql`update health_incident set resolved_at = ${now.toISOString()}::timestamptz, resolution = ${resolution}
                where id in (${sql.join(
                  ids.map((id) => sql`${id}::uuid`),
                  sql`, `,
                )}) and resolved_at is null
                returning id::text as id, org_id::text as "orgId"`,
            z.object({ id: z.string(), orgId: z.string() }),
          )
        : [];
    const recovered = await resolve(
      toRecover.map((r) => r.openIncidentId!),
      "recovered",
    );
    const withdrawn = await resolve(
      toWithdraw.map((r) => r.openIncidentId!),
      "withdrawn",
    );

    // H3: each mailbox whose R29 state crossed healthy / needs attention / not verified.
    await recordWebhookEvents(
      tx,
      [...toOpen, ...toRecover, ...toWithdraw].map((r) => ({
        orgId: r.orgId,
        type: "mailbox.health.changed" as const,
        subjectId: r.mailboxId,
      })),
    );
    const orgIds = [...new Set([...opened, ...recovered].map((i) => i.orgId))];
    let alerts = 0;
    if (orgIds.length) {
      // R47: the organisation's alert recipients (chosen members, or every admin).
      const admins: { orgId: string; userId: string }[] = [];
      for (const orgId of orgIds)
        for (const r of await findAlertRecipients(tx, orgId)) admins.push({ orgId, userId: r.userId });
      const values: (typeof alertEmail.$inferInsert)[] = [];
      for (const [list, single, digest] of [
        [opened, "opened", "digest_opened"],
        [recovered, "recovered", "digest_recovered"],
      ] as const) {
        for (const orgId of orgIds) {
          const ids = list
            .filter((i) => i.orgId === orgId)
            .map((i) => i.id)
            .sort();
          if (ids.length === 0) continue;
          const kind = ids.length === 1 ? single : digest;
          for (const a of admins.filter((x) => x.orgId === orgId)) {
            values.push({
              orgId,
              userId: a.userId,
              kind,
              incidentIds: ids,
              dedupeKey: `${kind}:${a.userId}:${ids.join(",")}`,
              createdAt: now,
            });
          }
        }
      }
      if (values.length) {
        const inserted = await tx
          .insert(alertEmail)
          .values(values)
          .onConflictDoNothing({ target: alertEmail.dedupeKey })
          .returning({ id: alertEmail.id });
        alerts = inserted.length;
      }
    }
    return { opened: opened.length, recovered: recovered.length, withdrawn: withdrawn.length, alerts };
  });
}
