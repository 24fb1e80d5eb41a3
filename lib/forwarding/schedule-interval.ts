// FORWARDING_CHECK_INTERVAL: how often every verified mailbox is re-verified (R29). Default daily.
export const DEFAULT_CHECK_INTERVAL_MS = 24 * 3_600_000;
const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const NAMED: Record<string, number> = { daily: 86_400_000, hourly: 3_600_000, weekly: 7 * 86_400_000 };
export const MIN_CHECK_INTERVAL_MS = 5 * 60_000;

/** "daily", "hourly", "weekly", "12h", "30m", "1d" or seconds; null if unreadable or below 5 minutes. */
export function parseCheckInterval(value: string): number | null {
  const v = value.trim().toLowerCase();
  if (NAMED[v]) return NAMED[v];
  const m = /^(\d+(?:\.\d+)?)\s*([smhd])?$/.exec(v);
  if (!m) return null;
  const ms = Math.round(Number(m[1]) * UNITS[m[2] ?? "s"]);
  return ms >= MIN_CHECK_INTERVAL_MS ? ms : null;
}

let warned = false;
export function checkIntervalMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.FORWARDING_CHECK_INTERVAL;
  if (!raw) return DEFAULT_CHECK_INTERVAL_MS;
  const ms = parseCheckInterval(raw);
  if (ms === null) {
    if (!warned) console.warn(`[jobs] FORWARDING_CHECK_INTERVAL="${raw}" is not a duration of at least 5 minutes ("daily", "12h", "30m"); using daily.`);
    warned = true;
    return DEFAULT_CHECK_INTERVAL_MS;
  }
  return ms;
}

/** "every day", "every 12 hours", "every 30 minutes". */
export function describeCheckInterval(ms: number): string {
  if (ms === 86_400_000) return "every day";
  if (ms === 3_600_000) return "every hour";
  if (ms % 86_400_000 === 0) return `every ${ms / 86_400_000} days`;
  if (ms % 3_600_000 === 0) return `every ${ms / 3_600_000} hours`;
  return `every ${Math.round(ms / 60_000)} minutes`;
}
