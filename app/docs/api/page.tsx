import type { Metadata } from "next";
import type { ReactNode } from "react";
import { openApiDocument } from "@/lib/api/openapi";

// The API reference (R42), rendered on the server from the OpenAPI document itself: no script, no CDN, so it works
// offline and under the app's nonce CSP. The document is at /api/v1/openapi.json for tools (Scalar, Postman…).

export const metadata: Metadata = { title: "API reference" };

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
};
type Param = { name: string; in: string; required: boolean; description?: string; schema: Schema };
type Op = {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  "x-access": "read" | "write";
  parameters: Param[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
};
type Doc = {
  info: { title: string; description: string };
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Op>>;
  components: { schemas: Record<string, Schema> };
  "x-problem-types": Record<string, { status: number; title: string }>;
};

/** A description's `code` spans as <code>, the rest as text. */
function Text({ children }: { children?: string }) {
  if (!children) return null;
  return (
    <>
      {children.split(/(`[^`]+`)/).map((part, i) =>
        part.startsWith("`") && part.endsWith("`") ? (
          <code key={i} className="rounded bg-slate-100 px-1">
            {part.slice(1, -1)}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

const refName = (ref: string) => ref.split("/").at(-1) ?? ref;

function typeOf(s: Schema): ReactNode {
  if (s.$ref)
    return (
      <a className="text-brand-700 underline" href={`#schema-${refName(s.$ref)}`}>
        {refName(s.$ref)}
      </a>
    );
  if (s.anyOf) {
    const parts = s.anyOf.filter((x) => x.type !== "null");
    const nullable = parts.length < s.anyOf.length;
    return (
      <>
        {parts.map((p, i) => (
          <span key={i}>
            {i > 0 && " or "}
            {typeOf(p)}
          </span>
        ))}
        {nullable && " or null"}
      </>
    );
  }
  if (s.type === "array" && s.items) return <>array of {typeOf(s.items)}</>;
  if (s.enum) return <>one of {s.enum.map((v) => JSON.stringify(v)).join(", ")}</>;
  if (s.const !== undefined) return <>{JSON.stringify(s.const)}</>;
  const t = Array.isArray(s.type) ? s.type.join(" or ") : (s.type ?? "any");
  return (
    <>
      {t}
      {s.format ? ` (${s.format})` : ""}
    </>
  );
}

function limits(s: Schema): string {
  const out: string[] = [];
  if (s.minLength !== undefined) out.push(`at least ${s.minLength} characters`);
  if (s.maxLength !== undefined) out.push(`at most ${s.maxLength} characters`);
  if (s.minimum !== undefined) out.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) out.push(`≤ ${s.maximum}`);
  return out.join(", ");
}

function Fields({ schema }: { schema: Schema }) {
  if (!schema.properties) return <p className="text-sm text-slate-700">{typeOf(schema)}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[32rem] text-left text-sm">
        <thead className="text-xs text-slate-500">
          <tr>
            <th className="py-1 pr-3 font-medium">Field</th>
            <th className="py-1 pr-3 font-medium">Type</th>
            <th className="py-1 font-medium">About</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {Object.entries(schema.properties).map(([name, s]) => (
            <tr key={name}>
              <td className="py-1.5 pr-3 font-mono text-xs whitespace-nowrap">
                {name}
                {schema.required?.includes(name) && (
                  <span className="text-red-700" title="required">
                    {" "}
                    *
                  </span>
                )}
              </td>
              <td className="py-1.5 pr-3 text-xs">{typeOf(s)}</td>
              <td className="py-1.5 text-xs text-slate-700">
                <Text>{[s.description, limits(s)].filter(Boolean).join(" — ")}</Text>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const METHOD_TONE: Record<string, string> = {
  get: "bg-sky-100 text-sky-900",
  post: "bg-emerald-100 text-emerald-900",
  patch: "bg-amber-100 text-amber-900",
  put: "bg-amber-100 text-amber-900",
  delete: "bg-red-100 text-red-900",
};

export default function ApiReferencePage() {
  const doc = openApiDocument() as unknown as Doc;
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 lg:grid lg:grid-cols-[14rem_1fr] lg:gap-8">
      <nav aria-label="API reference" className="mb-8 text-sm lg:sticky lg:top-6 lg:mb-0 lg:self-start">
        <p className="font-semibold text-slate-900">On this page</p>
        <ul className="mt-2 space-y-1">
          <li>
            <a className="text-brand-700 hover:underline" href="#authentication">
              Authentication and limits
            </a>
          </li>
          {doc.tags.map((t) => (
            <li key={t.name}>
              <a className="text-brand-700 hover:underline" href={`#tag-${t.name}`}>
                {t.name}
              </a>
              <ul className="mt-1 ml-3 space-y-1">
                {ops
                  .filter((o) => o.op.tags.includes(t.name))
                  .map((o) => (
                    <li key={o.op.operationId}>
                      <a className="text-slate-700 hover:underline" href={`#${o.op.operationId}`}>
                        {o.op.summary}
                      </a>
                    </li>
                  ))}
              </ul>
            </li>
          ))}
          <li>
            <a className="text-brand-700 hover:underline" href="#problems">
              Problems (errors)
            </a>
          </li>
          <li>
            <a className="text-brand-700 hover:underline" href="#schemas">
              Objects
            </a>
          </li>
        </ul>
      </nav>
      <main className="min-w-0 space-y-10">
        <header className="space-y-3">
          <h1 className="text-2xl font-semibold text-slate-900">{doc.info.title}</h1>
          <p className="text-slate-700">
            <Text>{doc.info.description}</Text>
          </p>
          <p className="text-sm text-slate-600">
            Base address: <code className="rounded bg-slate-100 px-1">/api/v1</code>. Machine-readable document (OpenAPI
            3.1):{" "}
            <a className="text-brand-700 underline" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>
            .
          </p>
        </header>
        <section id="authentication" aria-labelledby="authentication-title" className="space-y-2">
          <h2 id="authentication-title" className="text-xl font-semibold text-slate-900">
            Authentication and limits
          </h2>
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
            <li>
              Create a key in Maker → Settings → API keys (administrators). Send it on every request:{" "}
              <code className="rounded bg-slate-100 px-1">Authorization: Bearer ino_live_…</code>. Cookies are not
              accepted.
            </li>
            <li>
              A <strong>Read only</strong> key may only GET; writes answer 403. Another organisation&apos;s objects
              answer 404.
            </li>
            <li>
              <code className="rounded bg-slate-100 px-1">GET</code> of one mailbox sends an{" "}
              <code className="rounded bg-slate-100 px-1">ETag</code>; send it as{" "}
              <code className="rounded bg-slate-100 px-1">If-Match</code> with PATCH or DELETE and a change made since
              is refused (412) instead of overwritten.
            </li>
            <li>
              Send <code className="rounded bg-slate-100 px-1">Idempotency-Key</code> with a POST to retry it safely for
              24 hours.
            </li>
            <li>
              Each response carries <code className="rounded bg-slate-100 px-1">RateLimit-Policy</code> and{" "}
              <code className="rounded bg-slate-100 px-1">RateLimit</code>; past the limit the answer is 429 with{" "}
              <code className="rounded bg-slate-100 px-1">Retry-After</code>.
            </li>
          </ul>
        </section>
        {doc.tags.map((t) => (
          <section key={t.name} id={`tag-${t.name}`} aria-labelledby={`tag-${t.name}-title`} className="space-y-6">
            <div>
              <h2 id={`tag-${t.name}-title`} className="text-xl font-semibold text-slate-900">
                {t.name}
              </h2>
              <p className="text-sm text-slate-600">{t.description}</p>
            </div>
            {ops
              .filter((o) => o.op.tags.includes(t.name))
              .map(({ path, method, op }) => (
                <article
                  key={op.operationId}
                  id={op.operationId}
                  aria-labelledby={`${op.operationId}-title`}
                  className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
                >
                  <h3 id={`${op.operationId}-title`} className="text-base font-semibold text-slate-900">
                    {op.summary}
                  </h3>
                  <p className="flex flex-wrap items-center gap-2 font-mono text-sm">
                    <span className={`rounded px-1.5 py-0.5 text-xs font-bold uppercase ${METHOD_TONE[method]}`}>
                      {method}
                    </span>
                    <span className="break-all">/api/v1{path}</span>
                    <span className="rounded-full bg-slate-100 px-2 py-0.5 font-sans text-xs text-slate-700">
                      {op["x-access"] === "write" ? "Read and write key" : "Any key"}
                    </span>
                  </p>
                  {op.description && (
                    <p className="text-sm text-slate-700">
                      <Text>{op.description}</Text>
                    </p>
                  )}
                  {op.parameters.length > 0 && (
                    <div>
                      <h4 className="text-sm font-medium text-slate-900">Parameters</h4>
                      <ul className="mt-1 space-y-1 text-sm text-slate-700">
                        {op.parameters.map((p) => (
                          <li key={`${p.in}-${p.name}`}>
                            <code className="rounded bg-slate-100 px-1 text-xs">{p.name}</code>{" "}
                            <span className="text-xs text-slate-500">
                              ({p.in}
                              {p.required ? ", required" : ""}; {typeOf(p.schema)})
                            </span>
                            {p.description ? " " : ""}
                            <Text>{p.description}</Text>
                          </li>
                        ))}
                      </ul>
                    </div>
                  )}
                  {op.requestBody && (
                    <div>
                      <h4 className="text-sm font-medium text-slate-900">Body (JSON)</h4>
                      {Object.values(op.requestBody.content).map((c, i) => (
                        <Fields
                          key={i}
                          schema={c.schema.$ref ? doc.components.schemas[refName(c.schema.$ref)] : c.schema}
                        />
                      ))}
                    </div>
                  )}
                  <div>
                    <h4 className="text-sm font-medium text-slate-900">Answers</h4>
                    <ul className="mt-1 space-y-1 text-sm text-slate-700">
                      {Object.entries(op.responses).map(([status, r]) => (
                        <li key={status}>
                          <span className="font-mono text-xs font-semibold">{status}</span> {r.description}
                          {r.content &&
                            Object.values(r.content).map((c, i) => (
                              <span key={i} className="text-xs text-slate-500">
                                {" "}
                                — {typeOf(c.schema)}
                              </span>
                            ))}
                        </li>
                      ))}
                    </ul>
                  </div>
                </article>
              ))}
          </section>
        ))}
        <section id="problems" aria-labelledby="problems-title" className="space-y-3">
          <h2 id="problems-title" className="text-xl font-semibold text-slate-900">
            Problems (errors)
          </h2>
          <p className="text-sm text-slate-700">
            Every refusal is <code className="rounded bg-slate-100 px-1">application/problem+json</code> (RFC 9457) with{" "}
            <code className="rounded bg-slate-100 px-1">type</code>,{" "}
            <code className="rounded bg-slate-100 px-1">title</code>,{" "}
            <code className="rounded bg-slate-100 px-1">status</code> and{" "}
            <code className="rounded bg-slate-100 px-1">detail</code>, the sentence the screens show; invalid fields add{" "}
            <code className="rounded bg-slate-100 px-1">errors: [&#123; field, detail &#125;]</code>.
          </p>
          <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
            {Object.entries(doc["x-problem-types"]).map(([type, p]) => (
              <div key={type} id={type.split("#")[1]} className="rounded-lg bg-white p-3 ring-1 ring-slate-200">
                <dt className="font-medium text-slate-900">
                  {p.status} {p.title}
                </dt>
                <dd className="font-mono text-xs text-slate-600">{type}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section id="schemas" aria-labelledby="schemas-title" className="space-y-4">
          <h2 id="schemas-title" className="text-xl font-semibold text-slate-900">
            Objects
          </h2>
          {Object.entries(doc.components.schemas).map(([name, s]) => (
            <article
              key={name}
              id={`schema-${name}`}
              aria-labelledby={`schema-${name}-title`}
              className="space-y-2 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200"
            >
              <h3 id={`schema-${name}-title`} className="font-mono text-base font-semibold text-slate-900">
                {name}
              </h3>
              {s.description && <p className="text-sm text-slate-700">{s.description}</p>}
              <Fields schema={s} />
            </article>
          ))}
        </section>
      </main>
    </div>
  );
}
