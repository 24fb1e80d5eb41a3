import type { Metadata } from "next";
import Link from "next/link";
import { Fragment } from "react";
import { AccessProblem } from "@/components/auth/access-problem";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/table";
import { OrgTime } from "@/components/ui/time-ago";
import { CreateWebhookDialog } from "@/components/webhooks/create-webhook-dialog";
import { WebhookDeliveryLog } from "@/components/webhooks/webhook-delivery-log";
import { WebhookEndpointActions } from "@/components/webhooks/webhook-endpoint-actions";
import { EVENT_LABEL } from "@/components/webhooks/webhook-words";
import { requirePageAccess } from "@/lib/auth/page-access";
import { findWebhookDeliveries } from "@/lib/webhooks/find-webhook-deliveries";
import { findWebhookEndpoints } from "@/lib/webhooks/find-webhook-endpoints";

export const metadata: Metadata = { title: "Webhooks" };

/** Settings → Webhooks (H3, R48–R51): endpoints, their events, state and delivery log. Admins only (R18). */
export default async function WebhooksPage() {
  const access = await requirePageAccess("/maker/settings/webhooks", { licence: false });
  if (access.kind !== "ok") return <AccessProblem access={access} />;
  const { org } = access.member;
  const now = new Date();
  const endpoints = await findWebhookEndpoints(org.id, now);
  const logs = await Promise.all(endpoints.map((e) => findWebhookDeliveries(org.id, e.id)));
  return (
    <>
      <PageHeader
        breadcrumb={
          <Link href="/maker/settings#webhooks" className="text-sm text-brand-700 hover:underline">
            ← Settings
          </Link>
        }
        title="Webhooks"
        description="Your systems hear about forwarding, health and sending changes as they happen: signed JSON, retried for about a day."
        actions={<CreateWebhookDialog />}
      />
      {endpoints.length === 0 ? (
        <Card>
          <EmptyState title="No endpoint yet">
            Add the URL of your monitoring, chat or ticket system to receive events.
          </EmptyState>
        </Card>
      ) : (
        <div className="space-y-6">
          {endpoints.map((e, i) => (
            <Card
              key={e.id}
              title={
                <span className="font-mono text-sm" data-testid="webhook-url">
                  {breakableUrl(e.url)}
                </span>
              }
              description={
                <span className="flex flex-wrap items-center gap-2">
                  {e.active ? (
                    <Badge tone="green">Active</Badge>
                  ) : (
                    <Badge tone={e.pausedReason === "failing" ? "red" : "neutral"}>
                      {e.pausedReason === "failing" ? "Paused: failing for 5 days" : "Paused"}
                    </Badge>
                  )}
                  <span>
                    Added <OrgTime date={e.createdAt} />
                  </span>
                </span>
              }
              actions={<WebhookEndpointActions id={e.id} url={e.url} active={e.active} />}
            >
              {e.pausedReason === "failing" && (
                <Alert tone="error">
                  Every delivery failed for 5 days, so sending was paused and the admins were emailed. Fix the receiver,
                  then resume.
                </Alert>
              )}
              {e.previousSecretExpiresAt && (
                <p className="text-sm text-slate-600">
                  The previous secret also signs until <OrgTime date={e.previousSecretExpiresAt} />.
                </p>
              )}
              <p className="mt-2 text-sm text-slate-700">
                <span className="font-medium">Events:</span>{" "}
                {e.events.map((t) => EVENT_LABEL[t as keyof typeof EVENT_LABEL] ?? t).join(", ")}
              </p>
              <h3 className="mt-4 mb-2 text-sm font-semibold text-slate-800">Last deliveries</h3>
              <WebhookDeliveryLog endpointId={e.id} deliveries={logs[i]} now={now} />
            </Card>
          ))}
        </div>
      )}
    </>
  );
}

/** A long URL wraps after its slashes and dots rather than in the middle of a word. */
function breakableUrl(url: string) {
  return url.split(/(?<=[/.?&])/).map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}
