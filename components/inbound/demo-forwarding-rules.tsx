"use client";
import { ShieldCheck, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { allowDemoExternalForwardingAction, removeDemoForwardingRuleAction } from "@/lib/actions/demo-provider";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/table";

type Rule = {
  id: string;
  address: string;
  provider: "gmail" | "microsoft365" | "generic";
  forwardTo: string;
  externalForwardingAllowed: boolean;
  confirmedAt: Date | string | null;
};

const PROVIDER = { gmail: "Gmail", microsoft365: "Microsoft 365", generic: "Another host" } as const;

function state(r: Rule): { label: string; tone: "green" | "amber" | "red"; says: string } {
  if (r.provider === "gmail") {
    return r.confirmedAt
      ? { label: "Forwards", tone: "green", says: "Forwarding confirmed: Gmail forwards every message." }
      : {
          label: "Waiting for confirmation",
          tone: "amber",
          says: "Gmail forwards nothing until its confirmation is confirmed on the mailbox's page.",
        };
  }
  if (r.provider === "microsoft365" && !r.externalForwardingAllowed) {
    return {
      label: "Blocked by policy",
      tone: "red",
      says: "Microsoft 365's default outbound policy bounces forwarded mail (550 5.7.520).",
    };
  }
  return { label: "Forwards", tone: "green", says: "Forwards every message to the alias." };
}

/** The demo provider page's rules section: each rule, its provider's behaviour, and the admin's steps there. */
export function DemoForwardingRules({ rules }: { rules: Rule[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <Card
      id="demo-rules"
      title="Forwarding rules at the demo provider"
      description="Made from a mailbox's “Configure your mailbox” instructions. Remove one to see the mailbox's health alert."
    >
      {error && (
        <Alert tone="error" className="mb-3">
          {error}
        </Alert>
      )}
      {rules.length === 0 ? (
        <EmptyState title="No forwarding rule">
          Open a demo mailbox, then “Configure your mailbox” → “Create this rule in the demo provider”.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" aria-label="Forwarding rules at the demo provider">
          {rules.map((r) => {
            const s = state(r);
            return (
              <li key={r.id} className="flex flex-wrap items-start justify-between gap-3 py-2.5">
                <div className="min-w-0 flex-1">
                  <p className="font-medium break-all text-slate-900">
                    {r.address} → <span className="font-mono text-[13px]">{r.forwardTo}</span>
                  </p>
                  <p className="mt-0.5 flex flex-wrap items-center gap-2 text-slate-600">
                    <Badge>{PROVIDER[r.provider]}</Badge>
                    <Badge tone={s.tone}>{s.label}</Badge>
                    <span>{s.says}</span>
                  </p>
                </div>
                <div className="flex flex-wrap gap-1.5">
                  {r.provider === "microsoft365" && !r.externalForwardingAllowed && (
                    <Button
                      variant="secondary"
                      size="sm"
                      onClick={async () => {
                        setError(null);
                        const result = await allowDemoExternalForwardingAction({ id: r.id });
                        if (!result?.data)
                          return setError(result?.serverError?.message ?? "The policy could not be changed.");
                        toast.success(`External forwarding allowed for ${r.address}.`);
                        router.refresh();
                      }}
                    >
                      <ShieldCheck className="size-4" aria-hidden />
                      Allow external forwarding
                    </Button>
                  )}
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm" aria-label={`Remove the rule of ${r.address}`}>
                        <Trash2 className="size-4" aria-hidden />
                        Remove
                      </Button>
                    }
                    title={`Remove the forwarding rule of ${r.address}?`}
                    description="Mail to this address then stays at the demo provider. The mailbox's next check fails and its admins are alerted, as with a real provider."
                    confirmLabel="Remove rule"
                    onConfirm={async () => {
                      const result = await removeDemoForwardingRuleAction({ id: r.id });
                      if (!result?.data) return result?.serverError?.message ?? "The rule could not be removed.";
                      toast.success(`Rule of ${r.address} removed.`);
                      router.refresh();
                      return null;
                    }}
                  />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
