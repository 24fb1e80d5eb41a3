import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, type Db, type DbHandle } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { aliasToken, emailDomain, mailbox, organization } from "../db/schema";
import { seedDemo } from "../db/seed";
import { parseConfig } from "../lib/config";

export const BENCH_PASSWORD = "bench-password-123";

export type BenchContext = {
  /** The benchmark's own PostgreSQL database, migrated and seeded with the demo. */
  databaseUrl: string;
  handle: DbHandle;
  /** The built app, serving on that database. */
  baseUrl: string;
  /** A session cookie of Demo Company's admin. */
  cookie: string;
  report: (section: string, figures: Record<string, string | number>) => void;
};

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function timeIt<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

/** Runs `fn` from `clients` concurrent clients, `perClient` times each; returns each call's latency (ms). */
export async function concurrently(
  clients: number,
  perClient: number,
  fn: (client: number, i: number) => Promise<unknown>,
) {
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; i < perClient; i++) latencies.push((await timeIt(() => fn(c, i)))[0]);
    }),
  );
  return latencies;
}

/** GETs `url` `n` times after a warm-up and returns the latencies (ms). */
export async function timeRoute(url: string, cookie: string, n: number): Promise<number[]> {
  const get = async () => {
    const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    await res.text();
  };
  for (let i = 0; i < 5; i++) await get();
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await timeIt(get))[0]);
  return out;
}

/** `app: false` (only the inbound section) skips building and starting the web app. */
/** GETs each of `urls` in turn, `n` rounds after a warm-up, so that all see the same load; latencies (ms) per URL. */
export async function timeRoutesInterleaved(urls: string[], cookie: string, n: number): Promise<number[][]> {
  const get = async (url: string) => {
    const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    await res.text();
  };
  for (let i = 0; i < 5; i++) for (const u of urls) await get(u);
  const out = urls.map(() => [] as number[]);
  for (let i = 0; i < n; i++) for (const [k, u] of urls.entries()) out[k].push((await timeIt(() => get(u)))[0]);
  return out;
}

/** GETs `url` once and returns the size of its HTML in bytes. */
export async function htmlBytes(url: string, cookie: string): Promise<number> {
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return Buffer.byteLength(await res.text());
}

export async function startBench(
  opts: { app: boolean } = { app: true },
): Promise<BenchContext & { stop: () => Promise<void> }> {
  const adminUrl =
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `ino_bench_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const databaseUrl = u.toString();
  // The bench's own handle fills large fixtures (5,000 mailboxes, 420,000 messages) in single statements: the app's
  // 10 s statement timeout is for requests, not for this setup.
  const handle = openDatabase(parseConfig({ DATABASE_URL: databaseUrl, DATABASE_STATEMENT_TIMEOUT_MS: "600000" }));
  await migrateDatabase(handle);
  await seedDemo(handle.db, { password: BENCH_PASSWORD });

  const root = path.resolve(import.meta.dirname, "..");
  const distDir = ".next-bench";
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXT_DIST_DIR: distDir,
    BENCH_FLOOR_ROUTE: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    SMTP_DISABLED: "1",
    BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-00",
  };
  if (opts.app && (!existsSync(path.join(root, distDir, "BUILD_ID")) || process.env.BENCH_REBUILD !== "0")) {
    console.log("[bench] building the app…");
    const b = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      cwd: root,
      env,
      stdio: "ignore",
    });
    if (b.status !== 0) throw new Error("next build failed");
  }
  const port = Number(process.env.BENCH_PORT ?? 3300);
  const server: ChildProcess | null = opts.app
    ? spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
        cwd: root,
        env,
        stdio: "ignore",
      })
    : null;
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; opts.app; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {}
    if (i > 120) throw new Error("the app did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
  // The bench process talks to the same database, with the same secret, as the server it measures.
  process.env.DATABASE_URL = databaseUrl;
  process.env.BETTER_AUTH_SECRET = env.BETTER_AUTH_SECRET;
  const cookie = opts.app ? await signInCookie() : "";

  const report = (section: string, figures: Record<string, string | number>) => {
    console.log(`\n## ${section}`);
    for (const [k, v] of Object.entries(figures))
      console.log(`- ${k}: ${typeof v === "number" ? Number(v.toFixed(2)) : v}`);
  };
  return {
    databaseUrl,
    handle,
    baseUrl,
    cookie,
    report,
    stop: async () => {
      server?.kill("SIGTERM");
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** A real Better Auth session of Demo Company's admin, valid for the server (same database and secret). */
async function signInCookie(): Promise<string> {
  const { getAuth } = await import("../lib/auth/auth");
  const { headers } = await getAuth().api.signInEmail({
    body: { email: "admin@mycompany.com", password: BENCH_PASSWORD },
    returnHeaders: true,
  });
  return headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** A mailbox of Demo Company with a fresh alias token, inserted directly (bench setup, not the service measured). */
export async function insertBenchMailbox(db: Db, displayName: string, localPartPrefix: string) {
  const [demo] = await db
    .select({ id: organization.id, slug: organization.slug })
    .from(organization)
    .where(eq(organization.slug, "demo"));
  const [domain] = await db
    .select({ id: emailDomain.id })
    .from(emailDomain)
    .where(eq(emailDomain.orgId, demo.id))
    .limit(1);
  const token = randomBytes(8).toString("hex");
  await db.insert(aliasToken).values({ token, orgId: demo.id });
  const [box] = await db
    .insert(mailbox)
    .values({
      orgId: demo.id,
      displayName,
      localPart: `${localPartPrefix}${token.slice(0, 6)}`,
      domainId: domain.id,
      aliasToken: token,
    })
    .returning();
  return { demo, box, token };
}
