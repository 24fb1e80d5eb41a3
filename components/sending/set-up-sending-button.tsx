"use client";
import { KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setUpSendingAction } from "@/lib/actions/domains";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { callAction } from "@/lib/forms/call-action";

/** "Set up sending": makes the domain's DKIM key, so that its records can be shown and published (R34). */
export function SetUpSendingButton({ domainId }: { domainId: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const setUp = () =>
    start(async () => {
      setError(null);
      const result = await callAction(() => setUpSendingAction({ domainId }));
      if (result?.data) {
        router.refresh();
        return;
      }
      setError(result?.serverError?.message ?? "Sending could not be set up. Try again in a moment.");
    });
  return (
    <div className="flex flex-col items-start gap-2">
      <Button onClick={setUp} disabled={pending}>
        <KeyRound className="size-4" aria-hidden />
        {pending ? "Making the key…" : "Set up sending"}
      </Button>
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}
