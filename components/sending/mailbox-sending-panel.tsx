import { CircleAlert, CircleCheck } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DEMO_ORG_SLUG } from "@/lib/demo/demo-domains";
import { outboundSmtpUrl } from "@/lib/mail/outbound-mail";
import { PLATFORM_MAIL_UNAVAILABLE } from "@/lib/platform-mail/send-platform-mail";
import type { MailboxSending } from "@/lib/sending/types";
import { DomainStateBadge } from "./sending-badges";
import { SendTestEmailDialog } from "./send-test-email-dialog";

export const domainOf = (address: string) => address.split("@").pop() ?? address;

/** The service's reason without its own "Cannot send:" and final stop, to be placed in a sentence. */
export function reasonClause(sending: MailboxSending): string {
  const reason = sending.reason ?? `${domainOf(sending.address)} is not set up for sending.`;
  return reason.replace(/^cannot send:\s*/i, "").replace(/\.$/, "");
}

/** Why a test email cannot be sent from here at all (no outgoing mail server and not the demo), or null. */
export function testEmailUnavailable(orgSlug: string): string | null {
  return outboundSmtpUrl() || orgSlug === DEMO_ORG_SLUG ? null : PLATFORM_MAIL_UNAVAILABLE;
}

/** "Sends as Billing <billing@mycompany.com> — ready", or "Cannot send: …" with the way to fix it. */
export function SendingStatusLine({ sending }: { sending: MailboxSending }) {
  const domain = domainOf(sending.address);
  if (sending.canSend) {
    return (
      <p className="flex items-start gap-2 text-sm text-slate-800" data-testid="sending-status">
        <CircleCheck className="mt-0.5 size-4 shrink-0 text-emerald-600" aria-hidden />
        <span className="min-w-0 break-words">
          Sends as <span className="font-medium">{sending.from}</span> —{" "}
          {sending.state === "at_risk" ? "at risk" : "ready"}
          {sending.state === "at_risk" && (
            <>
              {": the DKIM record of "}
              <Link
                href={`/maker/settings/domains/${sending.domainId}`}
                className="font-medium text-brand-700 underline"
              >
                {domain}
              </Link>
              {" was not found at the last check."}
            </>
          )}
        </span>
      </p>
    );
  }
  return (
    <div className="space-y-1" data-testid="sending-status">
      <p className="flex items-start gap-2 text-sm font-medium text-red-800">
        <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
        <span className="min-w-0 break-words">Cannot send: {reasonClause(sending)}.</span>
      </p>
      <p className="pl-6 text-sm">
        <Link href={`/maker/settings/domains/${sending.domainId}`} className="font-medium text-brand-700 underline">
          Set up sending from {domain}
        </Link>
      </p>
    </div>
  );
}

/** The test email button, or why it cannot be used, with the way to fix it. */
export function TestEmailControl(props: {
  sending: MailboxSending;
  orgSlug: string;
  timeZone: string;
  triggerLabel?: string;
}) {
  const { sending } = props;
  const unavailable = testEmailUnavailable(props.orgSlug);
  if (unavailable)
    return (
      <p className="text-sm text-slate-600" data-testid="test-email-unavailable">
        {unavailable}
      </p>
    );
  if (!sending.canSend) {
    const why = `test-email-why-${sending.mailboxId}`;
    return (
      <div className="flex flex-col items-start gap-1.5">
        <Button variant="secondary" disabled aria-describedby={why}>
          {props.triggerLabel ?? "Send a test email"}
        </Button>
        <p id={why} className="text-sm text-slate-600">
          A test email would fail DKIM at the receiver until the record of {domainOf(sending.address)} is verified.{" "}
          <Link href={`/maker/settings/domains/${sending.domainId}`} className="font-medium text-brand-700 underline">
            Open its set-up
          </Link>
        </p>
      </div>
    );
  }
  return (
    <SendTestEmailDialog
      mailboxId={sending.mailboxId}
      from={sending.from}
      timeZone={props.timeZone}
      triggerLabel={props.triggerLabel}
    />
  );
}

/** S4's "Sending" panel (issue 19 item 8): how mail sent as this mailbox is authenticated, and a test email. */
export function MailboxSendingPanel(props: { sending: MailboxSending | undefined; orgSlug: string; timeZone: string }) {
  const { sending } = props;
  return (
    <Card
      id="sending"
      title="Sending"
      description="Email from queues whose default mailbox is this one goes out as it, signed with its domain's DKIM key."
      actions={sending && <DomainStateBadge state={sending.state} />}
    >
      {sending ? (
        <div className="space-y-4">
          <SendingStatusLine sending={sending} />
          <TestEmailControl sending={sending} orgSlug={props.orgSlug} timeZone={props.timeZone} />
        </div>
      ) : (
        <p className="text-sm text-slate-600">The sending state of this mailbox could not be read. Reload the page.</p>
      )}
    </Card>
  );
}
