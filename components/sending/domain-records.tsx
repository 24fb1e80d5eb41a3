import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { formatOrgTime } from "@/lib/format-time";
import type { DomainRecord } from "@/lib/sending/types";
import { RecordStatusBadge } from "./sending-badges";
import { RECORD_PURPOSE_LABELS, RECORD_PURPOSE_NOTE } from "./record-words";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[9rem_minmax(0,1fr)] sm:gap-3">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="min-w-0 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

const Code = ({ children, testId }: { children: ReactNode; testId?: string }) => (
  <code
    data-testid={testId}
    className="block rounded-md bg-slate-100 px-2.5 py-1.5 font-mono text-[13px] break-all text-slate-900"
  >
    {children}
  </code>
);

const POLICY: Record<string, string> = {
  none: "none (monitor only: receivers deliver as usual and send reports)",
  quarantine: "quarantine (failing mail goes to spam)",
  reject: "reject (failing mail is refused)",
};

/**
 * The records to publish, one row each (issue 19 item 2): type, host (relative, as DNS providers' forms want it,
 * and fully qualified), value, copy buttons, status, what is published when it differs, and the last check.
 */
export function DomainRecords({ records, timeZone }: { records: DomainRecord[]; timeZone: string }) {
  return (
    <ul className="divide-y divide-slate-200" aria-label="DNS records">
      {records.map((r) => {
        const title = RECORD_PURPOSE_LABELS[r.purpose];
        const headingId = `record-${r.purpose}`;
        const showFound = r.found.length > 0 && r.status !== "verified";
        return (
          <li
            key={`${r.purpose}-${r.fqdn}`}
            aria-labelledby={headingId}
            data-testid={`record-${r.purpose}`}
            className="py-4 first:pt-0 last:pb-0"
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 id={headingId} className="text-sm font-semibold text-slate-900">
                {title} <span className="font-normal text-slate-500">· {RECORD_PURPOSE_NOTE[r.purpose]}</span>
              </h3>
              <RecordStatusBadge status={r.status} />
            </div>
            <p
              className={r.status === "verified" ? "mt-1 text-sm text-slate-600" : "mt-1 text-sm text-slate-800"}
              data-testid="record-explanation"
            >
              {r.explanation}
            </p>
            <dl className="mt-2 divide-y divide-slate-100">
              <Row label="Type">
                <span className="font-mono text-[13px]">{r.type}</span>
              </Row>
              <Row label="Host">
                <div className="flex flex-wrap items-start gap-2">
                  <div className="min-w-0 flex-1 basis-56">
                    <Code testId="record-host">{r.host}</Code>
                    <p className="mt-1 text-xs break-all text-slate-500">
                      Fully qualified:{" "}
                      <span className="font-mono" data-testid="record-fqdn">
                        {r.fqdn}.
                      </span>
                    </p>
                  </div>
                  <CopyButton text={r.host} label="Copy host" srLabel={`Copy host of the ${title} record`} />
                </div>
              </Row>
              <Row label="Value">
                <div className="flex flex-wrap items-start gap-2">
                  <div className="min-w-0 flex-1 basis-56">
                    <Code testId="record-value">{r.value}</Code>
                  </div>
                  <CopyButton text={r.value} label="Copy value" srLabel={`Copy value of the ${title} record`} />
                </div>
              </Row>
              {showFound && (
                <Row label="Published now">
                  <ul className="space-y-1" aria-label={`Published at ${r.fqdn}`}>
                    {r.found.map((f, i) => (
                      <li key={i}>
                        <Code>{f}</Code>
                      </li>
                    ))}
                  </ul>
                </Row>
              )}
              {r.dmarc && (
                <Row label="Policy">
                  {r.dmarc.policy ? POLICY[r.dmarc.policy] : "No policy published yet"}
                  {r.dmarc.aligned === true && (
                    <span className="block text-slate-600">DKIM alignment will pass for mail the platform signs.</span>
                  )}
                  {r.dmarc.aligned === false && (
                    <span className="block text-red-800">
                      DKIM alignment will fail ({r.dmarc.alignment} alignment): receivers applying this policy treat the
                      mail as unauthenticated.
                    </span>
                  )}
                </Row>
              )}
              <Row label="Last checked">{r.checkedAt ? formatOrgTime(r.checkedAt, timeZone) : "Not checked yet"}</Row>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
