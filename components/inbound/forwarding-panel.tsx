import { ArrowRight, ExternalLink } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { findLatestVerification } from "@/lib/forwarding/find-latest-verification";
import { outboundSmtpUrl } from "@/lib/forwarding/outbound-mail";
import { OUTBOUND_NOT_CONFIGURED } from "@/lib/forwarding/request-forwarding-verification";
import { FORWARDING_STATUS_LABEL, FORWARDING_STATUS_TONE, forwardingStatusOf } from "@/lib/forwarding/status";
import { formatDuration, verifyTimeoutMs } from "@/lib/forwarding/verify-timeout";
import { findInboundMessages } from "@/lib/inbound/find-inbound-messages";
import { findProviderConfirmation } from "@/lib/inbound/find-provider-confirmation";
import { InboundMessagesTable } from "./inbound-messages-table";
import { VerifyForwardingButton } from "./verify-forwarding-button";

type PanelMailbox = { id: string; address: string; alias: string; active: boolean; lastReceivedAt: Date | null; lastReceivedFrom: string | null };

/**
 * S4's forwarding section: whether mail reaches the alias (R21), the forwarding status and its verification
 * (R22), a provider's confirmation code and link (R23), and the 20 latest inbound messages. Loads what it
 * needs itself; the status is derived from the latest verification on every render.
 */
export async function ForwardingPanel(props: { orgId: string; mailbox: PanelMailbox }) {
  const { mailbox } = props;
  const [latest, messages, confirmation] = await Promise.all([
    findLatestVerification(props.orgId, mailbox.id),
    findInboundMessages(props.orgId, mailbox.id, 20),
    findProviderConfirmation(props.orgId, mailbox.id),
  ]);
  const now = new Date();
  const status = forwardingStatusOf(latest, now);
  const timeout = formatDuration(verifyTimeoutMs());
  const unavailable = !mailbox.active
    ? "The mailbox is inactive: mail to its alias is refused. Activate it to verify forwarding."
    : outboundSmtpUrl()
      ? null
      : OUTBOUND_NOT_CONFIGURED;

  return (
    <Card
      id="forwarding"
      title="Forwarding"
      description={`Mail forwarded from ${mailbox.address} to the alias arrives here.`}
      actions={
        <span data-testid="forwarding-status">
          <Badge tone={FORWARDING_STATUS_TONE[status]} className="text-sm">{FORWARDING_STATUS_LABEL[status]}</Badge>
        </span>
      }
    >
      <div className="space-y-5">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
          <span className="font-medium text-slate-900">Forwarding rule:</span>
          <span>{mailbox.address}</span>
          <ArrowRight className="size-4 text-slate-400" aria-label="forwards to" />
          <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[13px] text-slate-900" data-testid="forwarding-alias">{mailbox.alias}</code>
        </p>

        {confirmation && (
          <Alert tone="info" title="Gmail asks you to confirm the forwarding">
            <p>
              Gmail sent its forwarding confirmation to the alias <TimeAgo date={confirmation.receivedAt} now={now} />
              {confirmation.requestedBy && <> for {confirmation.requestedBy}</>}. Open the link, or enter the code in Gmail&apos;s
              forwarding settings, to finish the setup; then verify forwarding.
            </p>
            <div className="mt-3 flex flex-wrap items-center gap-4">
              <p>
                <span className="block text-xs font-medium tracking-wide uppercase">Confirmation code</span>
                <span className="font-mono text-2xl font-semibold tracking-widest" data-testid="gmail-confirmation-code">{confirmation.code}</span>
              </p>
              <a
                href={confirmation.url}
                target="_blank"
                rel="noopener noreferrer nofollow"
                className="inline-flex items-center gap-1.5 rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800"
              >
                Open Gmail&apos;s confirmation link
                <ExternalLink className="size-4" aria-hidden />
              </a>
            </div>
            <p className="mt-2 text-xs break-all opacity-80">{confirmation.url}</p>
          </Alert>
        )}

        <div className="text-sm text-slate-700" data-testid="last-received">
          {mailbox.lastReceivedAt ? (
            <p>
              Last received <TimeAgo date={mailbox.lastReceivedAt} now={now} />
              {mailbox.lastReceivedFrom && <>, from <span className="font-medium">{mailbox.lastReceivedFrom}</span></>}.
            </p>
          ) : (
            <p>Never received. Set up the forwarding rule, then verify it or send an email to {mailbox.address}.</p>
          )}
        </div>

        {status === "unknown" && (
          <p className="text-sm text-slate-600">
            Not verified yet. “Verify forwarding” sends a test message to {mailbox.address} and waits up to {timeout} for it to come back through
            the alias.
          </p>
        )}
        {status === "pending" && latest && (
          <Alert tone="info" title="Waiting for the test message">
            Sent to {mailbox.address} <TimeAgo date={latest.requestedAt} now={now} />. It should come back through the alias within a few
            minutes; the status updates by itself (until <time dateTime={latest.expiresAt.toISOString()}>{latest.expiresAt.toUTCString()}</time>).
          </Alert>
        )}
        {status === "verified" && latest?.verifiedAt && (
          <Alert tone="success" title="Forwarding works">
            The test message sent to {mailbox.address} came back through the alias <TimeAgo date={latest.verifiedAt} now={now} />, after{" "}
            {formatDuration(Math.max(1000, Math.round((latest.verifiedAt.getTime() - latest.requestedAt.getTime()) / 1000) * 1000))}.
          </Alert>
        )}
        {status === "failed" && latest && (
          <Alert tone="error" title={`The test message did not come back within ${formatDuration(latest.expiresAt.getTime() - latest.requestedAt.getTime())}`}>
            <p>It was sent to {mailbox.address} but never reached the alias. Check, in your email provider:</p>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              <li>
                that the forwarding rule exists for {mailbox.address} and forwards to <span className="font-mono">{mailbox.alias}</span> exactly, not to
                another address or another mailbox&apos;s alias;
              </li>
              <li>
                Microsoft 365: automatic forwarding to external addresses is blocked by default (the bounce says{" "}
                <span className="font-mono">550 5.7.520 Access denied</span>). An administrator allows it in the outbound spam filter policy
                (Microsoft 365 Defender, “Automatic forwarding rules: On”);
              </li>
              <li>Gmail: forwarding starts only after its confirmation. When Gmail&apos;s code and link appear here, open the link, then verify again.</li>
            </ul>
          </Alert>
        )}

        <VerifyForwardingButton mailboxId={mailbox.id} pendingUntil={status === "pending" ? latest?.expiresAt.toISOString() : null} unavailable={unavailable} />

        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-900">Latest inbound messages</h3>
          <InboundMessagesTable messages={messages} now={now} mailboxId={mailbox.id} />
        </div>
      </div>
    </Card>
  );
}
