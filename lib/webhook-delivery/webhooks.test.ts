import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditEvent, webhookDelivery, webhookEndpoint, webhookEvent } from "@/db/schema";
import { mailboxSchema } from "@/lib/api/resources";
import { createMailbox, createMailboxInTx } from "@/lib/mailboxes/create-mailbox";
import { deleteMailbox } from "@/lib/mailboxes/delete-mailbox";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { findWebhookDeliveries } from "@/lib/webhooks/find-webhook-deliveries";
import { resendWebhookDelivery } from "@/lib/webhooks/resend-webhook-delivery";
import { rollWebhookSecret } from "@/lib/webhooks/roll-webhook-secret";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";
import { setWebhookEndpointActive } from "@/lib/webhooks/set-webhook-endpoint-active";
import { createTestOrg, type TestOrg } from "@/tests/fixtures";
import { mailboxInput } from "@/tests/mailbox-fixtures";
import { deliverEndpointWebhooks, MAX_ATTEMPTS, RETRY_DELAYS_MS } from "./deliver-endpoint-webhooks";
import { MAX_RESPONSE_BYTES } from "./post-webhook";
import { PAUSE_AFTER_MS, runWebhookDispatch } from "./run-webhook-dispatch";
import { isForbiddenAddress, type HostResolver } from "./ssrf-guard";
import { getDbHandle } from "@/db";
import { openDatabase } from "@/db/client";
import { parseConfig } from "@/lib/config";
import { forwardingVerification } from "@/db/schema";
import { recordInboundMessages } from "@/lib/inbound/record-inbound-message";
import { deactivateMailboxes } from "@/lib/mailboxes/deactivate-mailboxes";
import { undoMailboxesDeactivation } from "@/lib/mailboxes/undo-mailboxes-deactivation";
import { WEBHOOK_DUE_CHANNEL } from "@/lib/webhook-events/record-webhook-event";
import { eventually } from "@/tests/eventually";
import { inboundFacts } from "@/tests/inbound-facts";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";

// H3 (R48–R52), as an integrator sees it: a receiver on 127.0.0.1 that verifies signatures with the
// `standardwebhooks` package. Time is injected (`now`); nothing sleeps.

type Received = { headers: IncomingHttpHeaders; body: string; path: string };
let server: Server;
let base = "";
const received: Received[] = [];
let answer: (
  r: Received,
  n: number,
) => { status: number; headers?: Record<string, string>; body?: string; hang?: boolean } = () => ({ status: 204 });

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_HTTP = "1";
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), path: req.url ?? "/" };
      received.push(r);
      const a = answer(r, received.length);
      if (a.hang) return; // never answers (the socket is closed by the client's timeout)
      res.writeHead(a.status, a.headers);
      res.end(a.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.WEBHOOK_ALLOW_HTTP;
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  received.length = 0;
  answer = () => ({ status: 204 });
});

const local = { allowPrivate: true } as const;
const SEC = 1000;

async function endpointFor(
  t: TestOrg,
  path: string,
  events: Parameters<typeof createWebhookEndpoint>[0]["events"] = ["mailbox.created", "mailbox.deleted"],
) {
  return createWebhookEndpoint({ orgId: t.org.id, actorId: t.admin.id, url: `${base}${path}`, events });
}
const deliveriesOf = (endpointId: string) =>
  getDb().select().from(webhookDelivery).where(eq(webhookDelivery.endpointId, endpointId));

