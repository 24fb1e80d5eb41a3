import "server-only";
import { Resolver } from "node:dns/promises";
import { and, count as countRows, eq, gt, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db";
import { forwardingVerification, testMessageRecipient } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { dnsServers } from "@/lib/dns/dns-resolver";
import { config, type Config } from "@/lib/config";
import { mailboxAddress } from "@/lib/address";

// R32: how often test messages may be sent. Server-side, counted in the database (every instance sees the same).
export type VerificationLimits = { cooldownMs: number; perOrgPerDay: number; perAddressPerDay: number };

export const DEFAULT_VERIFICATION_LIMITS: VerificationLimits = {
  cooldownMs: 30_000,
  perOrgPerDay: 50,
  perAddressPerDay: 10,
};
export const DAY_MS = 24 * 3_600_000;

/** VERIFY_COOLDOWN (duration), VERIFY_DAILY_ORG_LIMIT, VERIFY_DAILY_ADDRESS_LIMIT (lib/config.ts): 30 s, 50, 10. */
export function verificationLimits(c: Config = config()): VerificationLimits {
  return {
    cooldownMs: c.VERIFY_COOLDOWN,
    perOrgPerDay: c.VERIFY_DAILY_ORG_LIMIT,
    perAddressPerDay: c.VERIFY_DAILY_ADDRESS_LIMIT,
  };
}

/** "in 45 seconds", "in 3 minutes", "in 2 hours": when a refused request may be tried again. */
export function tryAgainIn(until: Date, now: Date): string {
  const ms = Math.max(1000, until.getTime() - now.getTime());
  const rtf = new Intl.RelativeTimeFormat("en", { numeric: "always" });
  if (ms < 90_000) return rtf.format(Math.ceil(ms / 1000), "second");
  if (ms < 90 * 60_000) return rtf.format(Math.ceil(ms / 60_000), "minute");
  return rtf.format(Math.ceil(ms / 3_600_000), "hour");
}

// ---------------------------------------------------------------------------------------------------------------
// R32 per recipient (issue 20 item 2): one organisation cannot spend another's test-message budget.

/** Domains whose mailboxes ignore dots in the local part (Gmail); Google Workspace domains are found by MX. */
const GMAIL_DOMAINS = new Set(["gmail.com", "googlemail.com"]);
const GOOGLE_MX = /(^|\.)(google\.com|googlemail\.com)\.?$/i;

/**
 * The address as the recipient's mailbox sees it, for counting only: lowercase, without a `+tag` sub-address, and
 * for Gmail (and Google Workspace domains, `dotsIgnored`) without dots in the local part and on gmail.com.
 */
export function recipientKey(address: string, opts: { dotsIgnored?: boolean } = {}): string {
  const at = address.lastIndexOf("@");
  let local = address.slice(0, at).trim().toLowerCase();
  let domain = address
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, "");
  local = local.split("+")[0];
  if (GMAIL_DOMAINS.has(domain)) {
    domain = "gmail.com";
    local = local.replaceAll(".", "");
  } else if (opts.dotsIgnored) local = local.replaceAll(".", "");
  return mailboxAddress(local, domain);
}

type MxLookup = (domain: string) => Promise<{ exchange: string }[]>;
const googleMxCache = new Map<string, { google: boolean; until: number }>();

/**
 * True when the domain's mail goes to Google (its MX hosts are google.com / googlemail.com), so that Gmail's rule
 * "dots do not count" holds for it too. One MX lookup per domain per 10 minutes (DNS_SERVERS like the DKIM
 * checks, one second at most); an unanswered lookup counts as "not Google", which only makes the count stricter.
 */
export async function isGoogleMailDomain(domain: string, lookup?: MxLookup, now = Date.now()): Promise<boolean> {
  const d = domain.toLowerCase();
  if (GMAIL_DOMAINS.has(d)) return true;
  const cached = googleMxCache.get(d);
  if (cached && cached.until > now) return cached.google;
  let google = false;
  try {
    const mx = await (lookup ?? defaultMxLookup)(d);
    google = mx.length > 0 && mx.every((r) => GOOGLE_MX.test(r.exchange));
  } catch {
    google = false;
  }
  googleMxCache.set(d, { google, until: now + 10 * 60_000 });
  return google;
}

async function defaultMxLookup(domain: string) {
  const resolver = new Resolver({ timeout: 1000, tries: 1 });
  const servers = dnsServers();
  if (servers) resolver.setServers(servers);
  return resolver.resolveMx(domain);
}

