"use client";
import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { checkDnsAction } from "@/lib/actions/domains";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatOrgTime, useOrgTimeZone } from "@/components/ui/time-ago";
import { callAction } from "@/lib/forms/call-action";
import { DOMAIN_STATE_LABELS, RECORD_STATUS_LABELS } from "@/lib/sending/types";
import { RECORD_PURPOSE_LABELS } from "./record-words";

/**
 * "Check DNS" (issue 19 item 3): looks the records up now; while it runs the button says so. The rows below show
 * each record's result once the page refreshes; a summary is read out for screen readers and shown beside it.
 */
export function CheckDnsButton({ domainId, disabledReason }: { domainId: string; disabledReason?: string | null }) {
  const router = useRouter();
  const zone = useOrgTimeZone();
  const [pending, start] = useTransition();
  const [summary, setSummary] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const check = () =>
    start(async () => {
      setError(null);
      setSummary(null);
      const result = await callAction(() => checkDnsAction({ domainId }), 30_000);
      const data = (result as { data?: Awaited<ReturnType<typeof checkDnsAction>>["data"] })?.data;
      if (data?.ok) {
        const rows = data.records.map((r) => `${RECORD_PURPOSE_LABELS[r.purpose]}: ${RECORD_STATUS_LABELS[r.status]}`);
        setSummary(
          `Checked at ${formatOrgTime(new Date(data.checkedAt), zone)}. ${DOMAIN_STATE_LABELS[data.state]}. ${rows.join(" · ")}.`,
        );
        router.refresh();
        return;
      }
      setError(result?.serverError?.message ?? "DNS could not be checked. Try again in a moment.");
    });

  return (
    <div className="flex min-w-0 flex-col items-start gap-2">
      <Button
        onClick={check}
        disabled={pending || Boolean(disabledReason)}
        aria-describedby={disabledReason ? "check-dns-why" : undefined}
      >
        <RefreshCw className={pending ? "size-4 animate-spin motion-reduce:animate-none" : "size-4"} aria-hidden />
        {pending ? "Checking DNS…" : "Check DNS"}
      </Button>
      {disabledReason && (
        <p id="check-dns-why" className="text-sm text-slate-600">
          {disabledReason}
        </p>
      )}
      <p role="status" aria-live="polite" className="text-sm text-slate-700" data-testid="check-dns-summary">
        {summary}
      </p>
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}
