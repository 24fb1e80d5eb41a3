"use client";
import { Badge } from "@/components/ui/badge";
import { formatOrgTime, useOrgTimeZone } from "@/components/ui/time-ago";
import { describeHealthCause, healthLabel, type HealthState, type MailboxHealth } from "@/lib/health/mailbox-health";

export const HEALTH_TONE: Record<HealthState, "neutral" | "amber" | "green" | "red"> = {
  healthy: "green",
  not_verified: "neutral",
  checking: "amber",
  needs_attention: "red",
};

/** A mailbox's one health state (R29), with its cause in a line below when it has one worth reading. */
export function HealthBadge({ health, showCause = true }: { health: MailboxHealth; showCause?: boolean }) {
  const zone = useOrgTimeZone();
  const cause = describeHealthCause(health.cause, (d) => formatOrgTime(d, zone));
  const worth = health.state === "needs_attention" || health.state === "checking";
  return (
    <span className="inline-flex flex-col items-start gap-0.5" data-testid="health">
      <Badge tone={HEALTH_TONE[health.state]}>
        <span aria-hidden className={`size-1.5 rounded-full ${health.state === "needs_attention" ? "bg-red-600" : health.state === "healthy" ? "bg-emerald-600" : health.state === "checking" ? "bg-amber-500" : "bg-slate-400"}`} />
        {healthLabel(health)}
      </Badge>
      {showCause && worth && cause && <span className="max-w-56 text-xs text-slate-600">{cause}</span>}
    </span>
  );
}

/** The cause alone, as a sentence (S4). */
export function HealthCauseText({ health }: { health: MailboxHealth }) {
  const zone = useOrgTimeZone();
  const cause = describeHealthCause(health.cause, (d) => formatOrgTime(d, zone));
  if (!cause) return null;
  const tone = health.state === "needs_attention" ? "text-red-800" : "text-slate-700";
  return <p className={`text-sm font-medium ${tone}`} data-testid="health-cause">{cause}</p>;
}
