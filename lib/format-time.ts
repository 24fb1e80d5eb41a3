// Time formatting shared by server and client components, on Intl (the Maker shows the organisation's zone, R30):
// absolute times with DateTimeFormat in a zone, "ago" with RelativeTimeFormat, durations with NumberFormat units.

// Building an Intl formatter costs far more than using one (with a zone name, about as much as the rest of a list
// row's render): one per zone / locale and kind, made on first use. Zones and locales are finite sets.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(kind: "time" | "date", timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      "en-GB",
      kind === "time"
        ? {
            day: "numeric",
            month: "short",
            year: "numeric",
            hour: "2-digit",
            minute: "2-digit",
            timeZone,
            timeZoneName: "short",
          }
        : { day: "numeric", month: "short", year: "numeric", timeZone },
    );
    formats.set(key, f);
  }
  return f;
}

/** "26 Nov 2026, 14:30 CET": date and time in the given zone, the zone named. */
export function formatOrgTime(date: Date, timeZone: string): string {
  return formatIn("time", timeZone).format(date);
}

const relative = new Map<string, Intl.RelativeTimeFormat>();
function relativeIn(locale: string): Intl.RelativeTimeFormat {
  let f = relative.get(locale);
  if (!f) relative.set(locale, (f = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "long" })));
  return f;
}

/** "now", "5 minutes ago", "3 hours ago", "yesterday", "12 days ago"; past a month, the date in the zone. */
export function formatAgo(date: Date, now: Date, timeZone = "UTC", locale = "en"): string {
  const s = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  const f = relativeIn(locale);
  if (s < 45) return f.format(0, "second");
  const m = Math.round(s / 60);
  if (m < 60) return f.format(-m, "minute");
  const h = Math.round(m / 60);
  if (h < 24) return f.format(-h, "hour");
  const d = Math.round(h / 24);
  if (d < 30) return f.format(-d, "day");
  return formatIn("date", timeZone).format(date);
}

const units = new Map<string, Intl.NumberFormat>();
function unit(locale: string, u: "day" | "hour" | "minute" | "second" | "millisecond", n: number): string {
  const key = `${locale} ${u}`;
  let f = units.get(key);
  if (!f) units.set(key, (f = new Intl.NumberFormat(locale, { style: "unit", unit: u, unitDisplay: "long" })));
  return f.format(n);
}

/** A duration in its largest whole unit: "15 minutes", "1 hour", "30 seconds", "15 Minuten". */
export function formatDuration(ms: number, locale = "en"): string {
  if (ms >= 86_400_000 && ms % 86_400_000 === 0) return unit(locale, "day", ms / 86_400_000);
  if (ms % 3_600_000 === 0 && ms > 0) return unit(locale, "hour", ms / 3_600_000);
  if (ms % 60_000 === 0 && ms > 0) return unit(locale, "minute", ms / 60_000);
  if (ms >= 1000) return unit(locale, "second", Math.round(ms / 1000));
  return unit(locale, "millisecond", ms);
}

/** How often something repeats: "every day", "every 12 hours", "every 30 minutes". */
export function describeInterval(ms: number, locale = "en"): string {
  if (ms === 86_400_000) return "every day";
  if (ms === 3_600_000) return "every hour";
  return `every ${formatDuration(ms % 3_600_000 === 0 ? ms : Math.round(ms / 60_000) * 60_000, locale)}`;
}
