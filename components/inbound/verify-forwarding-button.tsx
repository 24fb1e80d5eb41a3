"use client";
import { MailCheck } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { toast } from "sonner";
import { verifyForwardingAction } from "@/lib/actions/forwarding";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * R22's "Verify forwarding" button. While a verification is pending it refreshes the page every few seconds,
 * so the status the server derives (verified when the test message is back, failed when it expires) shows up
 * without a reload. `unavailable` explains why the button cannot work (no OUTBOUND_SMTP_URL, inactive mailbox).
 */
export function VerifyForwardingButton(props: {
  mailboxId: string;
  pendingUntil?: string | null;
  unavailable?: string | null;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [sending, startSending] = useTransition();
  const { pendingUntil } = props;

  useEffect(() => {
    if (!pendingUntil) return;
    const until = new Date(pendingUntil).getTime() + 3000;
    const timer = setInterval(() => {
      router.refresh();
      if (Date.now() > until) clearInterval(timer);
    }, 3000);
    return () => clearInterval(timer);
  }, [pendingUntil, router]);

  const verify = () =>
    startSending(async () => {
      setError(null);
      const result = await verifyForwardingAction({ mailboxId: props.mailboxId });
      if (result?.data?.ok) {
        toast.success(`Test message sent to ${result.data.address}.`);
        router.refresh();
        return;
      }
      setError(
        result?.serverError?.message ??
          result?.validationErrors?.fieldErrors?.mailboxId?.[0] ??
          "The test message could not be sent.",
      );
    });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          onClick={verify}
          disabled={sending || Boolean(props.unavailable)}
          aria-describedby={props.unavailable ? "verify-unavailable" : undefined}
        >
          <MailCheck className="size-4" aria-hidden />
          {sending ? "Sending test message…" : "Verify forwarding"}
        </Button>
      </div>
      {props.unavailable && (
        <p id="verify-unavailable" className="text-sm text-slate-600">
          {props.unavailable}
        </p>
      )}
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}
