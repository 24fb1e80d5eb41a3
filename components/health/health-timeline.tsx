import { CalendarClock, CheckCircle2, CircleAlert, Clock, MoonStar, RotateCcw, XCircle } from "lucide-react";
import { OrgTime } from "@/components/ui/time-ago";
import type { TimelineEntry } from "@/lib/health/load-mailbox-health";

const trigger = (e: Extract<TimelineEntry, { kind: "check" }>) =>
  e.trigger === "schedule"
    ? "Scheduled check"
    : e.trigger === "silence"
      ? "Check after a silence"
      : `Verification by ${e.actorName ?? "the platform"}`;

function describe(e: TimelineEntry): { icon: React.ReactNode; text: React.ReactNode } {
  switch (e.kind) {
    case "check":
      if (e.outcome === "verified")
        return {
          icon: <CheckCircle2 className="size-4 text-emerald-600" />,
          text: <>{trigger(e)}: forwarding verified</>,
        };
      if (e.outcome === "pending")
        return {
          icon: <Clock className="size-4 text-amber-600" />,
          text: <>{trigger(e)}: waiting for the test message</>,
        };
      return { icon: <XCircle className="size-4 text-red-600" />, text: <>{trigger(e)}: verification failed</> };
    case "silence":
      return {
        icon: <MoonStar className="size-4 text-slate-500" />,
        text: (
          <>
            No mail since <OrgTime date={e.since} />: re-verification started
          </>
        ),
      };
    case "incident_opened":
      return {
        icon: <CircleAlert className="size-4 text-red-600" />,
        text: <>Needs attention: administrators alerted by email</>,
      };
    case "incident_resolved":
      return e.resolution === "recovered"
        ? {
            icon: <RotateCcw className="size-4 text-emerald-600" />,
            text: <>Working again: administrators told by email</>,
          }
        : {
            icon: <RotateCcw className="size-4 text-slate-500" />,
            text: <>Incident closed (mailbox deactivated or address changed)</>,
          };
  }
}

/** The mailbox's checks and incidents, newest first (R29, S4). */
export function HealthTimeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) {
    return (
      <p className="flex items-center gap-2 text-sm text-slate-600">
        <CalendarClock className="size-4 text-slate-500" aria-hidden />
        No checks yet. Once forwarding is verified, it is re-verified automatically every day.
      </p>
    );
  }
  return (
    <ol className="relative space-y-3 border-l border-slate-200 pl-5" aria-label="Checks" data-testid="health-timeline">
      {entries.map((e, i) => {
        const d = describe(e);
        return (
          <li key={`${e.kind}-${e.at.getTime()}-${i}`} className="relative text-sm">
            <span
              className="absolute top-0.5 -left-[1.85rem] flex size-5 items-center justify-center rounded-full bg-white"
              aria-hidden
            >
              {d.icon}
            </span>
            <p className="text-slate-800">{d.text}</p>
            <p className="text-xs text-slate-500">
              <OrgTime date={e.at} />
            </p>
          </li>
        );
      })}
    </ol>
  );
}
