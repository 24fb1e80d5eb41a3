import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/actions/api-keys";
import { getDb } from "@/db";
import { apiKey, auditEvent, mailbox } from "@/db/schema";
import { resetConfigForTests } from "@/lib/config";
import { createTestOrg, expectUnchanged, signInAs, snapshotOrg, type TestOrg } from "@/tests/fixtures";
import { insertTestMailbox, insertTestQueueLink } from "@/tests/mailbox-fixtures";
import { api, contractChecked, contractFailures } from "@/tests/api-test-kit";
import { createApiKey } from "./create-api-key";
import { operations, type Operation } from "./operations";
import { revokeApiKey } from "./revoke-api-key";
import { hashApiKeySecret } from "./secret";

let t: TestOrg;
let other: TestOrg;
let write: string;
let read: string;
let revoked: string;
let otherKey: string;
let ids: { mailbox: string; queue: string; domain: string };
let theirs: { mailbox: string; queue: string; domain: string };

async function keyFor(org: TestOrg, access: "read" | "write") {
  return (await createApiKey({ orgId: org.org.id, actorId: org.admin.id, name: `Key ${access}`, access })).secret;
}

async function idsOf(org: TestOrg) {
  const m = await insertTestMailbox(org, { localPart: `fixed-${org.tag}` });
  const q = await insertTestQueueLink(org, m.id, { isDefault: true });
  return { mailbox: m.id, queue: q, domain: org.domains[0].id };
}

beforeAll(async () => {
  t = await createTestOrg();
  other = await createTestOrg();
  write = await keyFor(t, "write");
  read = await keyFor(t, "read");
  const r = await createApiKey({ orgId: t.org.id, actorId: t.admin.id, name: "Old key", access: "write" });
  await revokeApiKey({ orgId: t.org.id, actorId: t.admin.id, id: r.id });
  revoked = r.secret;
  otherKey = await keyFor(other, "write");
  ids = await idsOf(t);
  theirs = await idsOf(other);
});

afterAll(() => {
  // The contract test (R42): every answer of this file matched the OpenAPI document.
  expect(contractFailures).toEqual([]);
  expect(contractChecked).toBeGreaterThan(100);
});

/** Like expectUnchanged, but leaving out the named parts of the snapshot (e.g. the history). */
async function expectUnchangedBut<T>(except: string[], fn: () => Promise<T>): Promise<T> {
  const strip = (s: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(s).filter(([k]) => !except.includes(k)));
  const before = strip(await snapshotOrg(t.org.id));
  const result = await fn();
  expect(strip(await snapshotOrg(t.org.id))).toEqual(before);
  return result;
}

const mailboxBody = (o: TestOrg, extra: Record<string, unknown> = {}) => ({
  display_name: "Support Team",
  local_part: `api-${Math.random().toString(36).slice(2, 10)}`,
  domain: o.domains[0].domain,
  ...extra,
});

/** Every endpoint with a path of the organisation and a valid body. */
function endpoints(
  x: { mailbox: string; queue: string; domain: string },
  o: TestOrg,
): [Operation["method"], string, unknown?][] {
  return [
    ["GET", "/domains"],
    ["GET", `/domains/${x.domain}`],
    ["GET", "/mailboxes"],
    ["POST", "/mailboxes", mailboxBody(o)],
    ["GET", `/mailboxes/${x.mailbox}`],
    ["PATCH", `/mailboxes/${x.mailbox}`, { display_name: "Renamed" }],
    ["DELETE", `/mailboxes/${x.mailbox}`],
    ["POST", `/mailboxes/${x.mailbox}/activate`],
    ["POST", `/mailboxes/${x.mailbox}/deactivate`],
    ["POST", `/mailboxes/${x.mailbox}/verify-forwarding`],
    ["GET", "/queues"],
    ["GET", `/queues/${x.queue}`],
    ["PUT", `/queues/${x.queue}/mailboxes/${x.mailbox}`],
    ["DELETE", `/queues/${x.queue}/mailboxes/${x.mailbox}`],
    ["POST", `/queues/${x.queue}/default`, { mailbox_id: x.mailbox }],
  ];
}

