"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { confirmDemoForwardingAction } from "@/lib/actions/forwarding";
import { Button } from "@/components/ui/button";

/** The demo's stand-in for Gmail's confirmation link: the simulated provider starts forwarding. */
export function DemoConfirmButton({ mailboxId }: { mailboxId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, start] = useTransition();
  return (
    <span className="flex flex-col gap-1">
      <Button
        onClick={() =>
          start(async () => {
            setError(null);
            const r = await confirmDemoForwardingAction({ mailboxId });
            if (r?.data?.ok) return router.refresh();
            setError(r?.serverError?.message ?? "The confirmation could not be sent.");
          })
        }
        disabled={busy}
      >
        Confirm forwarding (demo)
      </Button>
      {error && (
        <span className="text-sm text-red-800" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
