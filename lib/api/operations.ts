import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { emailDomain } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { requestForwardingVerification } from "@/lib/forwarding/request-forwarding-verification";
import { createMailbox } from "@/lib/mailboxes/create-mailbox";
import { deleteMailbox } from "@/lib/mailboxes/delete-mailbox";
import { getMailboxOrThrow } from "@/lib/mailboxes/get-mailbox-or-throw";
import { setMailboxActive } from "@/lib/mailboxes/set-mailbox-active";
import { updateMailbox } from "@/lib/mailboxes/update-mailbox";
import { findQueues } from "@/lib/queues/find-queues";
import { getQueueOrThrow } from "@/lib/queues/get-queue-or-throw";
import { linkMailboxToQueue } from "@/lib/queues/link-mailbox-to-queue";
import { setDefaultMailbox } from "@/lib/queues/set-default-mailbox";
import { unlinkMailboxFromQueue } from "@/lib/queues/unlink-mailbox-from-queue";
import { apiRoute, etagOf, ifMatchOf, type ApiAnswer, type ApiContext } from "./api-route";
import { findApiDomains } from "./find-api-domains";
import { findApiMailboxes } from "./find-api-mailboxes";
import { ApiProblem } from "./problem";
import {
  createMailboxBody,
  domainListSchema,
  domainSchema,
  listMailboxesQuery,
  mailboxPageSchema,
  mailboxSchema,
  patchMailboxBody,
  queueListSchema,
  queueSchema,
  setDefaultBody,
  verificationSchema,
  createWebhookBody,
  patchWebhookBody,
  webhookDeliveryListSchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
  webhookEndpointWithSecretSchema,
} from "./resources";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { findWebhookDeliveries } from "@/lib/webhooks/find-webhook-deliveries";
import { findWebhookEndpoints, getWebhookEndpointOrThrow } from "@/lib/webhooks/find-webhook-endpoints";
import { resendWebhookDelivery } from "@/lib/webhooks/resend-webhook-delivery";
import { rollWebhookSecret } from "@/lib/webhooks/roll-webhook-secret";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";
import { setWebhookEndpointActive } from "@/lib/webhooks/set-webhook-endpoint-active";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";
import type { WebhookEndpointView } from "@/lib/webhooks/webhook-view";
import { webhookMessageId } from "@/lib/webhook-events/webhook-message-id";

// Every endpoint of /api/v1 in one list (R42): the route files export `operations.x.handler`, and the OpenAPI
// document (lib/api/openapi.ts) is generated from the same entries and schemas, so neither can drift.

export type Operation = {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  summary: string;
  description?: string;
  tag: "Domains" | "Mailboxes" | "Queues" | "Webhooks";
  access: "read" | "write";
  licence: boolean;
  params?: Record<string, string>;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Success answers: a schema, or null for an empty body. */
  responses: Record<number, { description: string; schema: z.ZodType | null; etag?: boolean }>;
  /** The refusals this endpoint may answer besides 401, 403 and 429 (which every endpoint may). */
  errors: number[];
  ifMatch?: boolean;
  idempotent?: boolean;
  handler: (request: Request, context?: { params?: Promise<Record<string, string | string[]>> }) => Promise<Response>;
};

function op<B, Q>(
  meta: Omit<Operation, "handler" | "query" | "body"> & { query?: z.ZodType<Q>; body?: z.ZodType<B> },
  run: (ctx: ApiContext<B, Q>) => Promise<ApiAnswer>,
): Operation {
  const ids = Object.keys(meta.params ?? {});
  return {
    ...meta,
    idempotent: meta.method === "POST",
    handler: apiRoute<B, Q>(
      { access: meta.access, licence: meta.licence, body: meta.body, query: meta.query, ids },
      run,
    ),
  };
}

const ID = { id: "The object's id." };

async function mailboxAnswer(
  orgId: string,
  id: string,
  status = 200,
  extra: Record<string, string> = {},
): Promise<ApiAnswer> {
  const { data } = await findApiMailboxes(orgId, { id });
  if (!data[0]) throw new ApiProblem("not-found", "That mailbox was not found.");
  return { status, body: data[0], headers: { ETag: etagOf(data[0].version), ...extra } };
}

