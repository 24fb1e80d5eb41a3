import "server-only";
import type { Db } from "@/db";
import { config } from "@/lib/config";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError, notFound } from "@/lib/errors";
import { deliverPlatformMessage } from "./deliver-platform-message";
import { RECORD_STATUS_LABELS, type RecordsSentResult } from "./types";
import { loadDomainFacts, toDomainSending } from "./load-domain-sending";
import { claimSendingBudget, releaseSendingBudget } from "./sending-limits";
import { domainZoneFile } from "./zone-file";

/**
 * "Send these records to your DNS admin" (R38): the records to publish, one per paragraph, and the zone file as an
 * attachment, to an address the admin typed; limited like test emails, audited on the domain.
 */
export async function sendRecordsToDnsAdmin(
  db: Db,
  params: { orgId: string; actorId: string; domainId: string; to: string; now: Date },
): Promise<RecordsSentResult> {
  const { orgId, domainId, now } = params;
  const to = params.to.trim();
  const [facts] = await loadDomainFacts(db, { orgId, domainIds: [domainId] });
  if (!facts) throw notFound("That email domain");
  const sending = toDomainSending(facts);
  if (!sending.activeSelector)
    throw new AppError("INVALID", `Set up sending for ${sending.domainUnicode} first: it has no key yet.`);
  const platform = config().PLATFORM_NAME;
  const zone = domainZoneFile(sending);
  const records = sending.records.filter((r) => r.purpose !== "dkim_previous");
  const text = [
    `Hello,`,
    "",
    `To let ${platform} send email as ${sending.domainUnicode}, please publish these DNS records in the zone of ${sending.domain}.`,
    `The same records are attached as a zone file (${zone.fileName}) that most DNS providers can import.`,
    "",
    ...records.flatMap((r) => [
      `${r.purpose === "dmarc" ? "DMARC (recommended)" : "DKIM (required)"} — status: ${RECORD_STATUS_LABELS[r.status]}`,
      `  Type:  ${r.type}`,
      `  Host:  ${r.host}   (fully qualified: ${r.fqdn})`,
      `  Value: ${r.value}`,
      "",
    ]),
    sending.spfSentence,
    "",
    "-- ",
    `Sent by ${platform} at the request of an administrator of your organisation.`,
  ].join("\r\n");
  const claim = await db.transaction((tx) =>
    claimSendingBudget(tx, { orgId, kind: "dns_records", domainId, recipient: to, actorId: params.actorId, now }),
  );
  try {
    await deliverPlatformMessage(db, {
      orgId,
      to,
      subject: `DNS records to publish for ${sending.domainUnicode}`,
      text,
      attachments: [{ filename: zone.fileName, content: zone.text, contentType: "text/plain; charset=utf-8" }],
    });
  } catch (e) {
    await releaseSendingBudget(db, { orgId, id: claim });
    throw e;
  }
  await db.transaction((tx) =>
    recordAuditEvent(tx, {
      orgId,
      actorId: params.actorId,
      action: "email_domain.records_sent",
      entityType: "email_domain",
      entityId: domainId,
      entityLabel: sending.domain,
      changes: { recordsSentTo: { from: null, to } },
    }),
  );
  return { sentAt: now, to };
}
