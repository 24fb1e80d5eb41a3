import { AppError } from "@/lib/errors";

export type BulkOutcome = { id: string; ok: true } | { id: string; ok: false; message: string };

/**
 * Runs one single-mailbox operation per selected mailbox, each in its own transaction under its own rules, and
 * reports each refusal for its mailbox instead of stopping at the first one. Unknown errors are logged and
 * reported with a generic sentence, never with their own text.
 */
export async function forEachMailbox(ids: string[], run: (id: string) => Promise<unknown>): Promise<BulkOutcome[]> {
  const out: BulkOutcome[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      await run(id);
      out.push({ id, ok: true });
    } catch (e) {
      if (e instanceof AppError) out.push({ id, ok: false, message: e.message });
      else {
        console.error("[bulk] unexpected error:", e);
        out.push({ id, ok: false, message: "Something went wrong on our side; this mailbox was not changed." });
      }
    }
  }
  return out;
}