export async function queueAnswer(orgId: string, id: string, status = 200): Promise<ApiAnswer> {
  const q = await getQueueOrThrow(orgId, id);
  const def = q.mailboxes.find((m) => m.isDefault);
  return {
    status,
    body: {
      id: q.id,
      name: q.name,
      mailbox_count: q.mailboxes.length,
      default_mailbox_id: def?.mailboxId ?? null,
      mailboxes: q.mailboxes.map((m) => ({
        id: m.mailboxId,
        display_name: m.displayName,
        address: m.address,
        active: m.active,
        is_default: m.isDefault,
        linked_at: new Date(m.linkedAt).toISOString(),
      })),
      created_at: q.createdAt.toISOString(),
      updated_at: q.updatedAt.toISOString(),
    } satisfies z.infer<typeof queueSchema>,
  };
}

/** R3 through the API: the domain is named; another organisation's or an unknown one is "not one of yours". */
async function domainIdByName(orgId: string, name: string): Promise<string> {
  // A name with control characters is no domain of theirs (and PostgreSQL refuses NUL in text: never a 500).
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name))
    throw new AppError("INVALID", "Choose one of your email domains.", "domainId");
  const [row] = await getDb()
    .select({ id: emailDomain.id })
    .from(emailDomain)
    .where(and(eq(emailDomain.orgId, orgId), eq(emailDomain.domain, name.trim().toLowerCase())));
  if (!row) throw new AppError("INVALID", "Choose one of your email domains.", "domainId");
  return row.id;
}

/**
 * If-Match (R12): the version to hold the change to, undefined without the header (or `*`); 412 when none can match.
 */
function versionFromIfMatch(request: Request, current?: number): number | undefined {
  const want = ifMatchOf(request.headers);
  if (want === null || want === "any") return undefined;
  if (current !== undefined ? !want.includes(current) : want.length === 0) throw stale();
  return current ?? want[0];
}
const stale = () =>
  new ApiProblem(
    "precondition-failed",
    "Someone else saved this mailbox after you read it. Read it again (GET) and send its new ETag in If-Match.",
  );

/** A stale version found by the service under its lock is 412 when If-Match was sent (else 409: a concurrent edit). */
async function heldTo<T>(version: number | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (version !== undefined && e instanceof AppError && e.code === "CONFLICT") throw stale();
    throw e;
  }
}

/** An endpoint as the API shows it (never its secret, except in the answer that creates or rolls it). */
function webhookBody(e: WebhookEndpointView): z.infer<typeof webhookEndpointSchema> {
  return {
    id: e.id,
    url: e.url,
    events: e.events as z.infer<typeof webhookEndpointSchema>["events"],
    active: e.active,
    paused_reason: e.pausedReason,
    previous_secret_expires_at: e.previousSecretExpiresAt?.toISOString() ?? null,
    created_at: e.createdAt.toISOString(),
    updated_at: e.updatedAt.toISOString(),
  };
}
const WEBHOOK_ID = { id: "The endpoint's id." };