describe("R50 delivery, signed as Standard Webhooks", () => {
  it("a created mailbox reaches the receiver as the API's object, and the signature verifies with standardwebhooks", async () => {
    const t = await createTestOrg();
    const ep = await endpointFor(t, "/created");
    expect(ep.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const m = await createMailbox({ orgId: t.org.id, actorId: t.admin.id, ...mailboxInput(t, { localPart: "hooks" }) });

    const r = await deliverEndpointWebhooks(getDb(), ep.id, { now: new Date(), ...local });
    expect(r).toEqual({ attempted: 1, delivered: 1 });
    expect(received).toHaveLength(1);
    const got = received[0];
    const verified = new Webhook(ep.secret).verify(got.body, got.headers as Record<string, string>) as {
      type: string;
      timestamp: string;
      data: unknown;
    };
    expect(verified.type).toBe("mailbox.created");
    const data = mailboxSchema.parse(verified.data);
    expect(data).toMatchObject({ id: m.id, local_part: "hooks", address: `hooks@${t.domains[0].domain}` });
    expect(got.headers["webhook-id"]).toMatch(/^msg_[0-9a-f]{32}$/);
    // A tampered body or another secret does not verify.
    expect(() =>
      new Webhook(ep.secret).verify(got.body.replace("hooks", "hookz"), got.headers as Record<string, string>),
    ).toThrow();
    const [row] = await deliveriesOf(ep.id);
    expect(row).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 204, nextAttemptAt: null });
  });

  it("a receiver that fails twice then accepts gets the event three times under one webhook-id; delivered once, the log shows three attempts", async () => {
    const t = await createTestOrg();
    const ep = await endpointFor(t, "/flaky");
    await createMailbox({ orgId: t.org.id, actorId: t.admin.id, ...mailboxInput(t) });
    answer = (_r, n) => ({ status: n <= 2 ? 503 : 200 });
    const t0 = new Date();

    expect(await deliverEndpointWebhooks(getDb(), ep.id, { now: t0, ...local })).toEqual({
      attempted: 1,
      delivered: 0,
    });
    const [first] = await deliveriesOf(ep.id);
    expect(first).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 503, lastError: "http_status" });
    expect(first.nextAttemptAt!.getTime()).toBe(t0.getTime() + RETRY_DELAYS_MS[0]);
    // Not due yet: nothing is sent before its time.
    expect(await deliverEndpointWebhooks(getDb(), ep.id, { now: new Date(t0.getTime() + 4 * SEC), ...local })).toEqual({
      attempted: 0,
      delivered: 0,
    });

    const t1 = new Date(t0.getTime() + 5 * SEC);
    await deliverEndpointWebhooks(getDb(), ep.id, { now: t1, ...local });
    const [second] = await deliveriesOf(ep.id);
    expect(second.nextAttemptAt!.getTime()).toBe(t1.getTime() + RETRY_DELAYS_MS[1]);
    const t2 = new Date(t1.getTime() + RETRY_DELAYS_MS[1]);
    expect(await deliverEndpointWebhooks(getDb(), ep.id, { now: t2, ...local })).toEqual({
      attempted: 1,
      delivered: 1,
    });
    expect(
      await deliverEndpointWebhooks(getDb(), ep.id, { now: new Date(t2.getTime() + 86_400_000), ...local }),
    ).toEqual({ attempted: 0, delivered: 0 });

    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    const log = await findWebhookDeliveries(t.org.id, ep.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      type: "mailbox.created",
      status: "delivered",
      attempts: 3,
      lastStatusCode: 200,
      nextAttemptAt: null,
    });
    // The endpoint's failing streak ended with the success.
    const [e] = await getDb().select().from(webhookEndpoint).where(eq(webhookEndpoint.id, ep.id));
    expect(e.failingSince).toBeNull();
  });

  it("after the last retry the delivery is failed; Resend sends it again with the same webhook-id", async () => {
    const t = await createTestOrg();
    const ep = await endpointFor(t, "/down");
    await createMailbox({ orgId: t.org.id, actorId: t.admin.id, ...mailboxInput(t) });
    answer = () => ({ status: 500 });
    let now = new Date();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliverEndpointWebhooks(getDb(), ep.id, { now, ...local });
      now = new Date(now.getTime() + (RETRY_DELAYS_MS[i] ?? 0));
    }
    const [failed] = await deliveriesOf(ep.id);
    expect(failed).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, nextAttemptAt: null });
    expect(RETRY_DELAYS_MS.reduce((a, b) => a + b, 0) / 3_600_000).toBeGreaterThan(17);

    answer = () => ({ status: 200 });
    await resendWebhookDelivery({ orgId: t.org.id, endpointId: ep.id, deliveryId: failed.id, now });
    expect(await deliverEndpointWebhooks(getDb(), ep.id, { now, ...local })).toEqual({ attempted: 1, delivered: 1 });
    expect(new Set(received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    // Only a failed delivery can be resent; another organisation's is not found.
    await expect(
      resendWebhookDelivery({ orgId: t.org.id, endpointId: ep.id, deliveryId: failed.id, now }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const other = await createTestOrg();
    await expect(
      resendWebhookDelivery({ orgId: other.org.id, endpointId: ep.id, deliveryId: failed.id, now }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a rolled-back change sends nothing: no event, no delivery", async () => {
    const t = await createTestOrg();
    const ep = await endpointFor(t, "/rollback");
    await expect(
      getDb().transaction(async (tx) => {
        await createMailboxInTx(tx, {
          orgId: t.org.id,
          actorId: t.admin.id,
          ...mailboxInput(t, { localPart: "ghost" }),
        });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await getDb().select().from(webhookEvent).where(eq(webhookEvent.orgId, t.org.id))).toEqual([]);
    expect(await deliverEndpointWebhooks(getDb(), ep.id, { now: new Date(), ...local })).toEqual({
      attempted: 0,
      delivered: 0,
    });
    expect(received).toEqual([]);
  });

  it("only subscribed types of active endpoints get an event; a deleted mailbox is sent as {id, deleted}", async () => {
    const t = await createTestOrg();
    const onlyDeleted = await endpointFor(t, "/deleted", ["mailbox.deleted"]);
    const paused = await endpointFor(t, "/paused", ["mailbox.created", "mailbox.deleted"]);
    await setWebhookEndpointActive({ orgId: t.org.id, actorId: t.admin.id, id: paused.id, active: false });
    const m = await createMailbox({ orgId: t.org.id, actorId: t.admin.id, ...mailboxInput(t) });
    expect(await deliveriesOf(onlyDeleted.id)).toHaveLength(0);
    await deleteMailbox({ orgId: t.org.id, actorId: t.admin.id, id: m.id });
    expect(await deliveriesOf(paused.id)).toHaveLength(0);
    await deliverEndpointWebhooks(getDb(), onlyDeleted.id, { now: new Date(), ...local });
    const body = JSON.parse(received[0].body);
    expect(body).toMatchObject({
      type: "mailbox.deleted",
      data: { id: m.id, deleted: true, address: `support@${t.domains[0].domain}` },
    });
  });

  it("a rolled secret: both signatures for 24 hours, each verifies; then only the new one", async () => {
    const t = await createTestOrg();
    const ep = await endpointFor(t, "/roll");
    const now = new Date();
    const rolled = await rollWebhookSecret({ orgId: t.org.id, actorId: t.admin.id, id: ep.id, now });
    expect(rolled.secret).not.toBe(ep.secret);
    await sendTestWebhook({ orgId: t.org.id, id: ep.id, now });
    await deliverEndpointWebhooks(getDb(), ep.id, { now, ...local });
    const got = received[0];
    expect(String(got.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(() => new Webhook(ep.secret).verify(got.body, got.headers as Record<string, string>)).not.toThrow();
    expect(() => new Webhook(rolled.secret).verify(got.body, got.headers as Record<string, string>)).not.toThrow();
    expect(JSON.parse(got.body)).toMatchObject({ type: "webhook.test" });

    const later = new Date(now.getTime() + 24 * 3_600_000 + SEC);
    await sendTestWebhook({ orgId: t.org.id, id: ep.id, now: later });
    await deliverEndpointWebhooks(getDb(), ep.id, { now: later, ...local });
    const next = received[1];
    expect(String(next.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(() => new Webhook(ep.secret).verify(next.body, next.headers as Record<string, string>)).toThrow();
    expect(() => new Webhook(rolled.secret).verify(next.body, next.headers as Record<string, string>)).not.toThrow();
    // The secret is nowhere in the database in clear, nor in the history.
    const [row] = await getDb().select().from(webhookEndpoint).where(eq(webhookEndpoint.id, ep.id));
    expect(JSON.stringify(row)).not.toContain(rolled.secret.slice(6));
    const history = await getDb()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.orgId, t.org.id), eq(auditEvent.entityType, "webhook_endpoint")));
    expect(history.map((h) => h.action).sort()).toEqual(["webhook_endpoint.created", "webhook_endpoint.secret_rolled"]);
    expect(JSON.stringify(history)).not.toContain("whsec_");
  });

  it("per endpoint, at most 4 deliveries at a time", async () => {
    const t = await createTestOrg();
    const ep = await endpointFor(t, "/burst", ["mailbox.created"]);
    for (let i = 0; i < 10; i++)
      await createMailbox({ orgId: t.org.id, actorId: t.admin.id, ...mailboxInput(t, { localPart: `burst${i}` }) });
    const jobs: { name: string; id: string }[] = [];
    const r = await deliverEndpointWebhooks(getDb(), ep.id, {
      now: new Date(),
      ...local,
      enqueue: async (j) => void jobs.push(...j),
    });
    expect(r.attempted).toBe(4);
    expect(jobs).toEqual([{ name: "webhook-delivery", id: ep.id }]);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "two instances claiming for one endpoint at the same moment claim 4 between them, not 4 each (PostgreSQL)",
    async () => {
      const t = await createTestOrg();
      const ep = await endpointFor(t, "/two-instances", ["mailbox.created"]);
      for (let i = 0; i < 10; i++)
        await createMailbox({ orgId: t.org.id, actorId: t.admin.id, ...mailboxInput(t, { localPart: `two${i}` }) });
      const now = new Date();
      // Two instances, each with its own connections; a third connection holds the endpoint's row while both start
      // their claim, so that both wait on it and then go one after the other: the second must see the first's leases.
      const instances = [0, 1].map(() =>
        openDatabase(parseConfig({ DATABASE_URL: process.env.DATABASE_URL, DATABASE_POOL_SIZE: "2" })),
      );
      await Promise.all(instances.map((i) => i.db.execute(sql`select 1`))); // connected before the race
      const holder = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
      let claims: Promise<{ attempted: number }>[] = [];
      let results: { attempted: number }[] = [];
      try {
        await holder.begin(async (h) => {
          await h`select id from webhook_endpoint where id = ${ep.id}::uuid for update`;
          claims = instances.map((i) => deliverEndpointWebhooks(i.db, ep.id, { now, ...local }));
          const waiting = async () => {
            const [{ n }] =
              await h`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
            return n >= 2;
          };
          expect(await eventually(waiting)).toBe(true);
        });
        results = await Promise.all(claims);
      } finally {
        await holder.end();
        await Promise.all(instances.map((i) => i.close()));
      }
      expect(results.map((r) => r.attempted).sort()).toEqual([0, 4]);
      expect(received).toHaveLength(4);
    },
  );

  it("answers are read up to 64 kB; a slow receiver times out", async () => {
    const t = await createTestOrg();
    const ep = await endpointFor(t, "/big");
    await createMailbox({ orgId: t.org.id, actorId: t.admin.id, ...mailboxInput(t) });
    answer = () => ({ status: 200, body: "x".repeat(MAX_RESPONSE_BYTES * 16) });
    expect(await deliverEndpointWebhooks(getDb(), ep.id, { now: new Date(), ...local })).toEqual({
      attempted: 1,
      delivered: 1,
    });

    await sendTestWebhook({ orgId: t.org.id, id: ep.id });
    answer = () => ({ status: 200, hang: true });
    // The 10 s limit, shortened for the test (the receiver never answers).
    await deliverEndpointWebhooks(getDb(), ep.id, { now: new Date(), ...local, timeoutMs: 200 });
    const log = await findWebhookDeliveries(t.org.id, ep.id);
    expect(log[0]).toMatchObject({
      type: "webhook.test",
      status: "pending",
      lastError: "timeout",
      lastStatusCode: null,
    });
  });
});

describe("R48 events from every path that changes what they describe", () => {
  it("a verification that succeeds (inside the receiver's one statement) is a mailbox.forwarding.changed event", async () => {
    const t = await createTestOrg();
    const ep = await endpointFor(t, "/verified", ["mailbox.forwarding.changed"]);
    const box = await insertTestMailbox(t, { localPart: "verified" });
    const token = `fv-${"h".repeat(26)}`;
    await getDb()
      .insert(forwardingVerification)
      .values({
        orgId: t.org.id,
        mailboxId: box.id,
        token,
        address: `verified@${t.domains[0].domain}`,
        expiresAt: new Date(Date.now() + 60_000),
      });
    const [outcome] = await recordInboundMessages(getDb(), [
      {
        recipients: [{ mailboxId: box.id, orgId: t.org.id }],
        message: inboundFacts("<verified@x.example>", { verificationTokens: [token], kind: "platform" }),
      },
    ]);
    expect(outcome.results[0].verified).toBe(true);
    expect(await deliverEndpointWebhooks(getDb(), ep.id, { now: new Date(), ...local })).toEqual({
      attempted: 1,
      delivered: 1,
    });
    const body = JSON.parse(received[0].body) as { type: string; data: unknown };
    expect(body.type).toBe("mailbox.forwarding.changed");
    expect(mailboxSchema.parse(body.data)).toMatchObject({ id: box.id, forwarding: { status: "verified" } });
  });

  it("a bulk Deactivate and its Undo are a mailbox.updated event per mailbox", async () => {
    const t = await createTestOrg();
    const ep = await endpointFor(t, "/bulk", ["mailbox.updated"]);
    const a = await insertTestMailbox(t, { localPart: "bulk-a" });
    const b = await insertTestMailbox(t, { localPart: "bulk-b" });
    const { done } = await deactivateMailboxes({ orgId: t.org.id, actorId: t.admin.id, ids: [a.id, b.id] });
    await undoMailboxesDeactivation({ orgId: t.org.id, actorId: t.admin.id, receipt: done });
    const events = await getDb().select().from(webhookEvent).where(eq(webhookEvent.orgId, t.org.id));
    expect(events.map((e) => [e.type, e.subjectId]).sort()).toEqual(
      [
        ["mailbox.updated", a.id],
        ["mailbox.updated", a.id],
        ["mailbox.updated", b.id],
        ["mailbox.updated", b.id],
      ].sort(),
    );
    expect(await deliveriesOf(ep.id)).toHaveLength(4);
  });

  it("a committed event wakes its endpoint's delivery at once (NOTIFY on commit), a rolled-back one does not", async () => {
    const t = await createTestOrg();
    const ep = await endpointFor(t, "/notify");
    const heard: string[] = [];
    const stop = await getDbHandle().listen(WEBHOOK_DUE_CHANNEL, (id) => heard.push(id));
    try {
      await expect(
        getDb().transaction(async (tx) => {
          await createMailboxInTx(tx, {
            orgId: t.org.id,
            actorId: t.admin.id,
            ...mailboxInput(t, { localPart: "ghost" }),
          });
          throw new Error("rolled back");
        }),
      ).rejects.toThrow("rolled back");
      await createMailbox({ orgId: t.org.id, actorId: t.admin.id, ...mailboxInput(t, { localPart: "woken" }) });
      expect(await eventually(async () => heard.includes(ep.id))).toBe(true);
      expect(heard.filter((id) => id === ep.id)).toHaveLength(1);
    } finally {
      await stop();
    }
  });

  it("the 5 s retry is a job held back until its time, not the next minute's dispatch", async () => {
    const t = await createTestOrg();
    const ep = await endpointFor(t, "/retry-soon");
    await createMailbox({ orgId: t.org.id, actorId: t.admin.id, ...mailboxInput(t) });
    answer = () => ({ status: 503 });
    const jobs: { name: string; id: string; startAfter?: Date }[] = [];
    const t0 = new Date();
    await deliverEndpointWebhooks(getDb(), ep.id, { now: t0, ...local, enqueue: async (j) => void jobs.push(...j) });
    expect(jobs).toEqual([
      { name: "webhook-delivery", id: ep.id, startAfter: new Date(t0.getTime() + RETRY_DELAYS_MS[0]) },
    ]);
    // The 5 min retry is left to the dispatch tick.
    jobs.length = 0;
    await deliverEndpointWebhooks(getDb(), ep.id, {
      now: new Date(t0.getTime() + RETRY_DELAYS_MS[0]),
      ...local,
      enqueue: async (j) => void jobs.push(...j),
    });
    expect(jobs).toEqual([]);
  });
});

describe("R52 SSRF: private, loopback, link-local and metadata addresses are refused", () => {
  it("classifies addresses", () => {
    for (const a of [
      "127.0.0.1",
      "10.0.0.1",
      "172.16.5.4",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00:ec2::254",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
    ])
      expect(isForbiddenAddress(a), a).toBe(true);
    for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700::1111"]) expect(isForbiddenAddress(a), a).toBe(false);
  });

  const refusedFor = async (url: string, resolve: HostResolver) => {
    const t = await createTestOrg();
    const ep = await createWebhookEndpoint({ orgId: t.org.id, actorId: t.admin.id, url, events: ["mailbox.created"] });
    await createMailbox({ orgId: t.org.id, actorId: t.admin.id, ...mailboxInput(t) });
    await deliverEndpointWebhooks(getDb(), ep.id, { now: new Date(), resolve, allowPrivate: false });
    return (await deliveriesOf(ep.id))[0];
  };
  const resolvesTo =
    (address: string): HostResolver =>
    async () => [{ address, family: 4 }];

  it.each([
    ["127.0.0.1", "http://127.0.0.1:9/hook"],
    ["10.0.0.1", "http://10.0.0.1/hook"],
    ["169.254.169.254", "http://169.254.169.254/latest/meta-data"],
    ["[::1]", "http://[::1]:9/hook"],
  ])("refuses %s without connecting", async (_name, url) => {
    const d = await refusedFor(url, resolvesTo("93.184.216.34"));
    expect(d).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "refused_private_address",
      lastStatusCode: null,
    });
  });

  it.each(["127.0.0.1", "10.0.0.1", "169.254.169.254"])(
    "refuses a name that resolves to %s (resolved at each attempt)",
    async (address) => {
      const d = await refusedFor(`${base.replace("127.0.0.1", "hooks.example.test")}/named`, resolvesTo(address));
      expect(d.lastError).toBe("refused_private_address");
      expect(received).toEqual([]);
    },
  );

  it("the receiver itself on 127.0.0.1 is refused when WEBHOOK_ALLOW_PRIVATE is off", async () => {
    const d = await refusedFor(`${base}/loopback`, resolvesTo("127.0.0.1"));
    expect(d.lastError).toBe("refused_private_address");
    expect(received).toEqual([]);
  });

  it("never follows a redirect, e.g. to the metadata address or loopback", async () => {
    const t = await createTestOrg();
    const ep = await endpointFor(t, "/redirect", ["mailbox.created"]);
    await createMailbox({ orgId: t.org.id, actorId: t.admin.id, ...mailboxInput(t) });
    answer = (r) =>
      r.path === "/redirect" ? { status: 302, headers: { location: `${base}/inside` } } : { status: 200 };
    await deliverEndpointWebhooks(getDb(), ep.id, { now: new Date(), ...local });
    const [d] = await deliveriesOf(ep.id);
    expect(d).toMatchObject({ status: "pending", lastStatusCode: 302, lastError: "redirect_not_followed" });
    expect(received.map((r) => r.path)).toEqual(["/redirect"]);
    answer = () => ({ status: 307, headers: { location: "http://169.254.169.254/latest/meta-data" } });
    const again = await deliverEndpointWebhooks(getDb(), ep.id, {
      now: new Date(Date.now() + RETRY_DELAYS_MS[0]),
      ...local,
    });
    expect(again.delivered).toBe(0);
  });

  it("R49 refuses plain http without WEBHOOK_ALLOW_HTTP, and credentials in the URL", async () => {
    const t = await createTestOrg();
    delete process.env.WEBHOOK_ALLOW_HTTP;
    try {
      await expect(
        createWebhookEndpoint({
          orgId: t.org.id,
          actorId: t.admin.id,
          url: "http://hooks.example.com/x",
          events: ["mailbox.created"],
        }),
      ).rejects.toMatchObject({ code: "INVALID", field: "url" });
    } finally {
      process.env.WEBHOOK_ALLOW_HTTP = "1";
    }
    await expect(
      createWebhookEndpoint({
        orgId: t.org.id,
        actorId: t.admin.id,
        url: "https://u:p@hooks.example.com/x",
        events: ["mailbox.created"],
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
    expect(await getDb().select().from(webhookEndpoint).where(eq(webhookEndpoint.orgId, t.org.id))).toEqual([]);
  });
});

describe("R50 an endpoint failing for 5 days is paused, and its admins are told in the organisation's language", () => {
  it("pauses it once and mails each admin; endpoints with due deliveries are handed to the delivery job", async () => {
    const t = await createTestOrg();
    await getDb().execute(sql`update organization set language = 'fr' where id = ${t.org.id}::uuid`);
    const ep = await endpointFor(t, "/dead");
    const now = new Date();
    await getDb()
      .update(webhookEndpoint)
      .set({ failingSince: new Date(now.getTime() - PAUSE_AFTER_MS - SEC) })
      .where(eq(webhookEndpoint.id, ep.id));
    const sent: { to: string; subject: string; text: string }[] = [];
    const jobs: { name: string; id: string }[] = [];
    const send = async (m: { to: string; subject: string; text: string }) => {
      sent.push(m);
      return { messageId: "x", via: "demo" as const };
    };
    const r = await runWebhookDispatch(getDb(), { now, enqueue: async (j) => void jobs.push(...j), send });
    expect(r.paused).toBeGreaterThanOrEqual(1);
    const [row] = await getDb().select().from(webhookEndpoint).where(eq(webhookEndpoint.id, ep.id));
    expect(row).toMatchObject({ active: false, pausedReason: "failing" });
    const mine = sent.filter((m) => m.text.includes(ep.url));
    expect(mine.map((m) => m.to)).toEqual([t.admin.email]);
    expect(mine[0].subject).toContain("Webhook en pause");
    // A second tick pauses nothing more and mails nobody.
    sent.length = 0;
    await runWebhookDispatch(getDb(), { now, enqueue: async () => {}, send });
    expect(sent.filter((m) => m.text.includes(ep.url))).toEqual([]);

    const live = await endpointFor(t, "/live");
    await createMailbox({ orgId: t.org.id, actorId: t.admin.id, ...mailboxInput(t) });
    await runWebhookDispatch(getDb(), { now: new Date(), enqueue: async (j) => void jobs.push(...j), send });
    expect(jobs).toContainEqual({ name: "webhook-delivery", id: live.id });
    expect(jobs).not.toContainEqual({ name: "webhook-delivery", id: ep.id });
  });
});
