import { CheckCircle2, XCircle } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";

const UNLOCKS = [
  "Mailboxes: receive your customers' email through an alias on the platform",
  "Forwarding verification, scheduled re-checks and alerts when a mailbox stops receiving mail",
  "Queues: mailboxes linked to distribution queues, with a default sender each",
  "Smart Routing and End Smart Routing flows on each mailbox",
];

/** R18/R47: the organisation's licence, and what it unlocks. */
export function LicenceCard({
  smartLicence,
  mailboxLimit,
  mailboxCount,
}: {
  smartLicence: boolean;
  mailboxLimit: number;
  mailboxCount: number;
}) {
  return (
    <Card id="licence" title="Licence" description="What your organisation's licence includes.">
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-800">
        <span className="font-medium">Smart licence</span>
        {smartLicence ? <Badge tone="green">Active</Badge> : <Badge tone="amber">Not included</Badge>}
      </p>
      <ul className="mt-3 space-y-2 text-sm text-slate-700" aria-label="What the Smart licence unlocks">
        {UNLOCKS.map((u) => (
          <li key={u} className="flex gap-2">
            {smartLicence ? (
              <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-emerald-600" aria-hidden />
            ) : (
              <XCircle className="mt-0.5 size-4 shrink-0 text-slate-400" aria-hidden />
            )}
            <span>{u}</span>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-sm text-slate-700">
        {smartLicence
          ? `Mailboxes: ${mailboxCount} of ${mailboxLimit} used.`
          : "Without it, Mailboxes shows “Smart licence needed”. Ask your account manager to add the Smart licence."}
      </p>
    </Card>
  );
}
