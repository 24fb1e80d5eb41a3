import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { createTransport } from "nodemailer";
import { SMTPServer } from "smtp-server";
import { aliasToken, emailDomain, inboundMessage, mailbox, organization } from "../db/schema";
import { createSmtpReceiver } from "../lib/inbound/create-smtp-receiver";
import { aliasAddress } from "../lib/mailboxes/alias";
import { percentile, type BenchContext } from "./harness";

// Inbound receiver throughput (issue 6): messages per second accepted AND recorded by the receiver, from 8
// concurrent senders, against a bare smtp-server that discards everything, both measured in this run; p95
// latency of one message (MAIL FROM … end of DATA, on an open connection); database statements per message.
const SENDERS = 8;
const PER_SENDER = Number(process.env.BENCH_INBOUND_MESSAGES ?? 100);

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

async function drive(port: number, to: string, tag: string) {
  const latencies: number[] = [];
  const transports = Array.from({ length: SENDERS }, () =>
    createTransport({ pool: true, maxConnections: 1, maxMessages: Infinity, host: "127.0.0.1", port, secure: false, ignoreTLS: true }),
  );
  // Warm-up: connections open, code paths compiled.
  await Promise.all(transports.map((t, s) => t.sendMail({ envelope: { from: "jeanne.martin@customer-mail.example", to: [to] }, raw: message(-1 - s, `${tag}-warm`) })));
  const start = performance.now();
  await Promise.all(
    transports.map(async (t, s) => {
      for (let i = 0; i < PER_SENDER; i++) {
        const t0 = performance.now();
        await t.sendMail({ envelope: { from: "jeanne.martin@customer-mail.example", to: [to] }, raw: message(s * PER_SENDER + i, tag) });
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  for (const t of transports) t.close();
  return { perSecond: (SENDERS * PER_SENDER) / seconds, p95: percentile(latencies, 95), p50: percentile(latencies, 50) };
}

export default async function benchInbound(ctx: BenchContext): Promise<void> {
  const db = ctx.handle.db;
  // A mailbox of Demo Company to receive the mail (inserted directly: bench setup, not the service under test).
  const [demo] = await db.select({ id: organization.id, slug: organization.slug }).from(organization).where(eq(organization.slug, "demo"));
  const [domain] = await db.select({ id: emailDomain.id }).from(emailDomain).where(eq(emailDomain.orgId, demo.id)).limit(1);
  const token = randomBytes(8).toString("hex");
  await db.insert(aliasToken).values({ token, orgId: demo.id });
  const [box] = await db.insert(mailbox).values({ orgId: demo.id, displayName: "Bench inbound", localPart: `bench-inbound-${token.slice(0, 6)}`, domainId: domain.id, aliasToken: token }).returning();
  const to = aliasAddress(token, demo.slug);

  const bare = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    size: 25 * 1024 * 1024,
    onData(stream, _session, callback) {
      stream.on("end", () => callback());
      stream.resume();
    },
  });
  const barePort = await new Promise<number>((resolve) => {
    const net = (bare as unknown as { server: import("node:net").Server }).server;
    bare.listen(0, "127.0.0.1", () => resolve((net.address() as import("node:net").AddressInfo).port));
  });
  const receiver = createSmtpReceiver({ port: 0, host: "127.0.0.1", db, log: { info: () => {}, error: (l) => console.error(l) } });
  const { port } = await receiver.start();

  // Alternate the two, twice, so that both see the same machine load.
  const bareRuns = [];
  const ourRuns = [];
  const queriesBefore = ctx.handle.queryCount();
  bareRuns.push(await drive(barePort, to, "bare1"));
  ourRuns.push(await drive(port, to, "ours1"));
  bareRuns.push(await drive(barePort, to, "bare2"));
  ourRuns.push(await drive(port, to, "ours2"));
  const statements = ctx.handle.queryCount() - queriesBefore;

  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(inboundMessage).where(eq(inboundMessage.mailboxId, box.id));
  const expected = 2 * (SENDERS * PER_SENDER + SENDERS);
  if (count !== expected) throw new Error(`inbound bench: ${count} messages recorded, expected ${expected}`);
  await receiver.stop();
  await new Promise<void>((r) => bare.close(() => r()));

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const ours = mean(ourRuns.map((r) => r.perSecond));
  const baseline = mean(bareRuns.map((r) => r.perSecond));
  ctx.report("inbound receiver (8 concurrent senders, ~1 kB messages, PostgreSQL)", {
    "messages per run": SENDERS * PER_SENDER,
    "receiver: messages/s accepted and recorded": ours,
    "bare smtp-server (discards): messages/s": baseline,
    "ratio receiver / bare": ours / baseline,
    "receiver p50 accept latency (ms)": mean(ourRuns.map((r) => r.p50)),
    "receiver p95 accept latency (ms)": mean(ourRuns.map((r) => r.p95)),
    "bare p95 accept latency (ms)": mean(bareRuns.map((r) => r.p95)),
    "database statements per message": statements / expected,
    "all messages recorded": `${count} of ${expected}`,
  });
}
