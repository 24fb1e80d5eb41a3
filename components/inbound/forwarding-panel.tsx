import { ArrowRight, ExternalLink } from "lucide-react";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { MailboxStateBadge } from "@/components/mailbox-state/mailbox-state-badge";
import { OrgTime, TimeAgo } from "@/components/ui/time-ago";
import { bounceExplanation } from "@/lib/bounces/explain-bounce";
import type { ForwardingPanelData } from "@/lib/forwarding/load-forwarding-panel";
import { TEST_MESSAGES_NOT_ENABLED } from "@/lib/forwarding/request-forwarding-verification";
import { formatDuration, formatOrgTime } from "@/lib/format-time";
import type { MailboxHealth } from "@/lib/mailbox-state/derive-mailbox-state";
import { MAILBOX_STATE } from "@/lib/mailbox-state/state-map";
import { DemoConfirmButton } from "./demo-confirm-button";
import { InboundMessagesTable } from "./inbound-messages-table";
import { VerifyForwardingButton } from "./verify-forwarding-button";

type PanelMailbox = {
  id: string;
  address: string;
  alias: string;
  active: boolean;
  lastReceivedAt: Date | null;
  lastReceivedFrom: string | null;
  lastCustomerMailAt: Date | null;
  lastCustomerMailFrom: string | null;
};

/**
 * S4's forwarding section: the rule it proves (R25), the mailbox's ONE state (lib/mailbox-state) with ONE next step
 * (verify, wait, confirm Gmail's request, verify again, fix the rule a bounce names), the evidence of real customer
 * mail (R26), and the latest inbound messages. Gets its data from the page (lib/forwarding/load-forwarding-panel.ts).
 */
