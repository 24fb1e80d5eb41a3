import { getDomain } from "tldts";
import type { DmarcFacts, RecordReason, RecordStatus } from "./types";
import { joinRecord, MAX_RECORDS_JUDGED, parseTagList, shownFound, type TxtLookup } from "./dns-answer";
import { mailboxAddress } from "@/lib/address";

export type DmarcEvaluation = { status: RecordStatus; reason: RecordReason; found: string[]; dmarc?: DmarcFacts };

/** The DMARC record we recommend when none is published: monitor only, reports to the domain's postmaster. */
export function recommendedDmarc(domain: string): string {
  return `v=DMARC1; p=none; rua=mailto:${mailboxAddress("postmaster", domain)}`;
}

/**
 * The DMARC record at `_dmarc.<domain>` (R35): none → we recommend one; one → its policy and whether DKIM
 * alignment passes for mail we sign as the domain (we sign d=<domain> with From @<domain>, so it passes in relaxed
 * and strict modes alike once the DKIM record verifies); several → receivers ignore them all (RFC 7489 §6.6.3).
 */
export function evaluateDmarcRecord(
  lookup: TxtLookup,
  opts: { dkimVerified: boolean; inherited?: boolean },
): DmarcEvaluation {
  if (lookup.kind === "error")
    return { status: "could_not_check", reason: lookup.code === "timeout" ? "dns_timeout" : "dns_error", found: [] };
  if (lookup.kind === "none") return { status: "not_found", reason: "dmarc_recommended", found: [] };
  const texts = lookup.records.slice(0, MAX_RECORDS_JUDGED).map(joinRecord);
  const dmarc = texts.filter((t) => /^\s*v\s*=\s*DMARC1\s*(;|$)/i.test(t));
  if (dmarc.length === 0) return { status: "not_found", reason: "dmarc_recommended", found: shownFound(texts) };
  if (dmarc.length > 1) return { status: "wrong_value", reason: "dmarc_several", found: shownFound(dmarc) };
  const tags = parseTagList(dmarc[0]);
  // For a subdomain without a record of its own, receivers apply the organisational domain's subdomain policy
  // (sp=), or its p= when it has none (RFC 7489 §6.6.3).
  const p = (opts.inherited ? (tags?.get("sp") ?? tags?.get("p")) : tags?.get("p"))?.toLowerCase();
  if (!tags || (p !== "none" && p !== "quarantine" && p !== "reject")) {
    return { status: "wrong_value", reason: "dmarc_malformed", found: shownFound(dmarc) };
  }
  const adkim = tags.get("adkim")?.toLowerCase() === "s" ? "strict" : "relaxed";
  const rua = tags.get("rua") ?? null;
  return {
    status: "verified",
    reason: opts.inherited ? "dmarc_inherited" : "dmarc_found",
    found: shownFound(dmarc),
    dmarc: { policy: p, alignment: adkim, aligned: opts.dkimVerified, rua: rua ? shownFound([rua])[0] : null },
  };
}

/**
 * The organisational domain whose DMARC record applies to `domain` when it publishes none (RFC 7489 §3.2 and
 * §6.6.3: one label below the public suffix, from the Public Suffix List), or null when `domain` is it already.
 */
export function organisationalDomain(domain: string): string | null {
  const org = getDomain(domain, { allowPrivateDomains: false });
  return org && org !== domain.toLowerCase() ? org : null;
}
