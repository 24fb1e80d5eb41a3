import { connect } from "node:net";
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { createTransport } from "nodemailer";
import { inboundMessage } from "../db/schema";
import { bigMessage } from "../tests/smtp-test-client";
import { aliasAddress } from "../lib/alias";
import { insertBenchMailbox, percentile, type BenchContext } from "./harness";

// Inbound receiver (issues 6 and 13): messages per second accepted AND recorded by the receiver, from 8
// concurrent senders (~1 kB messages), against a bare smtp-server that discards everything, both measured in this
// run and each in a process of its own; p95 latency of one message (MAIL FROM … end of DATA, on an open
// connection); database statements per message; then ten concurrent 25 MB messages with the receiver's own
// resident memory (peak, sampled every 10 ms in its process).
const SENDERS = 8;
const PER_SENDER = Number(process.env.BENCH_INBOUND_MESSAGES ?? 150);
const BIG = 25 * 1024 * 1024 - 64 * 1024;

function message(i: number, tag: string): string {
  const body = "Hello,\r\n\r\nMy order has not arrived yet. Could you tell me where it is?\r\n\r\n".repeat(12);
  return [
    `Message-ID: <bench-${tag}-${i}@customer-mail.example>`,
    "Date: Tue, 24 Nov 2026 10:21:03 +0100",
    "From: Jeanne Martin <jeanne.martin@customer-mail.example>",
    "To: Support <support@mycompany.com>",
    `Subject: Order ${48000 + i}: the parcel has not arrived`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=UTF-8",
    "",
    body,
  ].join("\r\n");
}

type Answer = { rssPeak: number; rss: number; queries: number; cpuMs: number };
type Child = { port: number; ask: () => Promise<Answer>; stop: () => Promise<void> };

/**
 * The child's code as plain JavaScript (esbuild, which tsx brings), run by plain node: what is measured is the
 * receiver, not a TypeScript loader (tsx alone adds about 60 MB of resident memory). Split at dynamic imports, as
 * node runs the sources: what the receiver loads only on a rare path (mailauth, the full parse, outbound mail)
 * stays out of its memory until that path runs; in one file, every package would be imported at start.
 */
async function bundleChild(): Promise<string> {
  const { build } = await import("esbuild");
  const outdir = path.join(import.meta.dirname, "out", "receiver-child");
  await build({
    entryPoints: [path.join(import.meta.dirname, "receiver-child.ts")],
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    packages: "external",
    conditions: ["react-server"],
    tsconfig: path.join(import.meta.dirname, "..", "tsconfig.json"),
    outdir,
    outExtension: { ".js": ".mjs" },
    logLevel: "warning",
  });
  return path.join(outdir, "receiver-child.mjs");
}

async function startChild(file: string, mode: "bare" | "receiver" | "fair", databaseUrl: string): Promise<Child> {
  const child: ChildProcess = fork(file, [mode], {
    execArgv: ["--conditions=react-server", ...(process.env.BENCH_CHILD_NODE_OPTIONS ?? "").split(" ").filter(Boolean)],
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      child.once("message", (m) => resolve(m as T));
      child.once("exit", (code) => reject(new Error(`the ${mode} server exited (${code})`)));
    });
  const { port } = await next<{ port: number }>();
  return {
    port,
    ask: () => {
      const answer = next<Answer>();
      child.send("rss");
      return answer;
    },
    stop: () =>
      new Promise((r) => {
        child.once("exit", () => r());
        child.send("stop");
      }),
  };
}

