"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { createDemoForwardingRuleAction } from "@/lib/actions/demo-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

const PROVIDERS = [
  { value: "gmail", label: "Gmail", says: "asks to confirm the forwarding first (its code reaches this mailbox)" },
  {
    value: "microsoft365",
    label: "Microsoft 365",
    says: "blocks forwarding to outside addresses until its policy allows it",
  },
  { value: "generic", label: "Another host", says: "forwards at once" },
] as const;

/** In the demo only: plays the admin's step at their provider, a forwarding rule from the address to the alias. */
export function DemoCreateRule({ mailboxId, address }: { mailboxId: string; address: string }) {
  const router = useRouter();
  const [provider, setProvider] = useState<(typeof PROVIDERS)[number]["value"]>("generic");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function create() {
    setError(null);
    setPending(true);
    const result = await createDemoForwardingRuleAction({ mailboxId, provider });
    setPending(false);
    if (!result?.data) return setError(result?.serverError?.message ?? "The rule could not be created.");
    const label = PROVIDERS.find((p) => p.value === provider)!.label;
    setDone(
      `Rule created at the demo provider (${label}): ${address} forwards to the alias. Now press “Verify forwarding”.`,
    );
    toast.success(`Forwarding rule created (${label}).`);
    router.refresh();
  }

  return (
    <div className="rounded-lg bg-brand-50 p-3 ring-1 ring-brand-100">
      <p className="font-semibold text-slate-900">Demo: do this step in the demo provider</p>
      <p className="mt-1">In the demo, {address} is at a simulated provider. Choose which provider it behaves like:</p>
      <fieldset className="mt-2 min-w-0">
        <legend className="sr-only">Provider of {address}</legend>
        {PROVIDERS.map((p) => (
          <label key={p.value} className="flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name="demo-provider"
              className="size-4"
              checked={provider === p.value}
              onChange={() => setProvider(p.value)}
            />
            <span>
              <span className="font-medium">{p.label}</span> <span className="text-slate-600">— {p.says}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <Button type="button" className="mt-2" onClick={create} disabled={pending}>
        {pending ? "Creating…" : "Create this rule in the demo provider"}
      </Button>
      {done && (
        <Alert tone="success" className="mt-3">
          {done}
        </Alert>
      )}
      {error && (
        <Alert tone="error" className="mt-3">
          {error}
        </Alert>
      )}
    </div>
  );
}
