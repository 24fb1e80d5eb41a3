import { Card } from "@/components/ui/card";
import type { MailboxHealthView } from "@/lib/health/load-mailbox-health";
import { HealthTimeline } from "./health-timeline";
import { ReceivedChart } from "./received-chart";

/**
 * S4's health section (R29): 14 days of received mail and the timeline of checks. The mailbox's state and its next
 * step are told once, by the forwarding section's badge (components/mailbox-state); the timeline's outcomes come from
 * the same facts, so the two never disagree.
 */
export function MailboxHealthCard({ view, intervalLabel }: { view: MailboxHealthView; intervalLabel: string }) {
  return (
    <Card
      id="health"
      title="Health"
      description={`Forwarding is re-verified automatically ${intervalLabel}, and when mail stops for much longer than usual.`}
    >
      <div className="space-y-6">
        <ReceivedChart days={view.days} timeZone={view.timeZone} />
        <div>
          <h3 className="mb-3 text-sm font-medium text-slate-800">Checks</h3>
          <HealthTimeline entries={view.timeline} />
        </div>
      </div>
    </Card>
  );
}
