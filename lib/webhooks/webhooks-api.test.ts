import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, contractFailures } from "@/tests/api-test-kit";
import { createApiKey } from "@/lib/api/create-api-key";
import { openApiDocument } from "@/lib/api/openapi";
import { createTestOrg, expectUnchanged, type TestOrg } from "@/tests/fixtures";

// H3 through H2's API (R48–R51 by /api/v1/webhooks): the same services and refusals, read and write keys as there,
// and every answer checked against the OpenAPI document (which lists the events as `webhooks`).

let t: TestOrg;
let other: TestOrg;
let write: string;
let read: string;
let otherKey: string;

beforeAll(async () => {
  t = await createTestOrg();
  other = await createTestOrg();
  write = (await createApiKey({ orgId: t.org.id, actorId: t.admin.id, name: "w", access: "write" })).secret;
  read = (await createApiKey({ orgId: t.org.id, actorId: t.admin.id, name: "r", access: "read" })).secret;
  otherKey = (await createApiKey({ orgId: other.org.id, actorId: other.admin.id, name: "o", access: "write" })).secret;
});
afterAll(() => expect(contractFailures).toEqual([]));

describe("/api/v1/webhooks", () => {
  it("creates an endpoint with its secret once, lists and reads it without, pauses it, and deletes it", async () => {
    const created = await api("POST", "/webhooks", {
      key: write,
      body: { url: "https://hooks.example.com/ino", events: ["mailbox.forwarding.changed"] },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const id = created.body.id as string;
    const list = await api("GET", "/webhooks", { key: read });
    expect(list.status).toBe(200);
    expect(list.body.data.map((e: { id: string }) => e.id)).toEqual([id]);
    expect(JSON.stringify(list.body)).not.toContain("whsec_");
    const paused = await api("PATCH", `/webhooks/${id}`, {
      key: write,
      body: { active: false, events: ["mailbox.health.changed", "domain.sending.changed"] },
    });
    expect(paused.body).toMatchObject({
      active: false,
      paused_reason: "manual",
      events: ["mailbox.health.changed", "domain.sending.changed"],
    });
    const rolled = await api("POST", `/webhooks/${id}/roll-secret`, { key: write });
    expect(rolled.status).toBe(200);
    expect(rolled.body.secret).not.toBe(created.body.secret);
    expect(rolled.body.previous_secret_expires_at).not.toBeNull();
    expect((await api("POST", `/webhooks/${id}/test`, { key: write })).status).toBe(202);
    const log = await api("GET", `/webhooks/${id}/deliveries`, { key: read });
    expect(log.body.data).toHaveLength(1);
    expect(log.body.data[0]).toMatchObject({ type: "webhook.test", status: "pending", attempts: 0 });
    const resend = await api("POST", `/webhooks/${id}/deliveries/${log.body.data[0].id}/resend`, { key: write });
    expect(resend.status).toBe(409);
    expect((await api("DELETE", `/webhooks/${id}`, { key: write })).status).toBe(204);
    expect((await api("GET", `/webhooks/${id}`, { key: read })).status).toBe(404);
  });

  it("a read-only key changes nothing (403); another organisation's endpoint does not exist (404)", async () => {
    const mine = await api("POST", "/webhooks", {
      key: write,
      body: { url: "https://hooks.example.com/mine", events: ["mailbox.created"] },
    });
    await expectUnchanged(t.org.id, async () => {
      expect(
        (
          await api("POST", "/webhooks", {
            key: read,
            body: { url: "https://hooks.example.com/x", events: ["mailbox.created"] },
          })
        ).status,
      ).toBe(403);
      expect((await api("DELETE", `/webhooks/${mine.body.id}`, { key: read })).status).toBe(403);
      for (const [m, p] of [
        ["GET", `/webhooks/${mine.body.id}`],
        ["DELETE", `/webhooks/${mine.body.id}`],
        ["POST", `/webhooks/${mine.body.id}/roll-secret`],
        ["POST", `/webhooks/${mine.body.id}/test`],
        ["GET", `/webhooks/${mine.body.id}/deliveries`],
      ] as const)
        expect((await api(m, p, { key: otherKey })).status, `${m} ${p}`).toBe(404);
    });
  });

  it("refuses a bad URL, plain http, no events and unknown fields with 422 naming each field", async () => {
    await expectUnchanged(t.org.id, async () => {
      const bad = await api("POST", "/webhooks", { key: write, body: { url: "not a url", events: [], extra: 1 } });
      expect(bad.status).toBe(422);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["events", "extra", "url"]);
      const http = await api("POST", "/webhooks", {
        key: write,
        body: { url: "http://hooks.example.com/x", events: ["mailbox.created"] },
      });
      expect(http.status).toBe(422);
      expect(http.body.errors).toEqual([
        { field: "url", detail: "Use an https:// URL: events are only sent encrypted." },
      ]);
    });
  });

  it("the OpenAPI document lists every event as a webhook, its body the API's object", () => {
    const doc = openApiDocument() as {
      webhooks: Record<
        string,
        { post: { requestBody: { content: { "application/json": { schema: { $ref: string } } } } } }
      >;
    };
    expect(Object.keys(doc.webhooks).sort()).toEqual(
      [
        "domain.sending.changed",
        "mailbox.created",
        "mailbox.deleted",
        "mailbox.forwarding.changed",
        "mailbox.health.changed",
        "mailbox.updated",
        "queue.default.changed",
        "webhook.test",
      ].sort(),
    );
    expect(doc.webhooks["mailbox.forwarding.changed"].post.requestBody.content["application/json"].schema.$ref).toBe(
      "#/components/schemas/MailboxEvent",
    );
  });
});
