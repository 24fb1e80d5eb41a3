"use client";
import { Send } from "lucide-react";
import { sendRecordsAction } from "@/lib/actions/domains";
import { Button } from "@/components/ui/button";
import { formatOrgTime, useOrgTimeZone } from "@/components/ui/time-ago";
import { RecipientDialog } from "./recipient-dialog";

/** "Send these records to your DNS admin" (issue 19 item 5): the records and the zone file, mailed to one address. */
export function SendRecordsDialog({ domainId, domain }: { domainId: string; domain: string }) {
  const zone = useOrgTimeZone();
  return (
    <RecipientDialog
      id="send-records"
      trigger={
        <Button variant="secondary">
          <Send className="size-4" aria-hidden />
          Send to your DNS admin
        </Button>
      }
      title="Send these records to your DNS admin"
      description={`We email the records of ${domain} and its zone file to the person who manages its DNS. They need no account here.`}
      submitLabel="Send records"
      pendingLabel="Sending…"
      send={(to) => sendRecordsAction({ domainId, to })}
      describe={(r) => (r.data ? `Sent to ${r.data.to} at ${formatOrgTime(new Date(r.data.sentAt), zone)}.` : null)}
    />
  );
}