describe("R40 API keys in Settings", () => {
  it("an admin creates a key: its secret is shown once, long and random after ino_live_, stored only as a SHA-256", async () => {
    await signInAs(t.admin.email);
    const result = await createApiKeyAction({ name: "Provisioning script", access: "read" });
    const secret = result?.data?.secret ?? "";
    expect(secret).toMatch(/^ino_live_[A-Za-z0-9_-]{43}$/);
    const [row] = await getDb().select().from(apiKey).where(eq(apiKey.id, result!.data!.id));
    expect(row.secretHash).toBe(hashApiKeySecret(secret));
    expect(JSON.stringify(row)).not.toContain(secret.slice(9));
    expect(row.prefix).toBe(secret.slice(0, 15));
    const [event] = await getDb()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, row.id), eq(auditEvent.action, "api_key.created")));
    expect(event.actorId).toBe(t.admin.id);
  });

  it("R40 an agent cannot create or revoke a key (so no key is ever agent-made), and another organisation's key is not found", async () => {
    await signInAs(t.agent.email);
    const created = await expectUnchanged(t.org.id, () => createApiKeyAction({ name: "Agent key", access: "write" }));
    expect(created?.serverError?.code).toBe("FORBIDDEN");
    await signInAs(other.admin.email);
    const [mine] = await getDb().select().from(apiKey).where(eq(apiKey.orgId, t.org.id));
    const revokedByOther = await expectUnchanged(t.org.id, () => revokeApiKeyAction({ id: mine.id }));
    expect(revokedByOther?.serverError?.code).toBe("NOT_FOUND");
  });

  it("R40 a revoked key is refused at once, and each refused use is in the history", async () => {
    await signInAs(t.admin.email);
    const created = await createApiKeyAction({ name: "Short-lived", access: "read" });
    const secret = created!.data!.secret;
    expect((await api("GET", "/domains", { key: secret })).status).toBe(200);
    await revokeApiKeyAction({ id: created!.data!.id });
    const refused = await api("GET", "/domains", { key: secret });
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toContain("revoked");
    await api("GET", "/mailboxes", { key: secret });
    const events = await getDb()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, created!.data!.id), eq(auditEvent.action, "api_key.refused")));
    expect(events).toHaveLength(2);
    const revokedEvents = await getDb()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, created!.data!.id), eq(auditEvent.action, "api_key.revoked")));
    expect(revokedEvents).toHaveLength(1);
  });
});

