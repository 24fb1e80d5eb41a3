import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { num, rows } from "@/db/rows";
import { auditEvent } from "@/db/schema";
import { config } from "@/lib/config";
import { ApiProblem } from "./problem";
import { hashApiKeySecret, looksLikeApiKey } from "./secret";

export type ApiCaller = {
  keyId: string;
  keyName: string;
  orgId: string;
  access: "read" | "write";
  /** The person who created the key: changes made with it are theirs in the history (decision 0015). */
  actorId: string | null;
  smartLicence: boolean;
  rate: RateState;
};
export type RateState = { limit: number; remaining: number; resetSeconds: number };

const WINDOW_MS = 60_000;
const LAST_USED_EVERY_MS = 60_000;

const NO_KEY =
  "Send your API key in the Authorization header: “Authorization: Bearer ino_live_…”. Create one in Settings → API keys.";
const UNKNOWN_KEY =
  "This API key is not valid. Check that it was copied whole, or create a new one in Settings → API keys.";
const REVOKED_KEY = "This API key was revoked. Create a new one in Settings → API keys.";

/** The secret of `Authorization: Bearer <key>`; cookies and other schemes are never read (R41). */
export function bearerSecret(headers: Headers): string | null {
  const m = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(headers.get("authorization") ?? "");
  return m ? m[1] : null;
}

/** The rate-limit headers (draft-ietf-httpapi-ratelimit-headers): the policy and what is left of it. */
export function rateLimitHeaders(rate: RateState): Record<string, string> {
  return {
    "RateLimit-Policy": `"per-key";q=${rate.limit};w=60`,
    RateLimit: `"per-key";r=${rate.remaining};t=${rate.resetSeconds}`,
  };
}

const callerRow = z.object({
  keyId: z.string(),
  orgId: z.string(),
  name: z.string(),
  access: z.enum(["read", "write"]),
  createdBy: z.string().nullable(),
  prefix: z.string(),
  revoked: z.boolean(),
  smartLicence: z.boolean(),
  requests: num().nullable(),
});

/**
 * Who is calling (R41, R43), in ONE statement whatever happens: the key's row with its organisation, the request
 * counted in the key's one-minute window (an atomic upsert, shared by every instance), and `last_used_at`
 * refreshed at most once a minute. A revoked key is refused and the refusal is in the history (R40); an unknown
 * or malformed key is refused without a lookup of anything but its hash.
 */
export async function authenticateApiKey(headers: Headers, now: Date = new Date()): Promise<ApiCaller> {
  const secret = bearerSecret(headers);
  if (!secret) throw new ApiProblem("unauthorized", NO_KEY, { headers: { "WWW-Authenticate": 'Bearer realm="api"' } });
  if (!looksLikeApiKey(secret)) throw unknownKey();
  const limit = config().API_RATE_LIMIT;
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const nowTs = sql`${now.toISOString()}::timestamptz`;
  const windowTs = sql`${windowStart.toISOString()}::timestamptz`;
  const [row] = await rows(
    getDb(),
    sql`
    with k as (
      select id, org_id, name, access, created_by, revoked_at, prefix from api_key where secret_hash = ${hashApiKeySecret(secret)}
    ), counted as (
      insert into api_rate_limit (key_id, window_started_at, requests)
      select id, ${windowTs}, 1 from k where revoked_at is null
      on conflict (key_id) do update set
        requests = case when api_rate_limit.window_started_at = excluded.window_started_at then api_rate_limit.requests + 1 else 1 end,
        window_started_at = excluded.window_started_at
      returning requests
    ), used as (
      update api_key set last_used_at = ${nowTs}
      where id = (select id from k) and revoked_at is null
        and (last_used_at is null or last_used_at < ${nowTs} - make_interval(secs => ${LAST_USED_EVERY_MS / 1000}))
      returning id
    )
    select k.id::text as "keyId", k.org_id::text as "orgId", k.name, k.access, k.created_by as "createdBy", k.prefix,
           (k.revoked_at is not null) as revoked, o.smart_licence as "smartLicence", (select requests from counted) as requests,
           (select count(*) from used)::int as "usedMarked"
    from k join organization o on o.id = k.org_id`,
    callerRow,
  );
  if (!row) throw unknownKey();
  if (row.revoked) {
    await getDb()
      .insert(auditEvent)
      .values({
        orgId: row.orgId,
        actorId: null,
        action: "api_key.refused",
        entityType: "api_key",
        entityId: row.keyId,
        entityLabel: row.name,
        changes: { key: { from: null, to: `${row.prefix}…` } },
        createdAt: now,
      });
    throw new ApiProblem("unauthorized", REVOKED_KEY);
  }
  const requests = row.requests ?? 1;
  const resetSeconds = Math.max(1, Math.ceil((windowStart.getTime() + WINDOW_MS - now.getTime()) / 1000));
  const rate = { limit, remaining: Math.max(0, limit - requests), resetSeconds };
  if (requests > limit) {
    throw new ApiProblem(
      "rate-limited",
      `This API key has made more than ${limit} requests in a minute. Try again in ${resetSeconds} ${resetSeconds === 1 ? "second" : "seconds"}.`,
      {
        headers: { "Retry-After": String(resetSeconds), ...rateLimitHeaders(rate) },
      },
    );
  }
  return {
    keyId: row.keyId,
    keyName: row.name,
    orgId: row.orgId,
    access: row.access,
    actorId: row.createdBy,
    smartLicence: row.smartLicence,
    rate,
  };
}

const unknownKey = () =>
  new ApiProblem("unauthorized", UNKNOWN_KEY, {
    headers: { "WWW-Authenticate": 'Bearer realm="api", error="invalid_token"' },
  });
