import type { RecordReason, RecordStatus } from "./types";
import {
  joinRecord,
  MAX_RECORD_CHARS,
  MAX_RECORDS_JUDGED,
  parseTagList,
  shownFound,
  type TxtLookup,
} from "./dns-answer";

export type DkimEvaluation = { status: RecordStatus; reason: RecordReason; found: string[] };

type Judged = "ours" | "other_key" | "revoked" | "malformed" | "not_dkim";

/** The key of a p= value, whitespace removed, as bytes (so that padding or line breaks do not matter). */
function keyBytes(p: string): Buffer | null {
  const clean = p.replace(/\s+/g, "");
  if (!clean) return Buffer.alloc(0);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) return null;
  return Buffer.from(clean, "base64");
}

/** One TXT record at a DKIM name, judged against our public key (base64 SPKI DER). */
export function judgeDkimRecord(text: string, ours: Buffer): Judged {
  if (text.length > MAX_RECORD_CHARS) return "malformed";
  const tags = parseTagList(text);
  if (!tags) return /v\s*=\s*DKIM1/i.test(text) || /(^|;)\s*p\s*=/.test(text) ? "malformed" : "not_dkim";
  const v = tags.get("v");
  if (v !== undefined && v.replace(/\s+/g, "") !== "DKIM1")
    return v.toUpperCase().startsWith("DKIM") ? "malformed" : "not_dkim";
  if (!tags.has("p")) return v !== undefined ? "malformed" : "not_dkim";
  const k = tags.get("k");
  if (k !== undefined && k.replace(/\s+/g, "").toLowerCase() !== "rsa") return "other_key";
  const key = keyBytes(tags.get("p")!);
  if (key === null) return "malformed";
  if (key.length === 0) return "revoked";
  return key.equals(ours) ? "ours" : "other_key";
}

/**
 * The status of the DKIM record at `<selector>._domainkey.<domain>` (R35): it matches when its public key is ours,
 * whatever the whitespace, tag order or string splitting. Several TXT records at the name, a CNAME to the key, a
 * record of another key, a revoked or malformed key are each judged and explained; a DNS failure is "could not
 * check", never "not found". Pure and bounded: a hostile answer costs no more than MAX_RECORDS_JUDGED records.
 */
export function evaluateDkimRecord(lookup: TxtLookup, publicKeyBase64: string): DkimEvaluation {
  if (lookup.kind === "error")
    return { status: "could_not_check", reason: lookup.code === "timeout" ? "dns_timeout" : "dns_error", found: [] };
  if (lookup.kind === "none" || lookup.records.length === 0)
    return { status: "not_found", reason: "no_record", found: [] };
  const texts = lookup.records.slice(0, MAX_RECORDS_JUDGED).map(joinRecord);
  const found = shownFound(texts);
  if (lookup.records.length > MAX_RECORDS_JUDGED) return { status: "wrong_value", reason: "too_many", found };
  const ours = Buffer.from(publicKeyBase64, "base64");
  const judged = texts.map((t) => judgeDkimRecord(t, ours));
  const dkim = judged.filter((j) => j !== "not_dkim");
  if (dkim.length === 0) return { status: "not_found", reason: "not_dkim", found };
  if (dkim.length > 1) {
    return { status: "wrong_value", reason: "several_dkim", found };
  }
  const only = dkim[0];
  if (only === "ours") {
    const reason: RecordReason = lookup.cname ? "match_via_cname" : judged.length > 1 ? "match_among_several" : "match";
    return { status: "verified", reason, found: judged.length > 1 ? found : [] };
  }
  return { status: "wrong_value", reason: only, found };
}