describe("R41 the authorisation matrix: every endpoint × every kind of caller", () => {
  it("no key, a garbage key, a revoked key: 401 problem+json, nothing changed", async () => {
    for (const [method, path, body] of endpoints(ids, t)) {
      for (const key of [null, "garbage", `ino_live_${"x".repeat(43)}`, revoked]) {
        // A revoked key's refusal is written to the history (R40); nothing else may change.
        const r = await expectUnchangedBut(key === revoked ? ["audit"] : [], () => api(method, path, { key, body }));
        expect(r.status, `${method} ${path} with ${key?.slice(0, 12)}`).toBe(401);
        expect(r.headers.get("content-type")).toBe("application/problem+json");
        expect(r.body.detail).toBeTruthy();
      }
    }
  });

  it("a session cookie is not a key: an admin's browser session cannot drive the API", async () => {
    await signInAs(t.admin.email);
    const { requestHeaders } = await import("@/tests/request-context");
    const cookie = requestHeaders().get("cookie")!;
    const r = await api("GET", "/mailboxes", { headers: { cookie } });
    expect(r.status).toBe(401);
  });

  it("a read-only key reads, and every write is refused with 403 and changes nothing", async () => {
    for (const [method, path, body] of endpoints(ids, t)) {
      const r = await expectUnchanged(t.org.id, () => api(method, path, { key: read, body }));
      if (method === "GET") expect(r.status, `${method} ${path}`).toBe(200);
      else {
        expect(r.status, `${method} ${path}`).toBe(403);
        expect(r.body.detail).toContain("read only");
      }
    }
  });

  it("another organisation's key: our objects do not exist for it (404, never 403), and nothing of ours changes", async () => {
    for (const [method, path, body] of endpoints(ids, t)) {
      if (!/[0-9a-f]{8}-/.test(path)) continue;
      const r = await expectUnchanged(t.org.id, () => api(method, path, { key: otherKey, body }));
      expect(r.status, `${method} ${path}`).toBe(404);
    }
    // Its own objects, by the same paths, answer.
    expect((await api("GET", `/mailboxes/${theirs.mailbox}`, { key: otherKey })).status).toBe(200);
    expect((await api("GET", `/queues/${theirs.queue}`, { key: otherKey })).status).toBe(200);
    const list = await api("GET", "/mailboxes", { key: otherKey });
    expect(list.body.data.map((m: { id: string }) => m.id)).not.toContain(ids.mailbox);
  });

  it("a malformed id is 404 too, and an unknown path under /api/v1 is a problem+json 404", async () => {
    const r = await api("GET", "/mailboxes/not-a-uuid", { key: write });
    expect(r.status).toBe(404);
    const { GET } = await import("@/app/api/v1/[...missing]/route");
    const res = await GET();
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("R18 without the Smart licence: domains answer, mailboxes and queues are refused (403)", async () => {
    const starter = await createTestOrg({ licence: false });
    const key = await keyFor(starter, "write");
    expect((await api("GET", "/domains", { key })).status).toBe(200);
    for (const [method, path] of [
      ["GET", "/mailboxes"],
      ["POST", "/mailboxes"],
      ["GET", "/queues"],
    ] as const) {
      const r = await expectUnchanged(starter.org.id, () =>
        api(method, path, { key, body: method === "POST" ? mailboxBody(starter) : undefined }),
      );
      expect(r.status).toBe(403);
      expect(r.body.detail).toContain("Smart licence needed");
    }
  });

  it("every route file exports the operation's handler", async () => {
    const routes: Record<string, Record<string, unknown>> = {
      "/domains": await import("@/app/api/v1/domains/route"),
      "/domains/{id}": await import("@/app/api/v1/domains/[id]/route"),
      "/mailboxes": await import("@/app/api/v1/mailboxes/route"),
      "/mailboxes/{id}": await import("@/app/api/v1/mailboxes/[id]/route"),
      "/mailboxes/{id}/activate": await import("@/app/api/v1/mailboxes/[id]/activate/route"),
      "/mailboxes/{id}/deactivate": await import("@/app/api/v1/mailboxes/[id]/deactivate/route"),
      "/mailboxes/{id}/verify-forwarding": await import("@/app/api/v1/mailboxes/[id]/verify-forwarding/route"),
      "/queues": await import("@/app/api/v1/queues/route"),
      "/queues/{id}": await import("@/app/api/v1/queues/[id]/route"),
      "/queues/{id}/mailboxes/{mailbox_id}": await import("@/app/api/v1/queues/[id]/mailboxes/[mailbox_id]/route"),
      "/queues/{id}/default": await import("@/app/api/v1/queues/[id]/default/route"),
      "/webhooks": await import("@/app/api/v1/webhooks/route"),
      "/webhooks/{id}": await import("@/app/api/v1/webhooks/[id]/route"),
      "/webhooks/{id}/roll-secret": await import("@/app/api/v1/webhooks/[id]/roll-secret/route"),
      "/webhooks/{id}/test": await import("@/app/api/v1/webhooks/[id]/test/route"),
      "/webhooks/{id}/deliveries": await import("@/app/api/v1/webhooks/[id]/deliveries/route"),
      "/webhooks/{id}/deliveries/{delivery_id}/resend":
        await import("@/app/api/v1/webhooks/[id]/deliveries/[delivery_id]/resend/route"),
    };
    for (const op of Object.values(operations) as Operation[])
      expect(routes[op.path][op.method], `${op.method} ${op.path}`).toBe(op.handler);
  });
});

describe("R42 mailboxes through the API: the screens' rules and sentences", () => {
  it("creates, reads with an ETag, changes with If-Match, refuses a stale If-Match (412), deletes", async () => {
    const created = await api("POST", "/mailboxes", {
      key: write,
      body: mailboxBody(t, { local_part: "crud", timezone: "America/New_York", language: "fr" }),
    });
    expect(created.status).toBe(201);
    const m = created.body;
    expect(m).toMatchObject({
      local_part: "crud",
      address: `crud@${t.domains[0].domain}`,
      timezone: "America/New_York",
      language: "fr",
      active: true,
      version: 1,
      queues: [],
    });
    expect(m.alias).toMatch(new RegExp(`^[a-z0-9]{8,}@${t.org.slug}\\.`));
    expect(m.forwarding.status).toBe("unknown");
    expect(created.headers.get("location")).toBe(`/api/v1/mailboxes/${m.id}`);
    const got = await api("GET", `/mailboxes/${m.id}`, { key: read });
    expect(got.headers.get("etag")).toBe('"1"');
    const patched = await api("PATCH", `/mailboxes/${m.id}`, {
      key: write,
      body: { display_name: "Renamed", timezone: null },
      headers: { "if-match": '"1"' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ display_name: "Renamed", timezone: null, language: "fr", version: 2 });
    const stale = await expectUnchanged(t.org.id, () =>
      api("PATCH", `/mailboxes/${m.id}`, {
        key: write,
        body: { display_name: "Lost update" },
        headers: { "if-match": '"1"' },
      }),
    );
    expect(stale.status).toBe(412);
    const staleDelete = await expectUnchanged(t.org.id, () =>
      api("DELETE", `/mailboxes/${m.id}`, { key: write, headers: { "if-match": '"1"' } }),
    );
    expect(staleDelete.status).toBe(412);
    expect((await api("DELETE", `/mailboxes/${m.id}`, { key: write, headers: { "if-match": '"2"' } })).status).toBe(
      204,
    );
    expect((await api("GET", `/mailboxes/${m.id}`, { key: write })).status).toBe(404);
  });

  it("refuses invalid fields with 422 naming each field with the form's sentence, and unknown fields by name", async () => {
    const upper = await expectUnchanged(t.org.id, () =>
      api("POST", "/mailboxes", { key: write, body: mailboxBody(t, { local_part: "Support" }) }),
    );
    expect(upper.status).toBe(422);
    expect(upper.body.errors).toEqual([
      { field: "local_part", detail: "Use lowercase letters only: email addresses are stored in lowercase." },
    ]);
    const controls = await expectUnchanged(t.org.id, () =>
      api("POST", "/mailboxes", { key: write, body: mailboxBody(t, { display_name: "Sup\u2028port" }) }),
    );
    expect(controls.body.errors).toEqual([
      { field: "display_name", detail: "Display name cannot contain line breaks or control characters." },
    ]);
    const unknown = await expectUnchanged(t.org.id, () =>
      api("POST", "/mailboxes", { key: write, body: mailboxBody(t, { alias: "x@y", colour: "red" }) }),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["alias", "colour"]);
    const domain = await expectUnchanged(t.org.id, () =>
      api("POST", "/mailboxes", { key: write, body: mailboxBody(t, { domain: other.domains[0].domain }) }),
    );
    expect(domain.status).toBe(422);
    expect(domain.body.errors).toEqual([{ field: "domain", detail: "Choose one of your email domains." }]);
    const missing = await expectUnchanged(t.org.id, () => api("POST", "/mailboxes", { key: write, body: {} }));
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "display_name",
      "domain",
      "local_part",
    ]);
    const query = await api("GET", "/mailboxes?limit=1000&colour=red", { key: read });
    expect(query.status).toBe(422);
    expect(query.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["colour", "limit"]);
  });

  it("R44 bad input: 413 over 100 kB, 415 not JSON, 400 malformed JSON, a body where none is taken 422; nothing changed", async () => {
    const big = await expectUnchanged(t.org.id, () =>
      api("POST", "/mailboxes", { key: write, body: mailboxBody(t, { display_name: "a".repeat(101 * 1024) }) }),
    );
    expect(big.status).toBe(413);
    const form = await expectUnchanged(t.org.id, () =>
      api("POST", "/mailboxes", {
        key: write,
        rawBody: "display_name=x",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(form.status).toBe(415);
    const broken = await expectUnchanged(t.org.id, () =>
      api("POST", "/mailboxes", {
        key: write,
        rawBody: '{"display_name":',
        headers: { "content-type": "application/json" },
      }),
    );
    expect(broken.status).toBe(400);
    const extra = await expectUnchanged(t.org.id, () =>
      api("POST", `/mailboxes/${ids.mailbox}/activate`, { key: write, body: { active: false } }),
    );
    expect(extra.status).toBe(422);
  });

  it("R13, R14, R16 refusals through the API are 409 with the screens' sentences naming the queues", async () => {
    const deactivate = await expectUnchanged(t.org.id, () =>
      api("POST", `/mailboxes/${ids.mailbox}/deactivate`, { key: write }),
    );
    expect(deactivate.status).toBe(409);
    expect(deactivate.body.detail).toMatch(/is the default sender of “Queue /);
    const del = await expectUnchanged(t.org.id, () => api("DELETE", `/mailboxes/${ids.mailbox}`, { key: write }));
    expect(del.status).toBe(409);
    expect(del.body.detail).toMatch(/is linked to “Queue .*Remove it from that queue first/);
  });

  it("R10 the limit of 50 holds under concurrent creates through the API: exactly the free places are filled", async () => {
    const org = await createTestOrg();
    const key = await keyFor(org, "write");
    for (let i = 0; i < 45; i++) await insertTestMailbox(org, { localPart: `pre-${i}` });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        api("POST", "/mailboxes", { key, body: mailboxBody(org, { local_part: `race-${i}` }) }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    expect(results.find((r) => r.status === 409)!.body.detail).toContain("reached its limit of 50 mailboxes");
    expect(await getDb().$count(mailbox, eq(mailbox.orgId, org.org.id))).toBe(50);
  });

  it("R42 Idempotency-Key: a replay answers the first answer and creates nothing; another body is refused (422)", async () => {
    const body = mailboxBody(t, { local_part: "idem-once" });
    const first = await api("POST", "/mailboxes", { key: write, body, headers: { "idempotency-key": "k-1" } });
    expect(first.status).toBe(201);
    const again = await expectUnchanged(t.org.id, () =>
      api("POST", "/mailboxes", { key: write, body, headers: { "idempotency-key": "k-1" } }),
    );
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const otherBody = await expectUnchanged(t.org.id, () =>
      api("POST", "/mailboxes", {
        key: write,
        body: { ...body, local_part: "idem-twice" },
        headers: { "idempotency-key": "k-1" },
      }),
    );
    expect(otherBody.status).toBe(422);
    // Another API key has its own keys.
    const read2 = await api("POST", "/mailboxes", {
      key: otherKey,
      body: mailboxBody(other),
      headers: { "idempotency-key": "k-1" },
    });
    expect(read2.status).toBe(201);
  });

  it("R42 two concurrent requests with one Idempotency-Key make one mailbox, and both get its answer", async () => {
    const body = mailboxBody(t, { local_part: "idem-race" });
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        api("POST", "/mailboxes", { key: write, body, headers: { "idempotency-key": "race-1" } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const rows = await getDb()
      .select()
      .from(mailbox)
      .where(and(eq(mailbox.orgId, t.org.id), eq(mailbox.localPart, "idem-race")));
    expect(rows).toHaveLength(1);
  });

  it("R42 paging over 50 mailboxes with concurrent inserts: no duplicates, nothing that existed is skipped", async () => {
    const org = await createTestOrg();
    const key = await keyFor(org, "write");
    for (let i = 0; i < 40; i++) await insertTestMailbox(org, { localPart: `page-${String(i).padStart(2, "0")}` });
    const existing = (await getDb().select({ id: mailbox.id }).from(mailbox).where(eq(mailbox.orgId, org.org.id))).map(
      (r) => r.id,
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    let n = 0;
    do {
      const page: Awaited<ReturnType<typeof api>> = await api(
        "GET",
        `/mailboxes?limit=7${cursor ? `&cursor=${cursor}` : ""}`,
        { key },
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((m: { id: string }) => m.id));
      cursor = page.body.next_cursor;
      if (n++ < 5)
        await Promise.all(
          [0, 1].map((k) =>
            api("POST", "/mailboxes", { key, body: mailboxBody(org, { local_part: `new-${n}-${k}` }) }),
          ),
        );
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of existing) expect(seen).toContain(id);
    expect(seen.length).toBe(50);
    const filtered = await api("GET", `/mailboxes?status=active&q=PAGE-0&domain=${org.domains[0].domain}`, { key });
    expect(filtered.body.data).toHaveLength(10);
    const badCursor = await api("GET", "/mailboxes?cursor=nonsense", { key });
    expect(badCursor.status).toBe(422);
  });

  it("queues: link (20 at most, first active), unlink the default refused, make default, through the services' rules", async () => {
    const a = await api("POST", "/mailboxes", { key: write, body: mailboxBody(t, { local_part: "q-a" }) });
    const b = await api("POST", "/mailboxes", { key: write, body: mailboxBody(t, { local_part: "q-b" }) });
    const qid = ids.queue;
    const linked = await api("PUT", `/queues/${qid}/mailboxes/${a.body.id}`, { key: write });
    expect(linked.status).toBe(200);
    expect(linked.body.mailboxes).toHaveLength(2);
    expect((await api("PUT", `/queues/${qid}/mailboxes/${a.body.id}`, { key: write })).status).toBe(200);
    const unlinkDefault = await expectUnchanged(t.org.id, () =>
      api("DELETE", `/queues/${qid}/mailboxes/${ids.mailbox}`, { key: write }),
    );
    expect(unlinkDefault.status).toBe(409);
    expect(
      (await api("POST", `/queues/${qid}/default`, { key: write, body: { mailbox_id: a.body.id } })).body
        .default_mailbox_id,
    ).toBe(a.body.id);
    const notLinked = await expectUnchanged(t.org.id, () =>
      api("POST", `/queues/${qid}/default`, { key: write, body: { mailbox_id: b.body.id } }),
    );
    expect(notLinked.status).toBe(404);
    expect((await api("DELETE", `/queues/${qid}/mailboxes/${ids.mailbox}`, { key: write })).status).toBe(204);
    const list = await api("GET", "/queues", { key: read });
    expect(list.body.data.find((q: { id: string }) => q.id === qid)).toMatchObject({
      mailbox_count: 1,
      default_mailbox_id: a.body.id,
    });
    const domains = await api("GET", `/domains/${t.domains[0].id}`, { key: read });
    // R35 through the API: the domain's sending state and its records, from the set-up page's own service.
    expect(domains.body).toMatchObject({
      name: t.domains[0].domain,
      sending: { state: expect.any(String), records: expect.any(Array) },
    });
    const domainList = await api("GET", "/domains", { key: read });
    const listed = domainList.body.data.find((d: { id: string }) => d.id === t.domains[0].id);
    expect(listed.sending.state).toBe(domains.body.sending.state);
    expect(listed.sending.records).toBeUndefined();
  });

  it("verify-forwarding answers 202 pending, or the screen's refusal when test messages cannot be sent", async () => {
    const r = await api("POST", `/mailboxes/${ids.mailbox}/verify-forwarding`, { key: write });
    expect([202, 409]).toContain(r.status);
    if (r.status === 409) expect(r.body.detail).toContain("test messages");
  });
});

describe("R42 performance: a constant number of queries whatever the number of mailboxes", () => {
  it("GET /mailboxes?limit=100 costs the same queries (key lookup and rate limit included) with 1 and with 50 mailboxes", async () => {
    const { getDbHandle } = await import("@/db");
    const count = async (n: number) => {
      const org = await createTestOrg();
      for (let i = 0; i < n; i++) await insertTestMailbox(org, { localPart: `count-${i}` });
      const key = await keyFor(org, "read");
      await api("GET", "/mailboxes?limit=100", { key });
      const before = getDbHandle().queryCount();
      const r = await api("GET", "/mailboxes?limit=100", { key });
      expect(r.body.data).toHaveLength(n);
      return getDbHandle().queryCount() - before;
    };
    const one = await count(1);
    expect(await count(50)).toBe(one);
    expect(one).toBeLessThanOrEqual(3);
  });
});

describe("R43 rate limit per key, shared in the database", () => {
  it("answers 429 with Retry-After and the RateLimit headers past API_RATE_LIMIT a minute", async () => {
    const before = process.env.API_RATE_LIMIT;
    process.env.API_RATE_LIMIT = "3";
    resetConfigForTests();
    try {
      const key = await keyFor(t, "read");
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await api("GET", "/domains", { key }));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
      expect(answers[0].headers.get("ratelimit-policy")).toBe('"per-key";q=3;w=60');
      expect(answers[0].headers.get("ratelimit")).toMatch(/^"per-key";r=2;t=\d+$/);
      const limited = answers[3];
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(limited.headers.get("ratelimit")).toMatch(/^"per-key";r=0;t=\d+$/);
      expect(limited.body.detail).toContain("more than 3 requests");
      // Another key has its own budget.
      expect((await api("GET", "/domains", { key: await keyFor(t, "read") })).status).toBe(200);
    } finally {
      process.env.API_RATE_LIMIT = before;
      if (before === undefined) delete process.env.API_RATE_LIMIT;
      resetConfigForTests();
    }
  });
});
