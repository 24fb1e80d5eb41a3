// Time formatting shared by server and client components (the Maker shows the organisation's zone, R30).

// Building an Intl.DateTimeFormat costs far more than using one (with a zone name, about as much as the rest
// of a list row's render): one per zone and kind, made on first use. Zones are a finite set.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(kind: "time" | "date", timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      "en-GB",
      kind === "time"
        ? { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" }
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

export function formatAgo(date: Date, now: Date, timeZone = "UTC"): string {
  const s = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  if (s < 45) return "just now";
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.round(h / 24);
  if (d < 30) return `${d} day${d === 1 ? "" : "s"} ago`;
  return formatIn("date", timeZone).format(date);
}
