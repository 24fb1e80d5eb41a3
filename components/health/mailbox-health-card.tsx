import { Card } from "@/components/ui/card";
import type { MailboxHealthView } from "@/lib/health/load-mailbox-health";
import { HealthBadge, HealthCauseText } from "./health-badge";
import { HealthTimeline } from "./health-timeline";
import { ReceivedChart } from "./received-chart";

/** S4's health section (R29): the state and its cause, the timeline of checks, and 14 days of received mail. */
export function MailboxHealthCard({ view, intervalLabel }: { view: MailboxHealthView; intervalLabel: string }) {
  return (
    <Card id="health" title="Health" description={`Forwarding is re-verified automatically ${intervalLabel}, and when mail stops for much longer than usual.`}
      actions={<HealthBadge health={view.health} showCause={false} />}>
      <div className="space-y-6">
        {view.health.state !== "healthy" && <HealthCauseText health={view.health} />}
        <ReceivedChart days={view.days} timeZone={view.timeZone} />
        <div>
          <h3 className="mb-3 text-sm font-medium text-slate-800">Checks</h3>
          <HealthTimeline entries={view.timeline} />
        </div>
      </div>
    </Card>
  );
}
