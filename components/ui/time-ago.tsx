/** A past moment as “3 min ago”, with the exact time in a tooltip and for screen readers. */
export function TimeAgo({ date, now = new Date() }: { date: Date; now?: Date }) {
  return (
    <time dateTime={date.toISOString()} title={date.toUTCString()}>
      {formatAgo(date, now)}
    </time>
  );
}

export function formatAgo(date: Date, now: Date): string {
  const s = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  if (s < 45) return "just now";
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.round(h / 24);
  if (d < 30) return `${d} day${d === 1 ? "" : "s"} ago`;
  return date.toISOString().slice(0, 10);
}
