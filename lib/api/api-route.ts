import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { authenticateApiKey, rateLimitHeaders, type ApiCaller } from "./authenticate-api-key";
import { idempotencyKeyOf, requestHash, withIdempotency, type StoredAnswer } from "./idempotency";
import { ApiProblem, problemResponse, type ProblemKind } from "./problem";
import { parseOr422, readJsonBody } from "./read-body";

export type ApiAnswer = { status: number; body?: unknown; headers?: Record<string, string> };
export type ApiContext<B, Q> = {
  caller: ApiCaller;
  orgId: string;
  actorId: string | null;
  params: Record<string, string>;
  body: B;
  query: Q;
  request: Request;
};

type Spec<B, Q> = {
  /** "write": refused (403) to a read-only key. */
  access: "read" | "write";
  /** The Smart licence is needed (mailboxes and queues, R18), as on the screens. */
  licence: boolean;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  /** Path parameters that are ids: a value that is not a UUID is "not found", like another organisation's id. */
  ids?: string[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** AppError codes of the services → problem kinds (R44: a rule refusal is 409, an invalid field 422). */
const KIND: Record<AppError["code"], ProblemKind> = {
  NOT_FOUND: "not-found",
  INVALID: "validation",
  ALREADY_EXISTS: "conflict",
  LIMIT_REACHED: "conflict",
  IN_USE: "conflict",
  CONFLICT: "conflict",
  FORBIDDEN: "forbidden",
  UNAUTHENTICATED: "unauthorized",
};

/** The services' field names → the API's. */
const FIELD: Record<string, string> = {
  displayName: "display_name",
  localPart: "local_part",
  domainId: "domain",
  mailboxId: "mailbox_id",
  timezone: "timezone",
  language: "language",
};

/** Fields a person types: an INVALID about them is 422; any other INVALID is a rule refusal (R17, R22): 409. */
const TYPED = new Set(["display_name", "local_part", "domain", "timezone", "language", "url"]);

export function problemOfAppError(e: AppError): ApiProblem {
  const field = e.field ? (FIELD[e.field] ?? e.field) : undefined;
  const kind = e.code === "INVALID" && !(field && TYPED.has(field)) ? "conflict" : (KIND[e.code] ?? "conflict");
  return new ApiProblem(kind, e.message, field ? { errors: [{ field, detail: e.message }] } : {});
}

/**
 * One endpoint of /api/v1 (decision 0015): bearer key → rate limit → access and licence → ids → body and query
 * (the same zod pieces as the screens) → Idempotency-Key for POST → the handler, which calls the same services
 * as the screens. Every refusal is a problem+json; an unexpected error is logged and answered with a generic 500,
 * never with its message or stack.
 */
export function apiRoute<B = undefined, Q = undefined>(
  spec: Spec<B, Q>,
  handler: (ctx: ApiContext<B, Q>) => Promise<ApiAnswer>,
) {
  return async (
    request: Request,
    context?: { params?: Promise<Record<string, string | string[]>> },
  ): Promise<Response> => {
    let rateHeaders: Record<string, string> = {};
    try {
      const caller = await authenticateApiKey(request.headers);
      rateHeaders = rateLimitHeaders(caller.rate);
      if (spec.access === "write" && caller.access !== "write") {
        throw new ApiProblem(
          "forbidden",
          "This API key is read only: it cannot change anything. Create a key with “Read and write” access in Settings → API keys.",
        );
      }
      if (spec.licence && !caller.smartLicence) {
        throw new ApiProblem("forbidden", "Smart licence needed: your organisation's plan does not include Mailboxes.");
      }
      const raw = (await context?.params) ?? {};
      const params: Record<string, string> = {};
      for (const [k, v] of Object.entries(raw)) params[k] = Array.isArray(v) ? v.join("/") : v;
      for (const id of spec.ids ?? []) if (!UUID.test(params[id] ?? "")) throw notFoundFor(id);
      const url = new URL(request.url);
      const query = spec.query
        ? parseOr422(spec.query, Object.fromEntries(url.searchParams), "query")
        : (undefined as Q);
      const hasBody = request.method !== "GET" && request.method !== "DELETE";
      const json = hasBody ? await readJsonBody(request) : undefined;
      const body = spec.body ? parseOr422(spec.body, json, "body") : (undefined as B);
      if (!spec.body && json !== undefined && !isEmptyObject(json)) {
        throw new ApiProblem("validation", "This endpoint takes no body: send none, or {}.", {
          errors: [{ field: "body", detail: "This endpoint takes no body." }],
        });
      }
      const ctx: ApiContext<B, Q> = {
        caller,
        orgId: caller.orgId,
        actorId: caller.actorId,
        params,
        body,
        query,
        request,
      };
      const run = async (): Promise<StoredAnswer> => {
        try {
          const a = await handler(ctx);
          return { status: a.status, body: a.body, headers: a.headers ?? {} };
        } catch (e) {
          if (e instanceof AppError || e instanceof ApiProblem) {
            const p = e instanceof AppError ? problemOfAppError(e) : e;
            return {
              status: p.status,
              body: p.body(),
              headers: { "content-type": "application/problem+json", ...p.extra.headers },
            };
          }
          throw e;
        }
      };
      const key = request.method === "POST" ? idempotencyKeyOf(request.headers) : null;
      const answer = key
        ? await withIdempotency(
            { keyId: caller.keyId, idempotencyKey: key, hash: requestHash(request.method, url.pathname, json) },
            run,
          )
        : { ...(await run()), replayed: false };
      const headers: Record<string, string> = { "cache-control": "no-store", ...rateHeaders, ...answer.headers };
      if (answer.replayed) headers["Idempotent-Replayed"] = "true";
      if (answer.status === 204 || answer.body === undefined)
        return new Response(null, { status: answer.status, headers });
      headers["content-type"] ??= "application/json";
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers });
    } catch (e) {
      if (e instanceof ApiProblem) return problemResponse(e, rateHeaders);
      if (e instanceof AppError) return problemResponse(problemOfAppError(e), rateHeaders);
      console.error("[api] unexpected error:", e);
      return problemResponse(
        new ApiProblem("internal", "Something went wrong on our side. Nothing was changed; please try again."),
        rateHeaders,
      );
    }
  };
}

const isEmptyObject = (v: unknown) =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;

const NOT_FOUND_WHAT: Record<string, string> = {
  id: "That object",
  mailboxId: "That mailbox",
  mailbox_id: "That mailbox",
};
const notFoundFor = (param: string) =>
  new ApiProblem("not-found", `${NOT_FOUND_WHAT[param] ?? "That object"} was not found.`);

/** The ETag of an object with a version (R12): its version, as a strong validator. */
export const etagOf = (version: number) => `"${version}"`;

/**
 * The versions an `If-Match` header accepts: null when absent, "any" for `*`; a value that is not one of our ETags
 * matches nothing (so the request is refused with 412, never applied blindly).
 */
export function ifMatchOf(headers: Headers): number[] | "any" | null {
  const raw = headers.get("if-match");
  if (raw === null) return null;
  if (raw.trim() === "*") return "any";
  const versions: number[] = [];
  for (const part of raw.split(",")) {
    const m = /^\s*"(\d{1,9})"\s*$/.exec(part);
    if (m) versions.push(Number(m[1]));
  }
  return versions;
}
