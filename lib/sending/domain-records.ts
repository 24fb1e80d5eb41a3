import { domainToUnicode } from "node:url";
import type { DomainSendingState, StoredRecordCheck } from "@/db/schema/sending";
import { recommendedDmarc } from "./evaluate-dmarc-record";
import type { DomainRecord, RecordPurpose, RecordReason } from "./types";

// Pure: the records a domain's administrator publishes (R35), each with its last result and a sentence.

export type KeyFacts = { selector: string; publicKey: string; state: "active" | "pending" | "retired" };

export function dkimValue(publicKey: string): string {
  return `v=DKIM1; k=rsa; p=${publicKey}`;
}

/** The domain in Unicode for display (IDN: "bücher.example" for "xn--bcher-kva.example"). */
export function unicodeDomain(domain: string): string {
  const u = domainToUnicode(domain);
  return u || domain;
}

export function recordExplanation(
  reason: RecordReason,
  ctx: { domain: string; fqdn: string; purpose: RecordPurpose },
): string {
  const d = ctx.domain;
  switch (reason) {
    case "not_checked":
      return ctx.purpose === "dmarc"
        ? "Not checked yet. Press Check DNS after publishing the records."
        : `Not checked yet. Publish this record at your DNS provider, then press Check DNS.`;
    case "match":
      return `Published with the platform's key: mail sent as ${d} passes DKIM.`;
    case "match_via_cname":
      return `The name is an alias (CNAME) to a record that publishes the platform's key: mail sent as ${d} passes DKIM.`;
    case "match_among_several":
      return "Published with the platform's key, among other TXT records at the same name (they do no harm).";
    case "no_record":
      return `No TXT record at ${ctx.fqdn}. Publish it at your DNS provider (changes can take up to an hour to show).`;
    case "not_dkim":
      return `The TXT records at ${ctx.fqdn} are not DKIM keys. Add the record above.`;
    case "other_key":
      return `A DKIM key is published at ${ctx.fqdn}, but not the platform's. Replace its value with the one above.`;
    case "revoked":
      return `The record at ${ctx.fqdn} has an empty key (p=), which revokes it. Replace its value with the one above.`;
    case "malformed":
      return `The record at ${ctx.fqdn} is not a valid DKIM key. Replace its value with the one above, exactly.`;
    case "several_dkim":
      return `Several DKIM records are published at ${ctx.fqdn}; receivers pick one at random. Keep only the one above.`;
    case "too_many":
      return `The name ${ctx.fqdn} answers with too many records to judge. Keep only the record above.`;
    case "dns_timeout":
      return "The DNS servers did not answer in time. This says nothing about the record: check again later.";
    case "dns_error":
      return "The DNS servers answered with an error (for example SERVFAIL). This says nothing about the record: check again later.";
    case "dmarc_recommended":
      return `No DMARC record on ${d}. We recommend this one: it asks receivers for reports and changes no delivery.`;
    case "dmarc_found":
      return `A DMARC record is published on ${d}; you do not need to change it.`;
    case "dmarc_inherited":
      return `No DMARC record on ${d} itself: receivers apply the one of its organisational domain. You need not publish one of your own.`;
    case "dmarc_several":
      return `Several DMARC records are published at ${ctx.fqdn}; receivers then ignore all of them. Keep only one.`;
    case "dmarc_malformed":
      return `The DMARC record at ${ctx.fqdn} has no valid policy (p=none, quarantine or reject). Receivers ignore it.`;
    case "old_key_still_signing":
      return "The previous key: it keeps signing until the new record is verified. Keep it published until then.";
    case "old_key_removable":
      return "The previous key no longer signs: this record can be removed from your DNS.";
  }
}

function dmarcSentence(c: StoredRecordCheck, domain: string): string | null {
  if (!c.dmarc) return null;
  const policy = {
    none: "monitor only (p=none)",
    quarantine: "quarantine (p=quarantine)",
    reject: "reject (p=reject)",
  }[c.dmarc.policy ?? "none"];
  const aligned =
    c.dmarc.aligned === true
      ? `DKIM alignment passes: mail is signed as ${domain}, the domain of its From address.`
      : `DKIM alignment will pass once the DKIM record is verified (mail is signed as ${domain}).`;
  return `Policy: ${policy}. ${aligned}`;
}

/**
 * The records table: the active key's DKIM record (required), a rotation's new key (required once it signs) or
 * the previous key's, and DMARC (recommended). `checks` are the last check's results (codes), matched by name.
 */
