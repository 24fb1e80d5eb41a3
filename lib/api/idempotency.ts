import "server-only";
import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { apiIdempotency } from "@/db/schema";
import { ApiProblem } from "./problem";

export const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000;
const WAIT_MS = 15_000;
const POLL_MS = 25;

export type StoredAnswer = { status: number; body: unknown; headers: Record<string, string> };

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest("hex");
}

/** The header's value, or null; refused (422) when it is empty, longer than 255 characters or not printable ASCII. */
export function idempotencyKeyOf(headers: Headers): string | null {
  const raw = headers.get("idempotency-key");
  if (raw === null) return null;
  const key = raw.trim().replace(/^"(.*)"$/, "$1");
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new ApiProblem("validation", "Idempotency-Key must be 1 to 255 printable characters, for example a UUID.", {
      errors: [{ field: "Idempotency-Key", detail: "Use 1 to 255 printable characters, for example a UUID." }],
    });
  }
  return key;
}

/**
 * Runs `work` once per (API key, Idempotency-Key) within 24 hours (R42). The key is claimed by an insert before the
 * work starts, so of two concurrent requests one runs and the other waits for its answer; a later request with the
 * same key and the same request replays the stored answer; with another request it is refused (422). An answer
 * that is a server error is not kept, so that a retry runs again.
 */
export async function withIdempotency(
  params: { keyId: string; idempotencyKey: string; hash: string; now?: Date },
  work: () => Promise<StoredAnswer>,
): Promise<StoredAnswer & { replayed: boolean }> {
  const now = params.now ?? new Date();
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS);
  const where = and(eq(apiIdempotency.keyId, params.keyId), eq(apiIdempotency.idempotencyKey, params.idempotencyKey));
  // An expired answer no longer counts: the key may be used again.
  await getDb()
    .delete(apiIdempotency)
    .where(and(eq(apiIdempotency.keyId, params.keyId), lt(apiIdempotency.createdAt, cutoff)));
  const claimed = await getDb()
    .insert(apiIdempotency)
    .values({ keyId: params.keyId, idempotencyKey: params.idempotencyKey, requestHash: params.hash, createdAt: now })
    .onConflictDoNothing()
    .returning({ keyId: apiIdempotency.keyId });
  if (claimed.length === 0) return { ...(await waitForAnswer(params, where)), replayed: true };
  let answer: StoredAnswer;
  try {
    answer = await work();
  } catch (e) {
    await getDb().delete(apiIdempotency).where(where);
    throw e;
  }
  if (answer.status >= 500) await getDb().delete(apiIdempotency).where(where);
  else
    await getDb()
      .update(apiIdempotency)
      .set({ status: answer.status, body: sql`${JSON.stringify(answer.body ?? null)}::jsonb`, headers: answer.headers })
      .where(where);
  return { ...answer, replayed: false };
}

async function waitForAnswer(params: { hash: string }, where: ReturnType<typeof and>): Promise<StoredAnswer> {
  const started = Date.now();
  for (;;) {
    const [row] = await getDb().select().from(apiIdempotency).where(where);
    if (row && row.requestHash !== params.hash) {
      throw new ApiProblem(
        "validation",
        "This Idempotency-Key was already used with another request in the last 24 hours. Use a new key for a new request.",
        {
          errors: [{ field: "Idempotency-Key", detail: "Already used with another request." }],
        },
      );
    }
    if (row && row.status !== null) return { status: row.status, body: row.body, headers: row.headers ?? {} };
    if (!row || Date.now() - started > WAIT_MS) {
      // The first request failed (its claim was removed) or is still running: the client may retry.
      throw new ApiProblem(
        "conflict",
        "A request with this Idempotency-Key is still being processed, or failed. Retry in a moment.",
        { headers: { "Retry-After": "1" } },
      );
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