export const operations = {
  listDomains: op(
    {
      method: "GET",
      path: "/domains",
      tag: "Domains",
      summary: "List email domains",
      access: "read",
      licence: false,
      responses: { 200: { description: "The organisation's email domains.", schema: domainListSchema } },
      errors: [],
    },
    async ({ orgId }) => ({ status: 200, body: { data: await findApiDomains(orgId) } }),
  ),
  getDomain: op(
    {
      method: "GET",
      path: "/domains/{id}",
      tag: "Domains",
      summary: "Get an email domain",
      description: "With `sending.records`: the DKIM and DMARC records to publish and what the last DNS check found.",
      access: "read",
      licence: false,
      params: ID,
      responses: { 200: { description: "The domain.", schema: domainSchema } },
      errors: [404],
    },
    async ({ orgId, params }) => {
      const [d] = await findApiDomains(orgId, params.id);
      if (!d) throw new ApiProblem("not-found", "That email domain was not found.");
      return { status: 200, body: d };
    },
  ),
  listMailboxes: op(
    {
      method: "GET",
      path: "/mailboxes",
      tag: "Mailboxes",
      summary: "List mailboxes",
      description:
        "In creation order, a page at a time: pass `next_cursor` as `cursor` until it is null. Mailboxes created while you page appear at the end; none is read twice.",
      access: "read",
      licence: true,
      query: listMailboxesQuery,
      responses: { 200: { description: "A page of mailboxes.", schema: mailboxPageSchema } },
      errors: [422],
    },
    async ({ orgId, query }) => {
      const page = await findApiMailboxes(orgId, { query });
      return { status: 200, body: { data: page.data, next_cursor: page.nextCursor } };
    },
  ),
  createMailbox: op(
    {
      method: "POST",
      path: "/mailboxes",
      tag: "Mailboxes",
      summary: "Create a mailbox",
      description:
        "R1–R11: at most 50 mailboxes per organisation (409 beyond); the address is unique in the organisation (409). Send an Idempotency-Key to retry safely.",
      access: "write",
      licence: true,
      body: createMailboxBody,
      responses: { 201: { description: "The new mailbox, with its alias.", schema: mailboxSchema, etag: true } },
      errors: [400, 409, 413, 415, 422],
    },
    async ({ orgId, actorId, body, request }) => {
      const domainId = await domainIdByName(orgId, body.domain);
      const row = await createMailbox({
        orgId,
        actorId,
        displayName: body.display_name,
        localPart: body.local_part,
        domainId,
        timezone: body.timezone ?? "",
        language: body.language ?? "",
        routing: "smart",
        smartRoutingId: "",
        smartRoutingVersion: "",
        endRoutingId: "",
        endRoutingVersion: "",
      });
      return mailboxAnswer(orgId, row.id, 201, { Location: `${new URL(request.url).pathname}/${row.id}` });
    },
  ),
  getMailbox: op(
    {
      method: "GET",
      path: "/mailboxes/{id}",
      tag: "Mailboxes",
      summary: "Get a mailbox",
      description: "Its ETag is its version: send it in If-Match when you change or delete it.",
      access: "read",
      licence: true,
      params: ID,
      responses: { 200: { description: "The mailbox.", schema: mailboxSchema, etag: true } },
      errors: [404],
    },
    async ({ orgId, params }) => mailboxAnswer(orgId, params.id),
  ),
  updateMailbox: op(
    {
      method: "PATCH",
      path: "/mailboxes/{id}",
      tag: "Mailboxes",
      summary: "Change a mailbox",
      description:
        "Only the fields sent change (R12). With If-Match, refused (412) when someone changed the mailbox since you read it.",
      access: "write",
      licence: true,
      params: ID,
      body: patchMailboxBody,
      ifMatch: true,
      responses: { 200: { description: "The mailbox as saved.", schema: mailboxSchema, etag: true } },
      errors: [400, 404, 409, 412, 413, 415, 422],
    },
    async ({ orgId, actorId, params, body, request }) => {
      const cur = await getMailboxOrThrow(orgId, params.id);
      const version = versionFromIfMatch(request, cur.version);
      const domainId = body.domain !== undefined ? await domainIdByName(orgId, body.domain) : cur.domainId;
      await heldTo(version, () =>
        updateMailbox({
          orgId,
          actorId,
          id: cur.id,
          version: version ?? cur.version,
          displayName: body.display_name ?? cur.displayName,
          localPart: body.local_part ?? cur.localPart,
          domainId,
          timezone: body.timezone === undefined ? (cur.timezone ?? "") : (body.timezone ?? ""),
          language: body.language === undefined ? ((cur.language ?? "") as never) : (body.language ?? ""),
          routing: "smart",
          smartRoutingId: cur.smartRoutingId ?? "",
          smartRoutingVersion: cur.smartRoutingVersion ?? "",
          endRoutingId: cur.endRoutingId ?? "",
          endRoutingVersion: cur.endRoutingVersion ?? "",
        }),
      );
      return mailboxAnswer(orgId, cur.id);
    },
  ),
  deleteMailbox: op(
    {
      method: "DELETE",
      path: "/mailboxes/{id}",
      tag: "Mailboxes",
      summary: "Delete a mailbox",
      description: "Final (R14). Refused (409) while it is linked to a queue; the refusal names the queues.",
      access: "write",
      licence: true,
      params: ID,
      ifMatch: true,
      responses: { 204: { description: "Deleted.", schema: null } },
      errors: [404, 409, 412],
    },
    async ({ orgId, actorId, params, request }) => {
      const version = versionFromIfMatch(request);
      await heldTo(version, () => deleteMailbox({ orgId, actorId, id: params.id, version }));
      return { status: 204 };
    },
  ),
  activateMailbox: op(
    {
      method: "POST",
      path: "/mailboxes/{id}/activate",
      tag: "Mailboxes",
      summary: "Activate a mailbox",
      access: "write",
      licence: true,
      params: ID,
      responses: { 200: { description: "The mailbox.", schema: mailboxSchema, etag: true } },
      errors: [404, 422],
    },
    async ({ orgId, actorId, params }) => {
      await setMailboxActive({ orgId, actorId, id: params.id, active: true });
      return mailboxAnswer(orgId, params.id);
    },
  ),
  deactivateMailbox: op(
    {
      method: "POST",
      path: "/mailboxes/{id}/deactivate",
      tag: "Mailboxes",
      summary: "Deactivate a mailbox",
      description:
        "Its alias refuses mail; every setting is kept (R13). Refused (409) while it is the default sender of a queue.",
      access: "write",
      licence: true,
      params: ID,
      responses: { 200: { description: "The mailbox.", schema: mailboxSchema, etag: true } },
      errors: [404, 409, 422],
    },
    async ({ orgId, actorId, params }) => {
      await setMailboxActive({ orgId, actorId, id: params.id, active: false });
      return mailboxAnswer(orgId, params.id);
    },
  ),
  verifyForwarding: op(
    {
      method: "POST",
      path: "/mailboxes/{id}/verify-forwarding",
      tag: "Mailboxes",
      summary: "Verify forwarding",
      description:
        "Sends a test message to the mailbox's address (R22); its forwarding status is pending until it comes back through the alias. The limits of R32 apply (409).",
      access: "write",
      licence: true,
      params: ID,
      responses: { 202: { description: "The test message is on its way.", schema: verificationSchema } },
      errors: [404, 409, 422],
    },
    async ({ orgId, actorId, params }) => {
      const v = await requestForwardingVerification({ orgId, actorId, mailboxId: params.id });
      return {
        status: 202,
        body: {
          status: "pending",
          address: v.address,
          alias: v.alias,
          requested_at: v.requestedAt.toISOString(),
          expires_at: v.expiresAt.toISOString(),
        },
      };
    },
  ),
  listQueues: op(
    {
      method: "GET",
      path: "/queues",
      tag: "Queues",
      summary: "List queues",
      access: "read",
      licence: true,
      responses: { 200: { description: "The organisation's queues.", schema: queueListSchema } },
      errors: [],
    },
    async ({ orgId }) => ({
      status: 200,
      body: {
        data: (await findQueues(orgId)).map((q) => ({
          id: q.id,
          name: q.name,
          mailbox_count: q.mailboxCount,
          default_mailbox_id: q.defaultMailbox?.id ?? null,
        })),
      },
    }),
  ),
  getQueue: op(
    {
      method: "GET",
      path: "/queues/{id}",
      tag: "Queues",
      summary: "Get a queue",
      access: "read",
      licence: true,
      params: ID,
      responses: { 200: { description: "The queue with its mailboxes.", schema: queueSchema } },
      errors: [404],
    },
    async ({ orgId, params }) => queueAnswer(orgId, params.id),
  ),
  linkMailbox: op(
    {
      method: "PUT",
      path: "/queues/{id}/mailboxes/{mailbox_id}",
      tag: "Queues",
      summary: "Link a mailbox to a queue",
      description:
        "At most 20 mailboxes per queue (409). The first one linked becomes the default sender, so it must be active (R17). Linking a linked mailbox again changes nothing.",
      access: "write",
      licence: true,
      params: { ...ID, mailbox_id: "The mailbox's id." },
      responses: { 200: { description: "The queue.", schema: queueSchema } },
      errors: [404, 409],
    },
    async ({ orgId, actorId, params }) => {
      try {
        await linkMailboxToQueue({ orgId, actorId, queueId: params.id, mailboxId: params.mailbox_id });
      } catch (e) {
        if (!(e instanceof AppError && e.code === "ALREADY_EXISTS")) throw e;
      }
      return queueAnswer(orgId, params.id);
    },
  ),
  unlinkMailbox: op(
    {
      method: "DELETE",
      path: "/queues/{id}/mailboxes/{mailbox_id}",
      tag: "Queues",
      summary: "Unlink a mailbox from a queue",
      description:
        "The default sender cannot be unlinked while other mailboxes remain (409): make another one the default first (R16).",
      access: "write",
      licence: true,
      params: { ...ID, mailbox_id: "The mailbox's id." },
      responses: { 204: { description: "Unlinked.", schema: null } },
      errors: [404, 409],
    },
    async ({ orgId, actorId, params }) => {
      await unlinkMailboxFromQueue({ orgId, actorId, queueId: params.id, mailboxId: params.mailbox_id });
      return { status: 204 };
    },
  ),
  setDefaultMailbox: op(
    {
      method: "POST",
      path: "/queues/{id}/default",
      tag: "Queues",
      summary: "Make a mailbox the queue's default sender",
      description: "The mailbox must be linked to the queue and active (R16, R17).",
      access: "write",
      licence: true,
      params: ID,
      body: setDefaultBody,
      responses: { 200: { description: "The queue.", schema: queueSchema } },
      errors: [400, 404, 409, 413, 415, 422],
    },
    async ({ orgId, actorId, params, body }) => {
      await setDefaultMailbox({ orgId, actorId, queueId: params.id, mailboxId: body.mailbox_id });
      return queueAnswer(orgId, params.id);
    },
  ),
  listWebhooks: op(
    {
      method: "GET",
      path: "/webhooks",
      tag: "Webhooks",
      summary: "List webhook endpoints",
      access: "read",
      licence: false,
      responses: {
        200: { description: "The organisation's endpoints, oldest first.", schema: webhookEndpointListSchema },
      },
      errors: [],
    },
    async ({ orgId }) => ({ status: 200, body: { data: (await findWebhookEndpoints(orgId)).map(webhookBody) } }),
  ),
  createWebhook: op(
    {
      method: "POST",
      path: "/webhooks",
      tag: "Webhooks",
      summary: "Add a webhook endpoint",
      description:
        "R48: https only, at most 10 endpoints (409 beyond). The answer holds the signing secret, shown this once.",
      access: "write",
      licence: false,
      body: createWebhookBody,
      responses: {
        201: { description: "The endpoint, with its signing secret.", schema: webhookEndpointWithSecretSchema },
      },
      errors: [400, 409, 413, 415, 422],
    },
    async ({ orgId, actorId, body, request }) => {
      const e = await createWebhookEndpoint({ orgId, actorId, url: body.url, events: body.events });
      return {
        status: 201,
        body: { ...webhookBody(e), secret: e.secret },
        headers: { Location: `${new URL(request.url).pathname}/${e.id}` },
      };
    },
  ),
  getWebhook: op(
    {
      method: "GET",
      path: "/webhooks/{id}",
      tag: "Webhooks",
      summary: "Get a webhook endpoint",
      access: "read",
      licence: false,
      params: WEBHOOK_ID,
      responses: { 200: { description: "The endpoint.", schema: webhookEndpointSchema } },
      errors: [404],
    },
    async ({ orgId, params }) => ({
      status: 200,
      body: webhookBody(await getWebhookEndpointOrThrow(orgId, params.id)),
    }),
  ),
  updateWebhook: op(
    {
      method: "PATCH",
      path: "/webhooks/{id}",
      tag: "Webhooks",
      summary: "Change a webhook endpoint",
      description: "URL, events, or active (false pauses it: no new events; true resumes it and sends what waited).",
      access: "write",
      licence: false,
      params: WEBHOOK_ID,
      body: patchWebhookBody,
      responses: { 200: { description: "The endpoint as saved.", schema: webhookEndpointSchema } },
      errors: [400, 404, 413, 415, 422],
    },
    async ({ orgId, actorId, params, body }) => {
      if (body.url !== undefined || body.events !== undefined)
        await updateWebhookEndpoint({ orgId, actorId, id: params.id, url: body.url, events: body.events });
      if (body.active !== undefined)
        await setWebhookEndpointActive({ orgId, actorId, id: params.id, active: body.active });
      return { status: 200, body: webhookBody(await getWebhookEndpointOrThrow(orgId, params.id)) };
    },
  ),
  deleteWebhook: op(
    {
      method: "DELETE",
      path: "/webhooks/{id}",
      tag: "Webhooks",
      summary: "Delete a webhook endpoint",
      description: "With its delivery log; nothing more is sent to it.",
      access: "write",
      licence: false,
      params: WEBHOOK_ID,
      responses: { 204: { description: "Deleted.", schema: null } },
      errors: [404],
    },
    async ({ orgId, actorId, params }) => {
      await deleteWebhookEndpoint({ orgId, actorId, id: params.id });
      return { status: 204 };
    },
  ),
  rollWebhookSecret: op(
    {
      method: "POST",
      path: "/webhooks/{id}/roll-secret",
      tag: "Webhooks",
      summary: "Roll the signing secret",
      description: "A new secret, in this answer only; the previous one keeps signing alongside it for 24 hours.",
      access: "write",
      licence: false,
      params: WEBHOOK_ID,
      responses: {
        200: { description: "The endpoint, with its new secret.", schema: webhookEndpointWithSecretSchema },
      },
      errors: [404],
    },
    async ({ orgId, actorId, params }) => {
      const e = await rollWebhookSecret({ orgId, actorId, id: params.id });
      return { status: 200, body: { ...webhookBody(e), secret: e.secret } };
    },
  ),
  testWebhook: op(
    {
      method: "POST",
      path: "/webhooks/{id}/test",
      tag: "Webhooks",
      summary: "Send a test event",
      description: "A `webhook.test` event to this endpoint, delivered like any other.",
      access: "write",
      licence: false,
      params: WEBHOOK_ID,
      responses: { 202: { description: "Queued.", schema: null } },
      errors: [404],
    },
    async ({ orgId, params }) => {
      await sendTestWebhook({ orgId, id: params.id });
      return { status: 202 };
    },
  ),
  listWebhookDeliveries: op(
    {
      method: "GET",
      path: "/webhooks/{id}/deliveries",
      tag: "Webhooks",
      summary: "List an endpoint's deliveries",
      description: "The last 100, newest first.",
      access: "read",
      licence: false,
      params: WEBHOOK_ID,
      responses: { 200: { description: "Its deliveries.", schema: webhookDeliveryListSchema } },
      errors: [404],
    },
    async ({ orgId, params }) => {
      await getWebhookEndpointOrThrow(orgId, params.id);
      const list = await findWebhookDeliveries(orgId, params.id);
      const iso = (d: Date | null) => d?.toISOString() ?? null;
      return {
        status: 200,
        body: {
          data: list.map((d) => ({
            id: d.id,
            event_id: webhookMessageId(d.eventId),
            type: d.type,
            status: d.status,
            attempts: d.attempts,
            last_status_code: d.lastStatusCode,
            last_duration_ms: d.lastDurationMs,
            last_error: d.lastError,
            next_attempt_at: iso(d.nextAttemptAt),
            delivered_at: iso(d.deliveredAt),
            created_at: d.createdAt.toISOString(),
          })),
        },
      };
    },
  ),
  resendWebhookDelivery: op(
    {
      method: "POST",
      path: "/webhooks/{id}/deliveries/{delivery_id}/resend",
      tag: "Webhooks",
      summary: "Send a failed delivery again",
      description: "The same event and webhook-id; only a failed delivery (409 otherwise).",
      access: "write",
      licence: false,
      params: { ...WEBHOOK_ID, delivery_id: "The delivery's id." },
      responses: { 202: { description: "Queued.", schema: null } },
      errors: [404, 409],
    },
    async ({ orgId, params }) => {
      await resendWebhookDelivery({ orgId, endpointId: params.id, deliveryId: params.delivery_id });
      return { status: 202 };
    },
  ),
} satisfies Record<string, Operation>;