async function drive(port: number, to: string, tag: string) {
  const latencies: number[] = [];
  const transports = Array.from({ length: SENDERS }, () =>
    createTransport({
      pool: true,
      maxConnections: 1,
      maxMessages: Infinity,
      host: "127.0.0.1",
      port,
      secure: false,
      ignoreTLS: true,
    }),
  );
  // Warm-up: connections open, code paths compiled.
  for (let w = 0; w < 3; w++)
    await Promise.all(
      transports.map((t, s) =>
        t.sendMail({
          envelope: { from: "jeanne.martin@customer-mail.example", to: [to] },
          raw: message(-1 - s - w * SENDERS, `${tag}-warm`),
        }),
      ),
    );
  const start = performance.now();
  await Promise.all(
    transports.map(async (t, s) => {
      for (let i = 0; i < PER_SENDER; i++) {
        const t0 = performance.now();
        await t.sendMail({
          envelope: { from: "jeanne.martin@customer-mail.example", to: [to] },
          raw: message(s * PER_SENDER + i, tag),
        });
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  for (const t of transports) t.close();
  return {
    perSecond: (SENDERS * PER_SENDER) / seconds,
    p95: percentile(latencies, 95),
    p50: percentile(latencies, 50),
  };
}

export default async function benchInbound(ctx: BenchContext): Promise<void> {
  const db = ctx.handle.db;
  // A mailbox of Demo Company to receive the mail (inserted directly: bench setup, not the service under test).
  const { demo, box, token } = await insertBenchMailbox(db, "Bench inbound", "bench-inbound-");
  const to = aliasAddress(token, demo.slug);

  const file = await bundleChild();
  const bare = await startChild(file, "bare", ctx.databaseUrl);
  const ours = await startChild(file, "receiver", ctx.databaseUrl);
  try {
    // Alternate the two, twice, so that both see the same machine load.
    const bareRuns = [];
    const ourRuns = [];
    const before = await ours.ask();
    const bareBefore = await bare.ask();
    bareRuns.push(await drive(bare.port, to, "bare1"));
    ourRuns.push(await drive(ours.port, to, "ours1"));
    bareRuns.push(await drive(bare.port, to, "bare2"));
    ourRuns.push(await drive(ours.port, to, "ours2"));
    const after = await ours.ask();
    const bareAfter = await bare.ask();
    const statements = after.queries - before.queries;
    const [{ count }] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(inboundMessage)
      .where(eq(inboundMessage.mailboxId, box.id));
    const expected = 2 * (SENDERS * PER_SENDER + 3 * SENDERS);
    if (count !== expected) throw new Error(`inbound bench: ${count} messages recorded, expected ${expected}`);

    // What one durable commit costs on this machine now: the receiver answers 250 only after its commit.
    const { default: postgres } = await import("postgres");
    const probe = postgres(ctx.databaseUrl, { max: 1, onnotice: () => {} });
    await probe`create table if not exists bench_commit_probe (a int)`;
    const commits: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      await probe`insert into bench_commit_probe values (1)`;
      commits.push(performance.now() - t0);
    }
    await probe.end();

    // Ten 25 MB messages at once: the receiver's own resident memory, before and at its peak.
    const idle = await ours.ask();
    const bigStart = performance.now();
    const transports = Array.from({ length: 10 }, () =>
      createTransport({ host: "127.0.0.1", port: ours.port, secure: false, ignoreTLS: true, socketTimeout: 300_000 }),
    );
    const big = await Promise.allSettled(
      transports.map((t, i) =>
        t.sendMail({ envelope: { from: "big@customer-mail.example", to: [to] }, raw: bigMessage(i, BIG) }),
      ),
    );
    const bigSeconds = (performance.now() - bigStart) / 1000;
    for (const t of transports) t.close();
    const loaded = await ours.ask();
    const bigOk = big.filter((r) => r.status === "fulfilled").length;

    // Issue 20 item 3, fair share: one client address opens 100 connections at once; another is still greeted, and
    // its message goes through, while the first holds its share.
    // A receiver with the production per-client limit (the throughput runs above need 100 from one address).
    const fair = await startChild(file, "fair", ctx.databaseUrl);
    const share = await fairShare(fair.port, to).finally(() => fair.stop());

    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const rate = mean(ourRuns.map((r) => r.perSecond));
    const baseline = mean(bareRuns.map((r) => r.perSecond));
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    ctx.report("inbound receiver (8 concurrent senders, ~1 kB messages, PostgreSQL; each server in its own process)", {
      "messages per run": SENDERS * PER_SENDER,
      "receiver: messages/s accepted and recorded": rate,
      "bare smtp-server (discards): messages/s": baseline,
      "ratio receiver / bare (target >= 0.5)": rate / baseline,
      "receiver p50 / p95 accept latency (ms)": `${mean(ourRuns.map((r) => r.p50)).toFixed(1)} / ${mean(ourRuns.map((r) => r.p95)).toFixed(1)}`,
      "bare p50 / p95 accept latency (ms)": `${mean(bareRuns.map((r) => r.p50)).toFixed(1)} / ${mean(bareRuns.map((r) => r.p95)).toFixed(1)}`,
      // Each sender keeps one connection to one alias: one RCPT lookup per connection (the session remembers it,
      // the end of DATA checks the mailbox again), one recording statement per group of concurrent messages.
      "database statements per message (RCPT lookups once per connection and alias + one record per group)":
        statements / expected,
      "server process CPU per message, receiver / bare (ms)": `${((after.cpuMs - before.cpuMs) / expected).toFixed(2)} / ${((bareAfter.cpuMs - bareBefore.cpuMs) / expected).toFixed(2)}`,
      "PostgreSQL durable commit (one-row insert) median / p95 (ms), same run": `${percentile(commits, 50).toFixed(1)} / ${percentile(commits, 95).toFixed(1)}`,
      "load average (1 min) at the end": (await import("node:os")).loadavg()[0],
      "all messages recorded": `${count} of ${expected}`,
      "10 concurrent 25 MB messages: accepted": `${bigOk} of 10 in ${bigSeconds.toFixed(1)} s`,
      "receiver resident memory: idle / peak during the 10 x 25 MB (target < 150 MB)": `${mb(idle.rss)} / ${mb(loaded.rssPeak)}`,
      "fair share (SMTP_MAX_CONNECTIONS_PER_CLIENT 10): 100 connections from 127.0.0.1, greeted 220 / refused 421": `${share.greeted} / ${share.refused}`,
      "fair share: meanwhile 127.0.0.2 greeted in (ms), its message": `${share.otherGreetMs.toFixed(1)}, ${share.otherMessage}`,
    });
  } finally {
    await ours.stop();
    await bare.stop();
  }
}

/**
 * The first reply line of a fresh connection from `localAddress` (the greeting, or the 421 of an over-share client).
 */
function greeting(port: number, localAddress: string): Promise<{ line: string; socket: import("node:net").Socket }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: "127.0.0.1", localAddress });
    socket.setEncoding("utf8");
    socket.once("data", (d: string) => resolve({ line: d.split("\r\n")[0], socket }));
    socket.once("error", reject);
  });
}

async function fairShare(port: number, to: string) {
  const crowd = await Promise.all(Array.from({ length: 100 }, () => greeting(port, "127.0.0.1")));
  const greeted = crowd.filter((c) => c.line.startsWith("220")).length;
  const refused = crowd.filter((c) => c.line.startsWith("421")).length;
  const t0 = performance.now();
  const other = await greeting(port, "127.0.0.2");
  const otherGreetMs = performance.now() - t0;
  other.socket.destroy();
  const sender = createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    localAddress: "127.0.0.2",
  } as Parameters<typeof createTransport>[0]);
  const sent = await sender
    .sendMail({ envelope: { from: "other@customer-mail.example", to: [to] }, raw: message(-999, "fair-share") })
    .then(
      (r) => r.response.slice(0, 3),
      (e: Error) => e.message.slice(0, 60),
    );
  sender.close();
  for (const c of crowd) c.socket.destroy();
  return { greeted, refused, otherGreetMs, otherMessage: sent === "250" ? "accepted (250)" : `NOT accepted: ${sent}` };
}
