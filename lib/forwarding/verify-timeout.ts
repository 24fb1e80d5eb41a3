// How long a forwarding verification waits for its test message to come back (R22): VERIFY_TIMEOUT.

export const DEFAULT_VERIFY_TIMEOUT_MS = 15 * 60_000;

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * A duration as "900" (seconds), "900s", "15m", "1h" or "1500ms", in milliseconds; null when it is not one
 * of those or not positive.
 */
export function parseDuration(value: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(value);
  if (!m) return null;
  const ms = Number(m[1]) * UNITS[(m[2] ?? "s").toLowerCase()];
  return Number.isFinite(ms) && ms >= 1 ? Math.round(ms) : null;
}

let warned = false;

/** VERIFY_TIMEOUT in milliseconds (default 15 minutes); an unreadable value is reported once and ignored. */
export function verifyTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.VERIFY_TIMEOUT;
  if (!raw) return DEFAULT_VERIFY_TIMEOUT_MS;
  const ms = parseDuration(raw);
  if (ms === null) {
    if (!warned) console.warn(`[forwarding] VERIFY_TIMEOUT="${raw}" is not a duration (use seconds, "30s", "15m" or "1h"); using 15 minutes.`);
    warned = true;
    return DEFAULT_VERIFY_TIMEOUT_MS;
  }
  return ms;
}

/** "15 minutes", "30 seconds", "1 hour": how the UI names a timeout. */
export function formatDuration(ms: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (ms % 3_600_000 === 0) return plural(ms / 3_600_000, "hour");
  if (ms % 60_000 === 0) return plural(ms / 60_000, "minute");
  if (ms >= 1000) return plural(Math.round(ms / 1000), "second");
  return `${ms} ms`;
}
