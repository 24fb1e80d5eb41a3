/** One line of an error for a log: its code and the first line of its message (or of its cause's). */
export function describeError(e: unknown): string {
  const err = e as { code?: string; message?: string; cause?: unknown; errors?: unknown[] };
  const inner = (err?.cause ?? (err?.errors && err.errors[0])) as { code?: string; message?: string } | undefined;
  const code = inner?.code ?? err?.code;
  const message = (inner?.message || err?.message || String(e)).split("\n")[0].slice(0, 200);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
