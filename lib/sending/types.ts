// The sending identity's contract (issue 19, R34–R39): what the services return and the screens show.
// send-ui: these names are stable. Services (one per file, all org-scoped, another org's domain is NOT_FOUND):
//   ensureDomainKey(db, { orgId, domainId, now })                 lib/sending/ensure-domain-key.ts
//   rotateDomainKey(db, { orgId, actorId, domainId, now })        lib/sending/rotate-domain-key.ts
//   checkDomainDns(db, { orgId, domainId, now, actorId? })        lib/sending/check-domain-dns.ts → DomainSending
//   getDomainSendingOrThrow(db, { orgId, domainId, now })         lib/sending/get-domain-sending-or-throw.ts
//       (the set-up page: it also makes the key on first visit, so it is a write; call it from the page itself)
//   findDomainsSending(db, { orgId })                             lib/sending/find-domains-sending.ts → Map by id
//   findMailboxesSending(db, { orgId, mailboxIds? })              lib/sending/find-mailboxes-sending.ts
//   sendTestEmail(db, { orgId, actorId, mailboxId, to, now })     lib/sending/send-test-email.ts → TestEmailResult
//   sendRecordsToDnsAdmin(db, { orgId, actorId, domainId, to, now }) lib/sending/send-records-to-dns-admin.ts
//   domainZoneFile(sending: DomainSending) → { fileName, text }   lib/sending/zone-file.ts (pure)
//   publishDemoRecord(db, { orgId, domainId, now })               lib/sending/publish-demo-record.ts (demo only)
// Every refusal is an AppError with a sentence for the person. Times are Date (format them in the org's zone).

import type { DomainSendingState, RecordStatus } from "@/db/schema/sending";

export type { DomainSendingState, RecordStatus };

/** Why a record has its status: a code, turned into a sentence by `recordExplanation` (lib/sending/explain.ts). */
export type RecordReason =
  | "not_checked"
  | "match" // the published key is ours
  | "match_via_cname" // the name is a CNAME whose target publishes our key
  | "match_among_several" // several TXT records at the name, one is ours
  | "no_record" // NXDOMAIN or no TXT at the name
  | "not_dkim" // TXT records at the name, none is a DKIM key
  | "other_key" // a DKIM key, not ours (an old key, or another sender's)
  | "revoked" // a DKIM record with an empty p= (a revoked key)
  | "malformed" // v=DKIM1 … but p= is not a key
  | "several_dkim" // several DKIM records at the name, none ours: receivers pick one at random
  | "too_many" // hundreds of records, or an answer too large to judge
  | "dns_timeout"
  | "dns_error" // SERVFAIL, refused, a CNAME loop…
  | "dmarc_recommended" // no DMARC record: we recommend one
  | "dmarc_found" // a DMARC record is published (its policy and alignment are in `dmarc`)
  | "dmarc_inherited" // none on the (sub)domain: receivers apply its organisational domain's (RFC 7489 §6.6.3)
  | "dmarc_several" // several DMARC records: receivers ignore them all
  | "dmarc_malformed"
  | "old_key_still_signing" // the previous key, kept until the new one verifies
  | "old_key_removable"; // the new key verified: the old record can be removed

export type RecordPurpose = "dkim" | "dkim_next" | "dkim_previous" | "dmarc";

/** One row of the records table on the set-up page and in the zone file. */
export type DomainRecord = {
  purpose: RecordPurpose;
  type: "TXT";
  /** Relative to the domain, as DNS providers' forms want it: "ino202612._domainkey". */
  host: string;
  /** Fully qualified, without the trailing dot: "ino202612._domainkey.mycompany.com". */
  fqdn: string;
  /** What to publish. For a DMARC record that is already published, the found record (nothing to change). */
  value: string;
  /** DKIM of the active key is required; DMARC is recommended; a previous key's record is informative. */
  required: boolean;
  status: RecordStatus;
  reason: RecordReason;
  /** What was found at the name when it differs from `value` (each TXT record joined into one string). */
  found: string[];
  /** One sentence, for the person, saying what the status means and what to do. */
  explanation: string;
  checkedAt: Date | null;
  dmarc?: DmarcFacts;
};

export type DmarcFacts = {
  policy: "none" | "quarantine" | "reject" | null;
  /** adkim=: relaxed (default) or strict. */
  alignment: "relaxed" | "strict";
  /** Will DKIM alignment pass for mail we sign as this domain? null when no record decides it. */
  aligned: boolean | null;
  rua: string | null;
};

/** Everything the domain set-up page shows (getDomainSendingOrThrow, checkDomainDns). */
export type DomainSending = {
  domainId: string;
  /** ASCII (punycode for IDN), as stored and as DNS wants it. */
  domain: string;
  /** The same name in Unicode, for display (equal to `domain` unless IDN). */
  domainUnicode: string;
  state: DomainSendingState;
  /** A sentence for the state (shown beside the badge). */
  stateSentence: string;
  canSend: boolean;
  /** Why it cannot send (null when it can). */
  cannotSendReason: string | null;
  activeSelector: string | null;
  pendingSelector: string | null;
  records: DomainRecord[];
  lastCheckedAt: Date | null;
  lastSuccessAt: Date | null;
  atRiskSince: Date | null;
  brokenSince: Date | null;
  nextCheckAt: Date | null;
  /** The one sentence about SPF (the platform's own return path). */
  spfSentence: string;
  /** "mycompany.com.zone". */
  zoneFileName: string;
  /** True for the demo organisation, whose DNS is simulated (publishDemoRecord may be offered). */
  simulatedDns: boolean;
  /** Bumped at each check (optimistic version, for screens that poll). */
  version: number;
};

/** One domain in Settings' list (findDomainsSending). */
export type DomainSendingSummary = {
  domainId: string;
  domain: string;
  domainUnicode: string;
  state: DomainSendingState;
  stateSentence: string;
  lastCheckedAt: Date | null;
  lastSuccessAt: Date | null;
};

/** Per mailbox (findMailboxesSending): S4's Sending panel, S5's flag, S1's "Cannot send" filter. */
export type MailboxSending = {
  mailboxId: string;
  domainId: string;
  /** `Display name <local@domain>` as the From header will read (display name quoted when needed). */
  from: string;
  address: string;
  state: DomainSendingState;
  canSend: boolean;
  /** "DKIM record not found on mycompany.com." — null when it can send. */
  reason: string | null;
};

/** sendTestEmail's answer: "Sent to … at 14:03, signed as mycompany.com". */
export type TestEmailResult = { sentAt: Date; to: string; signedAs: string };

/** sendRecordsToDnsAdmin's answer. */
export type RecordsSentResult = { sentAt: Date; to: string };

/** The English labels of the states and statuses, one map each (one idea in one place). */
export const DOMAIN_STATE_LABELS: Record<DomainSendingState, string> = {
  not_set_up: "Not set up",
  waiting: "Waiting for DNS",
  ready: "Ready to send",
  at_risk: "At risk",
  broken: "Broken",
};

export const RECORD_STATUS_LABELS: Record<RecordStatus, string> = {
  verified: "Verified",
  not_found: "Not found",
  wrong_value: "Wrong value",
  could_not_check: "Could not check",
  not_checked: "Not checked yet",
  can_be_removed: "Can be removed",
};
