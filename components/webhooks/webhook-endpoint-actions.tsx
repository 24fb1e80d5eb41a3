"use client";
import { KeyRound, Pause, Play, Send, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import {
  deleteWebhookAction,
  resendWebhookAction,
  rollWebhookSecretAction,
  sendTestWebhookAction,
  setWebhookActiveAction,
} from "@/lib/actions/webhooks";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { isSuccess } from "@/lib/forms/apply-action-result";
import { callAction } from "@/lib/forms/call-action";
import { SecretShownOnce } from "./secret-shown-once";

type Result = Awaited<ReturnType<typeof callAction>>;
const refusal = (r: Result, fallback: string) =>
  (r as { serverError?: { message?: string } } | undefined)?.serverError?.message ?? fallback;

/** Send test event, Pause / Resume, Roll secret and Delete of one endpoint (R48, R51). */
export function WebhookEndpointActions({ id, url, active }: { id: string; url: string; active: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [secret, setSecret] = useState<string | null>(null);
  const run = (work: () => Promise<Result>, done: string, failed: string) =>
    start(async () => {
      const r = await callAction(work);
      if (isSuccess(r)) {
        toast.success(done);
        router.refresh();
      } else toast.error(refusal(r, failed));
    });

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        size="sm"
        disabled={pending}
        onClick={() =>
          run(
            () => sendTestWebhookAction({ id }),
            "Test event queued: it appears in the log below.",
            "The test event could not be queued.",
          )
        }
      >
        <Send className="size-4" aria-hidden />
        Send test event
      </Button>
      <Button
        variant="secondary"
        size="sm"
        disabled={pending}
        onClick={() =>
          run(
            () => setWebhookActiveAction({ id, active: !active }),
            active ? "Endpoint paused." : "Endpoint resumed.",
            "The endpoint could not be changed.",
          )
        }
      >
        {active ? <Pause className="size-4" aria-hidden /> : <Play className="size-4" aria-hidden />}
        {active ? "Pause" : "Resume"}
      </Button>
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm">
            <KeyRound className="size-4" aria-hidden />
            Roll secret
          </Button>
        }
        title="Roll the signing secret?"
        description="A new secret signs every event from now on. The current one keeps signing alongside it for 24 hours, so your receiver can switch without losing an event."
        confirmLabel="Roll secret"
        onConfirm={async () => {
          const r = await callAction(() => rollWebhookSecretAction({ id }));
          const data = (r as { data?: { secret: string } } | undefined)?.data;
          if (!isSuccess(r) || !data) return refusal(r, "The secret could not be rolled.");
          setSecret(data.secret);
          router.refresh();
          return null;
        }}
      />
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" aria-label={`Delete ${url}`}>
            <Trash2 className="size-4" aria-hidden />
            Delete
          </Button>
        }
        title="Delete this endpoint?"
        description={`No more events are sent to ${url}, and its delivery log is deleted. This cannot be undone.`}
        confirmLabel="Delete endpoint"
        onConfirm={async () => {
          const r = await callAction(() => deleteWebhookAction({ id }));
          if (!isSuccess(r)) return refusal(r, "The endpoint could not be deleted.");
          toast.success("Endpoint deleted.");
          router.refresh();
          return null;
        }}
      />
      <Dialog
        open={secret !== null}
        onOpenChange={(o) => !o && setSecret(null)}
        title="New signing secret"
        description="Copy it now: it is shown only once. The previous secret keeps signing for 24 hours."
        footer={
          <DialogClose asChild>
            <Button>Done</Button>
          </DialogClose>
        }
      >
        {secret && <SecretShownOnce secret={secret} />}
      </Dialog>
    </div>
  );
}

/** Resend of a failed delivery (R51): same event, same webhook-id. */
export function ResendDeliveryButton({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={pending}
      onClick={() =>
        start(async () => {
          const r = await callAction(() => resendWebhookAction({ endpointId, deliveryId }));
          if (isSuccess(r)) {
            toast.success("Queued to be sent again.");
            router.refresh();
          } else toast.error(refusal(r, "The delivery could not be queued again."));
        })
      }
    >
      Resend
    </Button>
  );
}
