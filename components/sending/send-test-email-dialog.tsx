"use client";
import { MailPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { sendTestEmailAction } from "@/lib/actions/sending";
import { Button } from "@/components/ui/button";
import { RecipientDialog } from "./recipient-dialog";

/**
 * "Send a test email" (issue 19 item 7): a signed message as the mailbox to an address the admin types, reported
 * as "Sent to … at 14:03, signed as mycompany.com" in the organisation's timezone.
 */
export function SendTestEmailDialog(props: {
  mailboxId: string;
  from: string;
  timeZone: string;
  triggerLabel?: string;
}) {
  const router = useRouter();
  const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: props.timeZone });
  return (
    <RecipientDialog
      id={`test-email-${props.mailboxId}`}
      trigger={
        <Button variant="secondary">
          <MailPlus className="size-4" aria-hidden />
          {props.triggerLabel ?? "Send a test email"}
        </Button>
      }
      title="Send a test email"
      description={
        <>
          A short message from <span className="font-medium break-all text-slate-800">{props.from}</span>, signed with
          the domain&apos;s DKIM key. If it arrives and the receiver shows it as authenticated (dkim=pass), mail sent as
          this mailbox will be too.
        </>
      }
      submitLabel="Send test email"
      pendingLabel="Sending…"
      send={async (to) => {
        const r = await sendTestEmailAction({ mailboxId: props.mailboxId, to });
        if (r?.data) router.refresh();
        return r;
      }}
      describe={(r) =>
        r.data ? `Sent to ${r.data.to} at ${time.format(new Date(r.data.sentAt))}, signed as ${r.data.signedAs}.` : null
      }
    />
  );
}
