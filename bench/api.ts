import { randomUUID } from "node:crypto";
import { getDbHandle } from "@/db";
import { emailDomain, organization } from "@/db/schema";
import { createApiKey } from "@/lib/api/create-api-key";
import { operations } from "@/lib/api/operations";
import { createMailbox } from "@/lib/mailboxes/create-mailbox";
import { EMPTY_MAILBOX_FIELDS } from "@/lib/mailboxes/schemas";
import { percentile, timeIt, type BenchContext } from "./harness";

// R42's performance promise: `GET /api/v1/mailboxes?limit=100` with 50 mailboxes, against /api/health in the same
// run (target: median ≤ 2×), and a constant number of queries whatever the number of mailboxes, key lookup included.

async function orgWith(n: number) {
  const db = getDbHandle().db;
  const tag = randomUUID().slice(0, 8);
  const [org] = await db
    .insert(organization)
    .values({
      name: `API bench ${tag}`,
      slug: `api-${tag}`,
      timezone: "Europe/Paris",
      language: "en",
      smartLicence: true,
    })
    .returning();
  const [domain] = await db
    .insert(emailDomain)
    .values({ orgId: org.id, domain: `${tag}.example.com` })
    .returning();
  for (let i = 0; i < n; i++) {
    await createMailbox({
      orgId: org.id,
      actorId: null,
      ...EMPTY_MAILBOX_FIELDS,
      displayName: `API bench ${i}`,
      localPart: `api-${i}`,
      domainId: domain.id,
    });
  }
  const key = await createApiKey({ orgId: org.id, actorId: null, name: "Bench", access: "read" });
  return key.secret;
}

async function queriesOf(key: string): Promise<number> {
  const request = () =>
    new Request("http://bench/api/v1/mailboxes?limit=100", { headers: { authorization: `Bearer ${key}` } });
  await operations.listMailboxes.handler(request()); // warm
  const before = getDbHandle().queryCount();
  const res = await operations.listMailboxes.handler(request());
  if (res.status !== 200) throw new Error(`listMailboxes answered ${res.status}`);
  return getDbHandle().queryCount() - before;
}

export default async function benchApi(ctx: BenchContext): Promise<void> {
  process.env.API_RATE_LIMIT ??= "100000"; // the in-process calls; the server reads its own environment
  const one = await orgWith(1);
  const fifty = await orgWith(50);
  const q1 = await queriesOf(one);
  const q50 = await queriesOf(fifty);

  const urls = [`${ctx.baseUrl}/api/health`, `${ctx.baseUrl}/api/v1/mailboxes?limit=100`];
  const get = async (url: string) => {
    const res = await fetch(url, { headers: { authorization: `Bearer ${fifty}` } });
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    return (await res.text()).length;
  };
  for (let i = 0; i < 5; i++) for (const u of urls) await get(u);
  const times: number[][] = urls.map(() => []);
  // 40 rounds stay under the default limit of 600 requests per key per minute.
  for (let i = 0; i < 40; i++) for (const [k, u] of urls.entries()) times[k].push((await timeIt(() => get(u)))[0]);
  const bytes = await get(urls[1]);
  const ms = (v: number[]) => `${percentile(v, 50).toFixed(1)} / ${percentile(v, 95).toFixed(1)}`;
  ctx.report("Admin API (GET /api/v1/mailboxes?limit=100)", {
    "queries per request, key lookup and rate limit included: 1 mailbox / 50 mailboxes": `${q1} / ${q50}`,
    "GET /api/health p50 / p95 (ms)": ms(times[0]),
    "GET /api/v1/mailboxes?limit=100 (50 mailboxes) p50 / p95 (ms)": ms(times[1]),
    "API / health, ratio of medians (target <= 2)": (percentile(times[1], 50) / percentile(times[0], 50)).toFixed(2),
    "answer size (50 mailboxes)": `${(bytes / 1024).toFixed(1)} kB`,
  });
}
