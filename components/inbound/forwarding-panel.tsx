import { Card } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";

/**
 * S4's forwarding section: whether mail reaches the alias (R21). The inbound-mail work extends it with
 * verification (R22), provider confirmations (R23) and the latest messages.
 */
export async function ForwardingPanel(props: {
  orgId: string;
  mailbox: { id: string; address: string; alias: string; active: boolean; lastReceivedAt: Date | null; lastReceivedFrom: string | null };
}) {
  const { lastReceivedAt, lastReceivedFrom } = props.mailbox;
  return (
    <Card id="forwarding" title="Forwarding" description={`Mail forwarded from ${props.mailbox.address} to the alias arrives here.`}>
      {lastReceivedAt ? (
        <p className="text-sm text-slate-700">
          Last received <TimeAgo date={lastReceivedAt} />
          {lastReceivedFrom && <>, from <span className="font-medium">{lastReceivedFrom}</span></>}.
        </p>
      ) : (
        <p className="text-sm text-slate-700">Never received. Set up the forwarding rule, then send a test email to {props.mailbox.address}.</p>
      )}
    </Card>
  );
}
