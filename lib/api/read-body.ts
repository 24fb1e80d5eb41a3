import type { z } from "zod";
import { ApiProblem, type FieldProblem } from "./problem";

/** Bodies above this are refused (413) before they are parsed. */
export const MAX_BODY_BYTES = 100 * 1024;

/**
 * The request's JSON body (R44): refused with 413 above 100 kB (by its Content-Length, or while reading, so a
 * chunked body is cut off too), 415 when it is not `application/json`, 400 when it is not JSON. An empty body
 * reads as `undefined` (for POSTs that take none).
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw tooLarge();
  const bytes = await readLimited(request);
  if (bytes.length === 0) return undefined;
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") {
    throw new ApiProblem(
      "unsupported-media-type",
      `Send the body as JSON, with the header “Content-Type: application/json”${type ? ` (this request sent ${type.slice(0, 80)})` : ""}.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiProblem("bad-request", "The body is not valid UTF-8 text.");
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ApiProblem("bad-request", `The body is not valid JSON: ${(e as Error).message.slice(0, 200)}`);
  }
}

async function readLimited(request: Request): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const tooLarge = () =>
  new ApiProblem(
    "payload-too-large",
    `The body is larger than ${MAX_BODY_BYTES / 1024} kB, the most this API accepts.`,
  );

/** zod's issues as the API's field problems; unknown fields are named one by one. */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const field = path ? `${path}.${key}` : key;
        out.push({
          field: field.slice(0, 100),
          detail: `Unknown field “${key.slice(0, 100)}”: this endpoint does not take it.`,
        });
      }
    } else if (issue.code === "invalid_type" && issue.input === undefined && path) {
      out.push({
        field: path,
        detail: issue.message.startsWith("Invalid input") ? `${path} is required.` : issue.message,
      });
    } else {
      out.push({ field: path || "body", detail: issue.message });
    }
  }
  return out;
}

/** Parses with `schema`, or refuses with 422 naming each field. */
export function parseOr422<T>(schema: z.ZodType<T>, value: unknown, what: "body" | "query"): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = fieldProblems(result.error);
  throw new ApiProblem(
    "validation",
    `${errors.length === 1 ? "A field is" : "Some fields are"} not valid: ${errors.map((e) => e.detail).join(" ")}`.slice(
      0,
      1000,
    ),
    {
      errors: errors.map((e) => ({ ...e, field: what === "query" && e.field === "body" ? "query" : e.field })),
    },
  );
}
