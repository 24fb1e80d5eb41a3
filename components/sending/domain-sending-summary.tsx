"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatOrgTime, useOrgTimeZone } from "@/components/ui/time-ago";
import type { DomainSendingSummary } from "@/lib/sending/types";
import { DomainStateBadge } from "./sending-badges";

/**
 * A domain in Settings' list (issue 19 items 2 and 4): its name links to its set-up page, with its sending state
 * and the times of its last check and last success in the organisation's timezone.
 */
export function DomainSendingSummaryLine(props: {
  id: string;
  domain: string;
  sending?: DomainSendingSummary;
  extra?: ReactNode;
}) {
  const { id, domain, sending } = props;
  const zone = useOrgTimeZone();
  const name = sending?.domainUnicode ?? domain;
  return (
    <span className="flex min-w-0 flex-col gap-1">
      <span className="flex min-w-0 flex-wrap items-center gap-2">
        <Link
          href={`/maker/settings/domains/${id}`}
          className="min-w-0 font-medium break-words text-brand-700 hover:underline"
        >
          {name}
        </Link>
        {sending && <DomainStateBadge state={sending.state} />}
        {props.extra}
      </span>
      {sending && name !== sending.domain && (
        <span className="font-mono text-xs break-words text-slate-500">{sending.domain}</span>
      )}
      {sending && (
        <span className="text-xs text-slate-500">
          {sending.lastCheckedAt ? `Checked ${formatOrgTime(sending.lastCheckedAt, zone)}` : "Not checked yet"}
          {sending.lastSuccessAt && sending.lastSuccessAt.getTime() !== sending.lastCheckedAt?.getTime()
            ? ` · last success ${formatOrgTime(sending.lastSuccessAt, zone)}`
            : ""}
        </span>
      )}
    </span>
  );
}
