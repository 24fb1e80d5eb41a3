import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { createTransport } from "nodemailer";
import { webhookDelivery } from "../db/schema";
import { resetConfigForTests } from "../lib/config";
import { createSmtpReceiver } from "../lib/inbound/create-smtp-receiver";
import { aliasAddress } from "../lib/alias";
import { deliverEndpointWebhooks, PER_ENDPOINT_CONCURRENCY } from "../lib/webhook-delivery/deliver-endpoint-webhooks";
import { recordWebhookEvents } from "../lib/webhook-events/record-webhook-event";
import { createWebhookEndpoint } from "../lib/webhooks/create-webhook-endpoint";
import { insertBenchMailbox, percentile, timeIt, type BenchContext } from "./harness";

// Issue 23's performance promise: a burst of 1,000 events to ONE slow endpoint (every answer takes 1 s) does not
// delay mail receiving or page loads, and the endpoint never has more than PER_ENDPOINT_CONCURRENCY deliveries in
// flight. The receiver and two delivery "instances" share this process's event loop, as `npm start` runs them
// (app, receiver and job queue in one process); S1 is served by the app's own process. Each figure is measured
// before the burst and during it, in this run.
const EVENTS = 1000;
const SAMPLES = 30;
const SLOW_MS = 1000;
const INSTANCES = 2;
const MIN_DURING_MS = 10_000;

export default async function benchWebhooks(ctx: BenchContext): Promise<void> {
  process.env.WEBHOOK_ALLOW_HTTP = "1";
  resetConfigForTests();
  const db = ctx.handle.db;
  let inFlight = 0;
  let maxInFlight = 0;
  let answered = 0;
  const slow = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    req.resume();
    req.on("end", () =>
      setTimeout(() => {
        inFlight--;
        answered++;
        res.writeHead(204).end();
      }, SLOW_MS),
    );
  });
  await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/slow`;

  const { demo, box, token } = await insertBenchMailbox(db, "Bench webhooks", "bench-hooks-");
  const ep = await createWebhookEndpoint({ orgId: demo.id, actorId: null, url, events: ["mailbox.updated"] });

  const receiver = createSmtpReceiver({
    port: 0,
    host: "127.0.0.1",
    log: { info: () => {}, error: (l) => console.error(l) },
  });
  const { port } = await receiver.start();
  const smtp = createTransport({
    pool: true,
    maxConnections: 1,
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
  });
  let n = 0;
  const receiveOne = () =>
    smtp.sendMail({
      envelope: { from: "jeanne@customer-mail.example", to: [aliasAddress(token, demo.slug)] },
      raw: `Message-ID: <bench-hooks-${token}-${n++}@customer-mail.example>\r\nFrom: jeanne@customer-mail.example\r\nSubject: Order\r\n\r\nWhere is my parcel?\r\n`,
    });
  const loadPage = async () => {
    const res = await fetch(`${ctx.baseUrl}/maker/mailboxes`, { headers: { cookie: ctx.cookie }, redirect: "manual" });
    if (res.status !== 200) throw new Error(`S1 answered ${res.status}`);
    await res.text();
  };
  // At least SAMPLES pairs, and during the burst at least MIN_DURING_MS of them, so that both instances claim many
  // times while the endpoint is saturated.
  const sample = async (minMs = 0) => {
    const mail: number[] = [];
    const page: number[] = [];
    const start = performance.now();
    for (let i = 0; i < SAMPLES || performance.now() - start < minMs; i++) {
      mail.push((await timeIt(receiveOne))[0]);
      page.push((await timeIt(loadPage))[0]);
    }
    return { mail, page };
  };

  try {
    for (let i = 0; i < 5; i++) await Promise.all([receiveOne(), loadPage()]); // warm-up
    const before = await sample();

    // The burst: 1,000 events committed at once (one transaction), each with its delivery to the slow endpoint.
    const [recordMs] = await timeIt(() =>
      db.transaction((tx) =>
        recordWebhookEvents(
          tx,
          Array.from({ length: EVENTS }, () => ({
            orgId: demo.id,
            type: "mailbox.updated" as const,
            subjectId: box.id,
          })),
        ),
      ),
    );
    // Two instances' delivery jobs work the endpoint as pg-boss would run them: claim, deliver, claim again.
    let stop = false;
    const workers = Array.from({ length: INSTANCES }, async () => {
      while (!stop) {
        const r = await deliverEndpointWebhooks(db, ep.id, { now: new Date(), allowPrivate: true });
        if (r.attempted === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    const start = performance.now();
    const during = await sample(MIN_DURING_MS);
    const seconds = (performance.now() - start) / 1000;
    stop = true;
    await Promise.all(workers);
    const [{ pending }] = await db
      .select({ pending: sql<number>`count(*)::int` })
      .from(webhookDelivery)
      .where(and(eq(webhookDelivery.endpointId, ep.id), eq(webhookDelivery.status, "pending")));

    const ms = (v: number[]) => `${percentile(v, 50).toFixed(1)} / ${percentile(v, 95).toFixed(1)}`;
    const ratio = (a: number[], b: number[]) => (percentile(a, 50) / percentile(b, 50)).toFixed(2);
    ctx.report(`Webhooks: a burst of ${EVENTS} events to one endpoint answering in ${SLOW_MS / 1000} s`, {
      "recording the 1,000 events and their deliveries (one transaction, ms)": recordMs.toFixed(0),
      "one message received (SMTP, end of DATA) p50 / p95 before the burst (ms)": ms(before.mail),
      "one message received p50 / p95 during the burst (ms)": ms(during.mail),
      "receiving during / before, ratio of medians": ratio(during.mail, before.mail),
      "S1 (GET /maker/mailboxes) p50 / p95 before the burst (ms)": ms(before.page),
      "S1 p50 / p95 during the burst (ms)": ms(during.page),
      "S1 during / before, ratio of medians": ratio(during.page, before.page),
      [`deliveries in flight at most (limit ${PER_ENDPOINT_CONCURRENCY}, ${INSTANCES} instances working)`]: maxInFlight,
      "delivered while measuring": `${answered} in ${seconds.toFixed(1)} s (${(answered / seconds).toFixed(1)}/s); ${pending} still pending, worked on after`,
    });
  } finally {
    smtp.close();
    await receiver.stop();
    await new Promise((resolve) => slow.close(resolve));
  }
}
