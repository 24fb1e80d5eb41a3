"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createWebhookAction } from "@/lib/actions/webhooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { WEBHOOK_EVENT_TYPES } from "@/db/schema/webhooks";
import { applyActionResult, isSuccess } from "@/lib/forms/apply-action-result";
import { callAction } from "@/lib/forms/call-action";
import { createWebhookSchema, type CreateWebhookInput } from "@/lib/webhooks/schemas";
import { SecretShownOnce } from "./secret-shown-once";
import { EVENT_LABEL } from "./webhook-words";

const EMPTY: CreateWebhookInput = { url: "", events: [...WEBHOOK_EVENT_TYPES] };

/** Add endpoint (R48): URL and events; then its signing secret, shown once. */
export function CreateWebhookDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateWebhookInput>({ resolver: zodResolver(createWebhookSchema), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await callAction(() => createWebhookAction(values));
    const data = (result as { data?: { secret: string } } | undefined)?.data;
    if (isSuccess(result) && data) {
      setSecret(data.secret);
      router.refresh();
      return;
    }
    setFormError(applyActionResult(form, result, ["url", "events"]));
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          setSecret(null);
          setFormError(null);
          form.reset(EMPTY);
        }
      }}
      trigger={
        <Button size="sm">
          <Plus className="size-4" aria-hidden />
          Add endpoint
        </Button>
      }
      title={secret ? "Endpoint added" : "Add webhook endpoint"}
      description={
        secret
          ? "Copy the signing secret now: it is shown only once."
          : "Events are sent to this URL as signed JSON (Standard Webhooks)."
      }
      footer={
        secret ? (
          <DialogClose asChild>
            <Button>Done</Button>
          </DialogClose>
        ) : (
          <>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" form="create-webhook" disabled={isSubmitting}>
              {isSubmitting ? "Adding…" : "Add endpoint"}
            </Button>
          </>
        )
      }
    >
      {secret ? (
        <SecretShownOnce secret={secret} />
      ) : (
        <form id="create-webhook" onSubmit={onSubmit} noValidate className="space-y-4">
          <Field id="webhook-url" label="Endpoint URL" error={errors.url?.message} required>
            <Input
              {...fieldAria("webhook-url", errors.url?.message)}
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder="https://example.com/hooks/mailboxes"
              {...form.register("url")}
            />
          </Field>
          <fieldset className="space-y-1.5" aria-describedby={errors.events ? "webhook-events-error" : undefined}>
            <legend className="text-sm font-medium text-slate-800">Events to send</legend>
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} className="flex items-start gap-2 text-sm text-slate-800">
                <input type="checkbox" value={type} className="mt-1" {...form.register("events")} />
                <span>
                  {EVENT_LABEL[type]} <span className="font-mono text-xs text-slate-500">{type}</span>
                </span>
              </label>
            ))}
            {errors.events && (
              <p id="webhook-events-error" className="text-sm text-red-700">
                {errors.events.message ?? "Choose at least one event."}
              </p>
            )}
          </fieldset>
          {formError && <Alert tone="error">{formError}</Alert>}
        </form>
      )}
    </Dialog>
  );
}
