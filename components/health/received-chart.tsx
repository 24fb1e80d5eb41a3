import type { DayCount } from "@/lib/health/load-mailbox-health";

const dayLabel = (day: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(`${day}T12:00:00Z`),
  );

/**
 * Messages received per day over 14 days (R29, S4): a plain SVG bar chart (one unit per message, stretched to
 * the width), customer mail in the brand colour with the platform's own automatic messages stacked in grey. The
 * axis labels are HTML so they stay legible at any width; a table of the same numbers serves screen readers.
 */
export function ReceivedChart({ days, timeZone }: { days: DayCount[]; timeZone: string }) {
  const max = Math.max(1, ...days.map((d) => d.customer + d.automatic));
  const top = max <= 4 ? max : Math.ceil(max / 4) * 4;
  const n = days.length;
  const total = days.reduce((s, d) => s + d.customer, 0);
  return (
    <figure className="space-y-2" data-testid="received-chart">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 text-sm">
        <span className="font-medium text-slate-800">Received per day, last 14 days</span>
        <span className="flex items-center gap-3 text-xs text-slate-600">
          <span className="inline-flex items-center gap-1">
            <span aria-hidden className="size-2.5 rounded-sm bg-brand-600" />
            Customer mail ({total})
          </span>
          <span className="inline-flex items-center gap-1">
            <span aria-hidden className="size-2.5 rounded-sm bg-slate-300" />
            Automatic
          </span>
        </span>
      </figcaption>
      <div className="flex gap-2" aria-hidden>
        <div className="flex h-28 flex-col justify-between text-right text-[11px] leading-none text-slate-500 tabular-nums">
          <span>{top}</span>
          <span>0</span>
        </div>
        <div className="min-w-0 flex-1">
          <svg
            viewBox={`0 0 ${n * 10} ${top}`}
            preserveAspectRatio="none"
            className="block h-28 w-full border-b border-slate-300 bg-[linear-gradient(to_bottom,var(--color-slate-200)_1px,transparent_1px)] bg-[length:100%_50%]"
          >
            {days.map((d, i) => (
              <g key={d.day}>
                <rect x={i * 10 + 2} width={6} y={top - d.customer} height={d.customer} className="fill-brand-600" />
                <rect
                  x={i * 10 + 2}
                  width={6}
                  y={top - d.customer - d.automatic}
                  height={d.automatic}
                  className="fill-slate-300"
                />
              </g>
            ))}
          </svg>
          <div className="relative mt-1 h-4 text-[11px] leading-4 text-slate-500">
            {days.map((d, i) =>
              (i % 3 === 1 && i < n - 2) || i === n - 1 ? (
                <span
                  key={d.day}
                  className="absolute top-0 whitespace-nowrap"
                  style={
                    i === n - 1 ? { right: 0 } : { left: `${((i + 0.5) / n) * 100}%`, transform: "translateX(-50%)" }
                  }
                >
                  {dayLabel(d.day)}
                </span>
              ) : null,
            )}
          </div>
        </div>
      </div>
      <table className="sr-only">
        <caption>Messages received per day in {timeZone}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Customer mail</th>
            <th scope="col">Automatic</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{dayLabel(d.day)}</th>
              <td>{d.customer}</td>
              <td>{d.automatic}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
