export type AppErrorCode =
  | "NOT_FOUND"
  | "ALREADY_EXISTS"
  | "LIMIT_REACHED"
  | "CONFLICT"
  | "IN_USE"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "INVALID";

/** A refusal a person should read: its message is shown in the UI, next to `field` when there is one. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly field?: string,
    /** Extra facts for the UI (e.g. the queues that block a deactivation). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found.`);

type PgErrorLike = { code?: string; constraint?: string; constraint_name?: string; cause?: unknown };

/** The PostgreSQL error behind a drizzle error (drizzle wraps driver errors in `cause`), if any. */
export function pgErrorOf(e: unknown): { code: string; constraint?: string } | undefined {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 5; depth++) {
    const err = cur as PgErrorLike;
    if (typeof err.code === "string" && /^[0-9A-Z]{5}$/.test(err.code)) {
      return { code: err.code, constraint: err.constraint ?? err.constraint_name };
    }
    cur = err.cause;
  }
  return undefined;
}

/**
 * Turns a known constraint violation into the refusal a person should read, so that a race the friendly
 * check missed still ends in a clear message. Unknown errors are rethrown unchanged.
 */
export function mapConstraintError(e: unknown, known: Record<string, AppError>): never {
  const pg = pgErrorOf(e);
  if (pg?.constraint && known[pg.constraint]) throw known[pg.constraint];
  throw e;
}
