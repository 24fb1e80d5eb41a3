import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatOrgTime } from "@/lib/format-time";
import type { DemoDnsDomain } from "@/lib/sending/load-demo-dns";
import { RECORD_PURPOSE_LABELS } from "./record-words";
import { DomainStateBadge, RecordStatusBadge } from "./sending-badges";
import { PublishDemoRecordButton } from "./publish-demo-record-button";

/**
 * The demo's simulated DNS (issue 19 item 9), on the demo provider page: each demo domain's records as the
 * simulated DNS holds them (lib/sending/load-demo-dns.ts, read by the page), with "Publish" for a missing DKIM record.
 */
export function DemoDnsPanel({ domains, timeZone }: { domains: DemoDnsDomain[]; timeZone: string }) {
  return (
    <Card
      id="demo-dns"
      title="Simulated DNS"
      description="The demo's domains are served by a DNS simulated inside this app, so that you can see both states of a domain's set-up. Real organisations use real DNS."
      className="mb-6"
    >
      <ul className="divide-y divide-slate-200" aria-label="Demo domains">
        {domains.map((d) => (
          <li key={d.domainId} className="space-y-2 py-3 first:pt-0 last:pb-0" data-testid={`demo-domain-${d.domain}`}>
            <div className="flex flex-wrap items-center gap-2">
              <Link
                href={`/maker/settings/domains/${d.domainId}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {d.domainUnicode}
              </Link>
              <DomainStateBadge state={d.state} />
              {d.lastCheckedAt && (
                <span className="text-xs text-slate-500">Checked {formatOrgTime(d.lastCheckedAt, timeZone)}</span>
              )}
            </div>
            <ul className="space-y-2" aria-label={`Records of ${d.domainUnicode}`}>
              {d.records.map((r) => (
                <li
                  key={`${r.purpose}-${r.fqdn}`}
                  className="flex flex-wrap items-start justify-between gap-2 rounded-lg bg-slate-50 px-3 py-2 text-sm"
                >
                  <span className="min-w-0 flex-1 basis-64">
                    <span className="font-medium text-slate-800">{RECORD_PURPOSE_LABELS[r.purpose]}</span>
                    <span className="block font-mono text-xs break-all text-slate-600">TXT {r.fqdn}.</span>
                  </span>
                  <span className="flex flex-wrap items-center gap-2">
                    <RecordStatusBadge status={r.status} />
                    {(r.purpose === "dkim" || r.purpose === "dkim_next") &&
                      ["not_found", "wrong_value", "not_checked"].includes(r.status) && (
                        <PublishDemoRecordButton domainId={d.domainId} domain={d.domainUnicode} />
                      )}
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Card>
  );
}