export type RecipientBudgetLimits = { perOrgPerAddressPerDay: number; allOrgsPerAddressPerDay: number };

/** VERIFY_DAILY_ADDRESS_LIMIT per organisation (default 10); VERIFY_DAILY_RECIPIENT_CEILING for all (default 30). */
export function recipientBudgetLimits(c: Config = config()): RecipientBudgetLimits {
  return {
    perOrgPerAddressPerDay: c.VERIFY_DAILY_ADDRESS_LIMIT,
    allOrgsPerAddressPerDay: c.VERIFY_DAILY_RECIPIENT_CEILING,
  };
}

export type TestMessageKind = "forwarding_verification" | "test_email";

/**
 * Spends one test message to `address` for `orgId`, in the caller's transaction, or refuses with a
 * `LIMIT_REACHED` AppError that says when to try again. Counted per (organisation, normalised address), so one
 * organisation's messages never use up another's; and across organisations up to a ceiling, for the recipient's
 * sake, which never blocks an organisation that has already verified a rule from that address (it is the
 * address's owner, or was let in by them). Both test messages (forwarding verification, sending identity's
 * test email) count. Takes the recipient's advisory lock (after the caller's own locks). Returns the entry's id,
 * for `refundTestMessage` when the message could not be sent after all.
 */
export async function spendTestMessage(
  tx: Tx,
  params: {
    orgId: string;
    address: string;
    kind: TestMessageKind;
    now: Date;
    limits?: RecipientBudgetLimits;
    lookupMx?: MxLookup;
  },
): Promise<{ entryId: string; recipientKey: string }> {
  const limits = params.limits ?? recipientBudgetLimits();
  const domain = params.address.slice(params.address.lastIndexOf("@") + 1).toLowerCase();
  const key = recipientKey(params.address, { dotsIgnored: await isGoogleMailDomain(domain, params.lookupMx) });
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`test-recipient:${key}`}))`);
  const since = new Date(params.now.getTime() - DAY_MS);
  const windowOf = async (orgOnly: boolean) => {
    const [r] = await tx
      .select({ n: countRows(), oldest: sql<string | null>`min(${testMessageRecipient.sentAt})` })
      .from(testMessageRecipient)
      .where(
        and(
          eq(testMessageRecipient.recipientKey, key),
          gt(testMessageRecipient.sentAt, since),
          orgOnly ? eq(testMessageRecipient.orgId, params.orgId) : undefined,
        ),
      );
    return { n: Number(r.n), until: r.oldest ? new Date(new Date(r.oldest).getTime() + DAY_MS) : params.now };
  };
  const mine = await windowOf(true);
  if (mine.n >= limits.perOrgPerAddressPerDay) {
    throw new AppError(
      "LIMIT_REACHED",
      `${params.address} has received ${limits.perOrgPerAddressPerDay} test messages from your organisation in the last 24 hours, ` +
        `the daily limit for one address. Try again ${tryAgainIn(mine.until, params.now)}.`,
    );
  }
  const all = await windowOf(false);
  if (all.n >= limits.allOrgsPerAddressPerDay) {
    // The organisation's own verified rules from this address (the few of this domain, compared once normalised).
    const verified = await tx
      .selectDistinct({ address: forwardingVerification.address })
      .from(forwardingVerification)
      .where(
        and(
          eq(forwardingVerification.orgId, params.orgId),
          isNotNull(forwardingVerification.verifiedAt),
          sql`lower(split_part(${forwardingVerification.address}, '@', 2)) in (${domain}, 'gmail.com', 'googlemail.com')`,
        ),
      );
    const dots = key !== recipientKey(params.address);
    if (!verified.some((v) => recipientKey(v.address, { dotsIgnored: dots }) === key)) {
      throw new AppError(
        "LIMIT_REACHED",
        `${params.address} has received many test messages in the last 24 hours, from several organisations, so the ` +
          `platform sends it no more for now. Try again ${tryAgainIn(all.until, params.now)}.`,
      );
    }
  }
  const [entry] = await tx
    .insert(testMessageRecipient)
    .values({ orgId: params.orgId, recipientKey: key, kind: params.kind, sentAt: params.now })
    .returning({ id: testMessageRecipient.id });
  return { entryId: entry.id, recipientKey: key };
}

/** Gives back a spent test message that could not be sent (scoped by organisation). */
export async function refundTestMessage(db: DbOrTx, params: { orgId: string; entryId: string }) {
  await db
    .delete(testMessageRecipient)
    .where(and(eq(testMessageRecipient.id, params.entryId), eq(testMessageRecipient.orgId, params.orgId)));
}