export function buildDomainRecords(params: {
  domain: string;
  keys: KeyFacts[];
  checks: StoredRecordCheck[];
}): DomainRecord[] {
  const { domain } = params;
  const byName = new Map(params.checks.map((c) => [`${c.purpose}:${c.fqdn}`, c]));
  const rows: DomainRecord[] = [];
  const keyRow = (key: KeyFacts, purpose: RecordPurpose): DomainRecord => {
    const host = `${key.selector}._domainkey`;
    const fqdn = `${host}.${domain}`;
    const c = byName.get(`${purpose}:${fqdn}`) ?? byName.get(`dkim:${fqdn}`) ?? byName.get(`dkim_next:${fqdn}`);
    let status = c?.status ?? "not_checked";
    let reason = (c?.reason as RecordReason | undefined) ?? "not_checked";
    if (purpose === "dkim_previous") {
      status = "can_be_removed";
      reason = "old_key_removable";
    }
    return {
      purpose,
      type: "TXT",
      host,
      fqdn,
      value: dkimValue(key.publicKey),
      required: purpose !== "dkim_previous",
      status,
      reason,
      found: status === "verified" ? [] : (c?.found ?? []),
      explanation: recordExplanation(reason, { domain, fqdn, purpose }),
      checkedAt: c ? new Date(c.checkedAt) : null,
    };
  };
  const active = params.keys.find((k) => k.state === "active");
  const pending = params.keys.find((k) => k.state === "pending");
  if (active) {
    const row = keyRow(active, "dkim");
    if (pending && row.status === "verified") {
      row.explanation = `${row.explanation} ${recordExplanation("old_key_still_signing", { domain, fqdn: row.fqdn, purpose: "dkim" })}`;
    }
    rows.push(row);
  }
  if (pending) rows.push(keyRow(pending, "dkim_next"));
  // The previous key after a rotation, while its record is still published (the last check found it).
  for (const k of params.keys.filter((k) => k.state === "retired")) {
    const fqdn = `${k.selector}._domainkey.${domain}`;
    const c = byName.get(`dkim_previous:${fqdn}`);
    if (c && c.status === "verified") rows.push(keyRow(k, "dkim_previous"));
  }
  const dmarcFqdn = `_dmarc.${domain}`;
  const c = byName.get(`dmarc:${dmarcFqdn}`);
  const found = c?.reason === "dmarc_found" && c.found[0] ? c.found[0] : null;
  const reason = (c?.reason as RecordReason | undefined) ?? "not_checked";
  const explanation = recordExplanation(reason, { domain, fqdn: dmarcFqdn, purpose: "dmarc" });
  const inherited = c?.reason === "dmarc_inherited" && c.found[0] ? `Published: ${c.found[0]}` : null;
  const extra = [inherited, c ? dmarcSentence(c, domain) : null].filter(Boolean).join(" ") || null;
  rows.push({
    purpose: "dmarc",
    type: "TXT",
    host: "_dmarc",
    fqdn: dmarcFqdn,
    value: found ?? recommendedDmarc(domain),
    required: false,
    status: c?.status ?? "not_checked",
    reason,
    found: c && c.status !== "verified" ? c.found : [],
    explanation: extra ? `${explanation} ${extra}` : explanation,
    checkedAt: c ? new Date(c.checkedAt) : null,
    ...(c?.dmarc
      ? { dmarc: { ...c.dmarc, policy: (c.dmarc.policy as "none" | "quarantine" | "reject" | null) ?? null } }
      : {}),
  });
  return rows;
}

export const SPF_SENTENCE =
  "SPF: nothing to publish on your domain. The platform sends with its own return path, so SPF is checked on the " +
  "platform's domain, and DMARC passes through DKIM alone.";

export function domainStateSentence(state: DomainSendingState, domain: string): string {
  switch (state) {
    case "not_set_up":
      return `Sending is not set up for ${domain} yet.`;
    case "waiting":
      return `Waiting for the DKIM record of ${domain} to appear in DNS.`;
    case "ready":
      return `Ready to send: mail sent as ${domain} is signed and passes DKIM.`;
    case "at_risk":
      return `At risk: the DKIM record of ${domain} was not found at the last check. Mail as ${domain} is held until it verifies again.`;
    case "broken":
      return `Broken: the DKIM record of ${domain} has been missing for several checks. The platform cannot send as ${domain}.`;
  }
}

/**
 * Why a domain cannot send (null when it can): R36, a domain sends only when its DKIM record verified at its last
 * check.
 */
export function cannotSendReason(state: DomainSendingState, domain: string, lastReason?: string): string | null {
  if (state === "ready") return null;
  if (state === "not_set_up")
    return `Sending is not set up for ${domain}: open its set-up and publish its DKIM record.`;
  const what =
    lastReason === "other_key" ||
    lastReason === "malformed" ||
    lastReason === "revoked" ||
    lastReason === "several_dkim"
      ? "has the wrong value"
      : lastReason === "dns_timeout" || lastReason === "dns_error"
        ? "could not be checked"
        : state === "waiting" && (!lastReason || lastReason === "not_checked")
          ? "has not been verified yet"
          : "was not found";
  return `Cannot send: the DKIM record of ${domain} ${what}.`;
}