export function ForwardingPanel(props: {
  mailbox: PanelMailbox;
  data: ForwardingPanelData;
  health: MailboxHealth;
  timeoutMs: number;
  timeZone: string;
}) {
  const { mailbox, data, health, timeoutMs } = props;
  const { now, latest } = data;
  const code = health.code;
  const timeout = formatDuration(timeoutMs);
  // A test message on its way (also while Gmail's confirmation waits): the button waits with it.
  const pending = latest && !latest.verifiedAt && !latest.failedAt && latest.expiresAt > now;
  const cause = MAILBOX_STATE[code].cause(health.cause, (d) => formatOrgTime(d, props.timeZone));
  const unavailable = !mailbox.active
    ? "The mailbox is inactive: mail to its alias is refused. Activate it to verify forwarding."
    : data.mailRoute
      ? null
      : TEST_MESSAGES_NOT_ENABLED;
  const explanation =
    code === "verification_failed" && latest?.failureReason === "bounce" ? bounceExplanation(latest.bounceKind) : null;

  return (
    <Card
      id="forwarding"
      title="Forwarding"
      description={`Mail forwarded from ${mailbox.address} to the alias arrives here.`}
      actions={
        <span data-testid="forwarding-status">
          <MailboxStateBadge health={health} size="md" detail={cause ?? undefined} />
        </span>
      }
    >
      <div className="space-y-5">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
          <span className="font-medium text-slate-900">Forwarding rule:</span>
          <span className="break-all">{mailbox.address}</span>
          <ArrowRight className="size-4 text-slate-400" aria-label="forwards to" />
          <code
            className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[13px] break-all text-slate-900"
            data-testid="forwarding-alias"
          >
            {mailbox.alias}
          </code>
        </p>

        {data.mailRoute === "demo" && (
          <p
            className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200 ring-inset"
            data-testid="demo-provider-note"
          >
            <span className="font-medium text-slate-900">Demo provider:</span> test messages to mycompany.com and
            example.org go to a mail provider simulated inside this app (no outgoing mail server is configured).{" "}
            {data.demoAccount ? (
              <>
                Here {data.demoAccount.address} {data.demoAccount.says}.{" "}
              </>
            ) : (
              <>{mailbox.address} has no forwarding rule there. </>
            )}
            <Link href="/maker/demo-provider" className="font-medium text-brand-700 underline">
              Open the demo provider&apos;s outbox
            </Link>
          </p>
        )}

        {health.cause?.kind === "address_changed" && (code === "address_changed" || code === "receiving_mail") && (
          <Alert tone="warning" title={`Not verified for ${mailbox.address}`}>
            The address changed since forwarding was last verified: that verification proved another address&apos;s
            rule. Change the forwarding rule at your email provider so that {mailbox.address} forwards to the alias,
            then verify again.
          </Alert>
        )}

        {code === "confirmation_waiting" && data.confirmation && (
          <Alert tone="info" title="Confirm Gmail's forwarding request">
            <p>
              Gmail sent its forwarding confirmation to the alias{" "}
              <TimeAgo date={data.confirmation.receivedAt} now={now} />
              {data.confirmation.requestedBy && <> for {data.confirmation.requestedBy}</>}
              {data.confirmation.simulated ? " (simulated by the demo provider)" : ""}. Gmail forwards nothing until it
              is confirmed:
              {data.confirmation.simulated ? " confirm it below" : " open the link (signed in as that Gmail user)"},
              then verify forwarding again.
            </p>
            <div className="mt-3 flex flex-wrap items-center gap-4">
              {data.confirmation.code && (
                <p>
                  <span className="block text-xs font-medium tracking-wide uppercase">Confirmation code</span>
                  <span
                    className="font-mono text-2xl font-semibold tracking-widest"
                    data-testid="gmail-confirmation-code"
                  >
                    {data.confirmation.code}
                  </span>
                </p>
              )}
              {data.confirmation.url && (
                <a
                  href={data.confirmation.url}
                  target="_blank"
                  rel="noopener noreferrer nofollow"
                  className="inline-flex items-center gap-1.5 rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800"
                >
                  Open Gmail&apos;s confirmation link
                  <ExternalLink className="size-4" aria-hidden />
                </a>
              )}
              {data.confirmation.simulated && <DemoConfirmButton mailboxId={mailbox.id} />}
            </div>
            {data.confirmation.url && <p className="mt-2 text-xs break-all opacity-80">{data.confirmation.url}</p>}
          </Alert>
        )}

        {data.unauthenticated && (
          <Alert tone="warning" title="A provider message could not be authenticated">
            A message that looks like a provider&apos;s forwarding confirmation arrived{" "}
            <TimeAgo date={data.unauthenticated.receivedAt} now={now} />, but its signature could not be checked (the
            DNS lookup failed), so it is not shown. Ask the provider to send it again, or open the provider&apos;s
            forwarding settings directly.
          </Alert>
        )}

        <div className="space-y-1 text-sm text-slate-700" data-testid="last-received">
          {mailbox.lastCustomerMailAt ? (
            <p data-testid="receiving-mail">
              <span className="font-medium text-slate-900">Receiving mail:</span> last customer message{" "}
              <TimeAgo date={mailbox.lastCustomerMailAt} now={now} />
              {mailbox.lastCustomerMailFrom && (
                <>
                  , from <span className="font-medium break-all">{mailbox.lastCustomerMailFrom}</span>
                </>
              )}
              .
            </p>
          ) : (
            <p>
              No customer mail received yet. Set up the forwarding rule, then verify it or send an email to{" "}
              {mailbox.address}.
            </p>
          )}
          {mailbox.lastReceivedAt &&
            (!mailbox.lastCustomerMailAt || mailbox.lastReceivedAt > mailbox.lastCustomerMailAt) && (
              <p className="text-slate-600">
                Last message of any kind <TimeAgo date={mailbox.lastReceivedAt} now={now} />
                {mailbox.lastReceivedFrom && (
                  <>
                    , from <span className="break-all">{mailbox.lastReceivedFrom}</span>
                  </>
                )}{" "}
                (the platform&apos;s own or a provider&apos;s message, not customer mail).
              </p>
            )}
        </div>

        {(code === "not_verified" || (code === "receiving_mail" && health.cause?.kind === "never_verified")) && (
          <p className="text-sm text-slate-600">
            Not verified yet. “Verify forwarding” sends a test message to {mailbox.address} and waits up to {timeout}{" "}
            for it to come back through the alias.
          </p>
        )}
        {code === "verifying" && latest && (
          <Alert tone="info" title="Waiting for the test message">
            Sent to {mailbox.address} <TimeAgo date={latest.requestedAt} now={now} />. It should come back through the
            alias within a few minutes; the status updates by itself (it waits until <OrgTime date={latest.expiresAt} />
            ).
          </Alert>
        )}
        {code === "healthy" && latest?.verifiedAt && (
          <Alert tone="success" title="Forwarding works">
            The test message sent to {mailbox.address} came back through the alias{" "}
            <TimeAgo date={latest.verifiedAt} now={now} />, after{" "}
            {formatDuration(
              Math.max(1000, Math.round((latest.verifiedAt.getTime() - latest.requestedAt.getTime()) / 1000) * 1000),
            )}
            .
          </Alert>
        )}
        {explanation && latest && (
          <Alert tone="error" title={explanation.title}>
            <p>
              The test message sent to {mailbox.address} came back undelivered{" "}
              <TimeAgo date={latest.failedAt ?? latest.requestedAt} now={now} />. The provider said:
            </p>
            <p className="my-2 rounded bg-white/70 px-2 py-1 font-mono text-xs break-words" data-testid="bounce-status">
              {latest.bounceStatus}
            </p>
            <p>{explanation.text}</p>
            {explanation.link && (
              <p className="mt-1">
                <a
                  href={explanation.link.href}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="inline-flex items-center gap-1 font-medium underline"
                >
                  {explanation.link.label}
                  <ExternalLink className="size-3.5" aria-hidden />
                </a>
              </p>
            )}
          </Alert>
        )}
        {code === "confirmed_verify_again" && (
          <Alert tone="warning" title="Verify forwarding again">
            The provider held the earlier test message until its forwarding was confirmed, and does not forward it
            afterwards. Verify forwarding again: the next test message should come back through the alias.
          </Alert>
        )}
        {(code === "silent" || code === "checking") && (
          <Alert tone={code === "silent" ? "error" : "info"} title={cause ?? "No mail for much longer than usual"}>
            {code === "silent"
              ? "Mail stopped arriving for much longer than this mailbox usually waits. Check the forwarding rule at your email provider, then verify forwarding."
              : "Mail stopped arriving for much longer than usual: the platform is verifying the forwarding rule again."}
          </Alert>
        )}
        {code === "verification_failed" && latest && !explanation && (
          <Alert
            tone="error"
            title={`The test message did not come back within ${formatDuration(latest.expiresAt.getTime() - latest.requestedAt.getTime())}`}
          >
            <p>It was sent to {mailbox.address} but never reached the alias. Check, in your email provider:</p>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              <li>
                that the forwarding rule exists for {mailbox.address} and forwards to{" "}
                <span className="font-mono break-all">{mailbox.alias}</span> exactly, not to another address or another
                mailbox&apos;s alias;
              </li>
              <li>
                Microsoft 365: automatic forwarding to external addresses is blocked by default (the bounce says{" "}
                <span className="font-mono">550 5.7.520 Access denied</span>). An administrator allows it in the
                outbound spam filter policy (Microsoft 365 Defender, “Automatic forwarding rules: On”);
              </li>
              <li>
                Gmail: forwarding starts only after its confirmation. When Gmail&apos;s confirmation appears here,
                confirm it, then verify again.
              </li>
            </ul>
          </Alert>
        )}

        <VerifyForwardingButton
          mailboxId={mailbox.id}
          pendingUntil={pending ? latest.expiresAt.toISOString() : null}
          unavailable={unavailable}
        />

        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-900">Latest inbound messages</h3>
          <InboundMessagesTable page={data.messages} now={now} mailboxId={mailbox.id} />
        </div>
      </div>
    </Card>
  );
}
