"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { createQueueAction, renameQueueAction } from "@/lib/actions/queues";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { applyActionResult, isSuccess } from "@/lib/forms/apply-action-result";
import { queueNameSchema, type QueueNameInput } from "@/lib/queues/schemas";
import { startNavigationProgress } from "@/components/layout/navigation-progress";

function QueueNameForm(props: { queue?: { id: string; name: string }; onDone: () => void }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<QueueNameInput>({
    resolver: zodResolver(queueNameSchema),
    mode: "onChange",
    defaultValues: { name: props.queue?.name ?? "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    if (props.queue) {
      const result = await renameQueueAction({ id: props.queue.id, name: values.name });
      if (isSuccess(result)) {
        toast.success(`Queue renamed to ${values.name.trim()}.`);
        router.refresh();
        props.onDone();
        return;
      }
      setFormError(applyActionResult(form, result, ["name"]));
      return;
    }
    const result = await createQueueAction(values);
    if (isSuccess(result) && result?.data) {
      toast.success(`Queue ${values.name.trim()} created. Add its mailboxes.`);
      props.onDone();
      startNavigationProgress();
      router.push(`/maker/queues/${result.data.id}`);
      return;
    }
    setFormError(applyActionResult(form, result, ["name"]));
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field
        id="queue-name"
        label="Name"
        error={errors.name?.message}
        required
        description="Agents see this name, for example Support or Billing."
      >
        <Input
          {...fieldAria("queue-name", errors.name?.message, true)}
          autoComplete="off"
          autoFocus
          {...form.register("name")}
        />
      </Field>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={props.onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : props.queue ? "Save" : "Create queue"}
        </Button>
      </div>
    </form>
  );
}

/** "Create queue": the page's main button, and the empty list's. */
export function CreateQueueButton() {
  return (
    <QueueNameDialog
      trigger={
        <Button>
          <Plus className="size-4" aria-hidden />
          Create queue
        </Button>
      }
    />
  );
}

/** "Rename", in a queue's row (`compact`) or on its page. */
export function RenameQueueButton({ queue, compact }: { queue: { id: string; name: string }; compact?: boolean }) {
  return (
    <QueueNameDialog
      queue={queue}
      trigger={
        <button
          type="button"
          className={compact ? "btn btn-sm btn-g qi qi-pencil" : "btn btn-sm btn-s qi qi-pencil"}
          aria-label={`Rename queue ${queue.name}`}
        >
          Rename
        </button>
      }
    />
  );
}

/** Create a queue (no `queue`) or rename one, in a dialog; refusals show next to the name, which is kept. */
export function QueueNameDialog({ queue, trigger }: { queue?: { id: string; name: string }; trigger: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={trigger}
      title={queue ? `Rename ${queue.name}` : "Create a queue"}
      description={queue ? undefined : "Then link the mailboxes whose email the queue distributes to its agents."}
    >
      <QueueNameForm queue={queue} onDone={() => setOpen(false)} />
    </Dialog>
  );
}
