import { Webhook } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** Settings → "Webhooks" card (H3): how many endpoints (given by the page), and the way to their page. */
export function WebhooksCard({ endpoints }: { endpoints: { active: boolean }[] }) {
  const paused = endpoints.filter((e) => !e.active).length;
  return (
    <Card
      id="webhooks"
      title="Webhooks"
      description="Push forwarding, health, sending and queue changes to your own systems as signed events."
      actions={
        <Button asChild variant="secondary" size="sm">
          <Link href="/maker/settings/webhooks">
            <Webhook className="size-4" aria-hidden />
            Manage webhooks
          </Link>
        </Button>
      }
    >
      <p className="text-sm text-slate-700" data-testid="webhooks-summary">
        {endpoints.length === 0
          ? "No endpoint yet."
          : `${endpoints.length} endpoint${endpoints.length === 1 ? "" : "s"}${paused ? `, ${paused} paused` : ""}.`}
      </p>
    </Card>
  );
}
