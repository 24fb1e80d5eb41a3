import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";

const OUTCOME: Record<string, { label: string; tone: "neutral" | "green" | "red" | "amber" }> = {
  kept: { label: "In the inbox", tone: "neutral" },
  forwarded: { label: "Forwarded", tone: "green" },
  bounced: { label: "Bounced", tone: "red" },
  confirmation_sent: { label: "Waiting for confirmation", tone: "amber" },
};

type Message = {
  id: string;
  receivedAt: Date;
  toAddress: string;
  subject: string;
  text: string;
  outcome: string;
  detail: string | null;
  envelopeFrom: string | null;
};
/** The demo provider page's outbox section: every message the platform sent to the demo domains. */
export function DemoOutbox({ messages }: { messages: Message[] }) {
  const now = new Date();
  return (
    <div className="space-y-6">
      <Card
        id="demo-outbox"
        title="Outbox"
        description="Every message the platform sent to mycompany.com and example.org, newest first."
      >
        {messages.length === 0 ? (
          <EmptyState title="No message yet">
            Verify forwarding of a demo mailbox: its test message appears here.
          </EmptyState>
        ) : (
          <ol className="divide-y divide-slate-100" aria-label="Demo provider outbox">
            {messages.map((m) => (
              <li key={m.id} className="space-y-1 py-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={OUTCOME[m.outcome]?.tone ?? "neutral"}>{OUTCOME[m.outcome]?.label ?? m.outcome}</Badge>
                  <span className="text-slate-500">
                    <TimeAgo date={m.receivedAt} now={now} />
                  </span>
                </div>
                <p className="font-medium break-words text-slate-900">{m.subject}</p>
                <p className="break-all text-slate-600">
                  To {m.toAddress}
                  {m.envelopeFrom && <> · envelope sender {m.envelopeFrom}</>}
                </p>
                {m.detail && <p className="break-words text-slate-700">{m.detail}</p>}
                <details>
                  <summary className="cursor-pointer text-brand-700">Message text</summary>
                  <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap text-slate-800">
                    {m.text}
                  </pre>
                </details>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}
