"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Pencil, Plus, Trash2, Workflow } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { addSmartRoutingAction, removeSmartRoutingAction, updateSmartRoutingAction } from "@/lib/actions/settings";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Field, FieldError, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { EmptyState } from "@/components/ui/table";
import { applyActionResult, isSuccess } from "@/lib/forms/apply-action-result";
import { smartRoutingSchema, type SmartRoutingInput } from "@/lib/settings/schemas";

type RoutingRow = { id: string; name: string; hasPublished: boolean; hasDraft: boolean; mailboxCount: number };

function SmartRoutingForm(props: { routing?: RoutingRow; onDone: () => void }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SmartRoutingInput>({
    resolver: zodResolver(smartRoutingSchema),
    mode: "onChange",
    defaultValues: props.routing
      ? { name: props.routing.name, hasPublished: props.routing.hasPublished, hasDraft: props.routing.hasDraft }
      : { name: "", hasPublished: false, hasDraft: true },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = props.routing
      ? await updateSmartRoutingAction({ id: props.routing.id, ...values })
      : await addSmartRoutingAction(values);
    if (isSuccess(result)) {
      toast.success(props.routing ? "Smart routing saved." : `${values.name} added.`);
      router.refresh();
      props.onDone();
      return;
    }
    setFormError(applyActionResult(form, result, ["name", "hasPublished", "hasDraft"]));
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="routing-name" label="Name" error={errors.name?.message} required>
        <Input {...fieldAria("routing-name", errors.name?.message)} autoComplete="off" {...form.register("name")} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Versions</legend>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" className="size-4 accent-brand-600" {...form.register("hasPublished")} />
          Has a published version (Production)
        </label>
        {errors.hasPublished?.message && <FieldError>{errors.hasPublished.message}</FieldError>}
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" className="size-4 accent-brand-600" {...form.register("hasDraft")} />
          Has a draft version (Test)
        </label>
        {errors.hasDraft?.message && <FieldError>{errors.hasDraft.message}</FieldError>}
      </fieldset>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={props.onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : props.routing ? "Save" : "Add smart routing"}
        </Button>
      </div>
    </form>
  );
}

function RoutingDialog({ routing, trigger }: { routing?: RoutingRow; trigger: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={trigger}
      title={routing ? `Edit ${routing.name}` : "Add a smart routing"}
    >
      <SmartRoutingForm routing={routing} onDone={() => setOpen(false)} />
    </Dialog>
  );
}

export function SmartRoutingsCard({ routings }: { routings: RoutingRow[] }) {
  const router = useRouter();
  return (
    <Card
      id="routings"
      title="Smart routings"
      description="Email routing flows that mailboxes can use."
      actions={
        <RoutingDialog
          trigger={
            <Button variant="secondary" size="sm">
              <Plus className="size-4" aria-hidden />
              Add
            </Button>
          }
        />
      }
    >
      {routings.length === 0 ? (
        <EmptyState title="No smart routing yet">Add the routing flows your mailboxes will use.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" aria-label="Smart routings">
          {routings.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2.5">
              <span className="flex min-w-0 flex-wrap items-center gap-2">
                <Workflow className="size-4 shrink-0 text-slate-400" aria-hidden />
                <span className="font-medium text-slate-800">{r.name}</span>
                {r.hasPublished && <Badge tone="green">Production</Badge>}
                {r.hasDraft && <Badge tone="amber">Test</Badge>}
                {r.mailboxCount > 0 && (
                  <Badge>
                    {r.mailboxCount} mailbox{r.mailboxCount === 1 ? "" : "es"}
                  </Badge>
                )}
              </span>
              <span className="flex gap-1">
                <RoutingDialog
                  routing={r}
                  trigger={
                    <Button variant="ghost" size="sm" aria-label={`Edit ${r.name}`}>
                      <Pencil className="size-4" aria-hidden />
                      Edit
                    </Button>
                  }
                />
                <ConfirmDialog
                  trigger={
                    <Button variant="ghost" size="sm" aria-label={`Remove ${r.name}`}>
                      <Trash2 className="size-4" aria-hidden />
                      Remove
                    </Button>
                  }
                  title={`Remove ${r.name}?`}
                  description="A smart routing that a mailbox uses cannot be removed."
                  confirmLabel="Remove smart routing"
                  onConfirm={async () => {
                    const result = await removeSmartRoutingAction({ id: r.id });
                    if (!isSuccess(result))
                      return result?.serverError?.message ?? "The smart routing could not be removed.";
                    toast.success(`${r.name} removed.`);
                    router.refresh();
                    return null;
                  }}
                />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
