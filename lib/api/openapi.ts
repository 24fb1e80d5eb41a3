import "server-only";
import { z } from "zod";
import { config } from "@/lib/config";
import { MAX_BODY_BYTES } from "./read-body";
import { operations, type Operation } from "./operations";
import { PROBLEMS, problemType } from "./problem";
import { problemSchema, webhookEventSchemas } from "./resources";

type Json = Record<string, unknown>;

const REF = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A schema as OpenAPI 3.1 wants it (JSON Schema 2020-12), named schemas referenced from components. */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return REF(id);
  const s = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as Json;
  delete s.$schema;
  return s;
}

function components(): Record<string, Json> {
  const all = z.toJSONSchema(z.globalRegistry, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: "any",
  });
  const out: Record<string, Json> = {};
  for (const [id, s] of Object.entries(all.schemas)) {
    const { $schema: _s, $id: _i, ...rest } = s as Json;
    void _s;
    void _i;
    out[id] = rest;
  }
  return out;
}

const STANDARD_ERRORS = [401, 403, 429];

function operationObject(name: string, o: Operation): Json {
  const parameters: Json[] = Object.entries(o.params ?? {}).map(([p, description]) => ({
    name: p,
    in: "path",
    required: true,
    description,
    schema: { type: "string", format: "uuid" },
  }));
  if (o.query) {
    const q = jsonSchema(o.query, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [p, schema] of Object.entries(q.properties ?? {})) {
      const { description, ...rest } = schema;
      parameters.push({
        name: p,
        in: "query",
        required: q.required?.includes(p) ?? false,
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  if (o.ifMatch)
    parameters.push({
      name: "If-Match",
      in: "header",
      required: false,
      description: "The ETag you read: the change is refused (412) if the object changed since.",
      schema: { type: "string" },
    });
  if (o.idempotent) {
    parameters.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description:
        "Any unique string (a UUID): the same key with the same request within 24 hours replays the first answer and changes nothing; with another request it is refused (422).",
      schema: { type: "string", minLength: 1, maxLength: 255 },
    });
  }
  const responses: Json = {};
  for (const [status, r] of Object.entries(o.responses)) {
    const headers: Json = {
      RateLimit: { $ref: "#/components/headers/RateLimit" },
      "RateLimit-Policy": { $ref: "#/components/headers/RateLimitPolicy" },
    };
    if (r.etag) headers.ETag = { description: "The object's version.", schema: { type: "string" } };
    responses[status] = {
      description: r.description,
      headers,
      ...(r.schema ? { content: { "application/json": { schema: jsonSchema(r.schema, "output") } } } : {}),
    };
  }
  for (const status of [...new Set([...o.errors, ...STANDARD_ERRORS])].sort()) {
    const kind = Object.entries(PROBLEMS).find(([, p]) => p.status === status)?.[0] as keyof typeof PROBLEMS;
    responses[String(status)] = {
      description: PROBLEMS[kind].title,
      ...(status === 429
        ? { headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } }
        : {}),
      content: { "application/problem+json": { schema: REF("Problem") } },
    };
  }
  return {
    operationId: name,
    tags: [o.tag],
    summary: o.summary,
    ...(o.description ? { description: o.description } : {}),
    ...(o.access === "write" ? { "x-access": "write" } : { "x-access": "read" }),
    parameters,
    ...(o.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(o.body, "input") } } } }
      : {}),
    responses,
  };
}

const SIGNATURE_HEADERS: Json[] = [
  {
    name: "webhook-id",
    in: "header",
    required: true,
    description: "The event's id (msg_…): the same on every retry; drop duplicates by it.",
    schema: { type: "string" },
  },
  {
    name: "webhook-timestamp",
    in: "header",
    required: true,
    description: "Seconds since 1970 when this attempt was signed.",
    schema: { type: "string" },
  },
  {
    name: "webhook-signature",
    in: "header",
    required: true,
    description:
      "`v1,<base64 HMAC-SHA256 of id.timestamp.body>` with the endpoint's secret; two, separated by a space, for 24 hours after a roll.",
    schema: { type: "string" },
  },
];

/** H3: each event an endpoint may receive, as OpenAPI 3.1 `webhooks` (a POST the platform makes). */
function webhooksObject(): Json {
  return Object.fromEntries(
    Object.entries(webhookEventSchemas).map(([type, schema]) => [
      type,
      {
        post: {
          operationId: `event.${type}`,
          tags: ["Webhooks"],
          summary: type,
          parameters: SIGNATURE_HEADERS,
          requestBody: { required: true, content: { "application/json": { schema: jsonSchema(schema, "output") } } },
          responses: {
            "2XX": {
              description:
                "Received. Any other answer, or none within 10 s, is retried (5 s, 5 min, 30 min, 2 h, 5 h, 10 h).",
            },
          },
        },
      },
    ]),
  );
}

let cached: Json | undefined;

/** The OpenAPI 3.1 document of /api/v1, generated from the operations and their zod schemas (R42). */
export function openApiDocument(): Json {
  if (cached) return cached;
  void problemSchema; // registered under components.schemas.Problem
  const paths: Record<string, Json> = {};
  for (const [name, o] of Object.entries(operations) as [string, Operation][]) {
    paths[o.path] ??= {};
    paths[o.path][o.method.toLowerCase()] = operationObject(name, o);
  }
  const limit = config().API_RATE_LIMIT;
  cached = {
    openapi: "3.1.1",
    info: {
      title: `${config().PLATFORM_NAME} Mailboxes API`,
      version: "1",
      description:
        "Manage email domains, mailboxes, their forwarding and their queues by script: the same rules and refusals as the " +
        "Maker screens. Authenticate with an API key from Settings → API keys: `Authorization: Bearer ino_live_…`. " +
        `Each key may make ${limit} requests per minute. Bodies are JSON, at most ${MAX_BODY_BYTES / 1024} kB. ` +
        "Refusals are RFC 9457 problem details; see each problem type below.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ apiKey: [] }],
    tags: [
      { name: "Domains", description: "The organisation's email domains (managed in Settings)." },
      { name: "Mailboxes", description: "Mailboxes, their forwarding and their state. Needs the Smart licence." },
      { name: "Queues", description: "Queues and their mailboxes. Needs the Smart licence." },
      {
        name: "Webhooks",
        description:
          "Endpoints that receive the events below (`webhooks`), signed as Standard Webhooks, retried for about a day.",
      },
    ],
    paths,
    webhooks: webhooksObject(),
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "An API key of the organisation: ino_live_ and 43 characters.",
        },
      },
      schemas: components(),
      headers: {
        RateLimit: {
          description:
            'What is left of this key\'s quota: `"per-key";r=<remaining>;t=<seconds until the window resets>`.',
          schema: { type: "string" },
        },
        RateLimitPolicy: {
          description: `The quota: \`"per-key";q=${limit};w=60\` (requests per 60 seconds).`,
          schema: { type: "string" },
        },
      },
    },
    "x-problem-types": Object.fromEntries(
      Object.entries(PROBLEMS).map(([kind, p]) => [problemType(kind as keyof typeof PROBLEMS), p]),
    ),
  };
  return cached;
}
