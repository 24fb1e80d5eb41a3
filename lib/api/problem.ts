// Refusals of /api/v1 as RFC 9457 problem details (application/problem+json): `type`, `title`, `status`,
// `detail` (the sentence the screens show), and `errors: [{ field, detail }]` for invalid fields.

export const PROBLEMS = {
  "bad-request": { status: 400, title: "Malformed request" },
  unauthorized: { status: 401, title: "API key missing, unknown or revoked" },
  forbidden: { status: 403, title: "Not allowed with this API key" },
  "not-found": { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Refused by a rule" },
  "precondition-failed": { status: 412, title: "Changed since you read it" },
  "payload-too-large": { status: 413, title: "Body too large" },
  "unsupported-media-type": { status: 415, title: "Send JSON" },
  validation: { status: 422, title: "Invalid fields" },
  "rate-limited": { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Server error" },
} as const;
export type ProblemKind = keyof typeof PROBLEMS;

export type FieldProblem = { field: string; detail: string };
export type ProblemBody = { type: string; title: string; status: number; detail: string; errors?: FieldProblem[] };

/** A refusal to answer with; thrown inside an API handler and turned into its response by `apiRoute`. */
export class ApiProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly extra: { errors?: FieldProblem[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = "ApiProblem";
  }

  get status(): number {
    return PROBLEMS[this.kind].status;
  }

  body(): ProblemBody {
    const { status, title } = PROBLEMS[this.kind];
    return {
      type: problemType(this.kind),
      title,
      status,
      detail: this.detail,
      ...(this.extra.errors ? { errors: this.extra.errors } : {}),
    };
  }
}

/** The problem's documentation: a section of the API reference (a URI reference, RFC 9457 §3.1.1). */
export const problemType = (kind: ProblemKind) => `/docs/api#problem-${kind}`;

export function problemResponse(problem: ApiProblem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem.body()), {
    status: problem.status,
    headers: {
      "content-type": "application/problem+json",
      "cache-control": "no-store",
      ...headers,
      ...problem.extra.headers,
    },
  });
}
