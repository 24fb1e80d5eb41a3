// Tests only: calls the /api/v1 handlers with real Requests, and checks every answer against the OpenAPI document
// (the contract test, R42): its status must be documented for the operation and its body valid against the
// documented schema, so the document cannot drift from what the handlers send.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { openApiDocument } from "@/lib/api/openapi";
import { operations, type Operation } from "@/lib/api/operations";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers field by field
export type ApiResult = { status: number; headers: Headers; body: any; op: string };

const ops = Object.entries(operations) as [string, Operation][];

function match(method: string, path: string): { name: string; op: Operation; params: Record<string, string> } | null {
  for (const [name, op] of ops) {
    if (op.method !== method) continue;
    const names: string[] = [];
    const re = new RegExp(`^${op.path.replace(/\{(\w+)\}/g, (_, n) => (names.push(n), "([^/?]+)"))}(?:\\?.*)?$`);
    const m = re.exec(path);
    if (m) return { name, op, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) };
  }
  return null;
}

let ajv: Ajv2020 | undefined;
function validator() {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(openApiDocument(), "openapi");
  }
  return ajv;
}

/** Contract failures seen so far (the test file asserts there are none). */
export const contractFailures: string[] = [];
export let contractChecked = 0;

function checkContract(name: string, op: Operation, status: number, headers: Headers, body: unknown) {
  contractChecked++;
  const doc = openApiDocument() as {
    paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
  };
  const response = doc.paths[op.path][op.method.toLowerCase()].responses[String(status)];
  if (!response) {
    if (status !== 500) contractFailures.push(`${name}: status ${status} is not documented`);
    else contractFailures.push(`${name}: answered 500`);
    return;
  }
  const type = (headers.get("content-type") ?? "").split(";")[0];
  if (!response.content) {
    if (body !== null) contractFailures.push(`${name} ${status}: documented without a body but sent one`);
    return;
  }
  if (!response.content[type]) {
    contractFailures.push(`${name} ${status}: content type ${type} is not documented`);
    return;
  }
  const pointer = `openapi#/paths/${op.path.replaceAll("~", "~0").replaceAll("/", "~1")}/${op.method.toLowerCase()}/responses/${status}/content/${type.replaceAll("/", "~1")}/schema`;
  const validate = validator().getSchema(pointer) ?? validator().compile({ $ref: pointer });
  if (!validate(body))
    contractFailures.push(
      `${name} ${status}: ${validator().errorsText(validate.errors)} in ${JSON.stringify(body).slice(0, 300)}`,
    );
}

/** One request to /api/v1, through the operation's handler (the very function the route file exports). */
export async function api(
  method: Operation["method"],
  path: string,
  opts: { key?: string | null; body?: unknown; rawBody?: BodyInit; headers?: Record<string, string> } = {},
): Promise<ApiResult> {
  const found = match(method, path);
  if (!found) throw new Error(`No operation for ${method} ${path}`);
  const headers = new Headers(opts.headers);
  if (opts.key) headers.set("authorization", `Bearer ${opts.key}`);
  let body: BodyInit | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const request = new Request(`http://localhost/api/v1${path}`, { method, headers, body });
  const response = await found.op.handler(request, { params: Promise.resolve(found.params) });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : null;
  checkContract(found.name, found.op, response.status, response.headers, parsed);
  return { status: response.status, headers: response.headers, body: parsed, op: found.name };
}
