"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { applyActionResult, isSuccess, type ActionResultShape } from "@/lib/forms/apply-action-result";
import { callAction } from "@/lib/forms/call-action";
import { recipientFormSchema, type RecipientFormInput } from "@/lib/sending/schemas";

/**
 * A dialog that asks for one email address ("To") and sends something there: the test email (S4, S5) and the
 * records for a DNS admin. The address is checked while typing by the same schema as the server; a refusal shows
 * next to the field (or in the dialog's alert when no field caused it) and keeps what was typed. On success the
 * dialog stays open with the sentence `describe` makes, so the person reads what happened before closing.
 */
export function RecipientDialog<R extends ActionResultShape>(props: {
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  submitLabel: string;
  pendingLabel: string;
  defaultTo?: string;
  send: (to: string) => Promise<R | undefined>;
  describe: (result: R) => ReactNode;
  id: string;
}) {
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<ReactNode | null>(null);
  const form = useForm<RecipientFormInput>({
    resolver: zodResolver(recipientFormSchema),
    defaultValues: { to: props.defaultTo ?? "" },
    mode: "onTouched",
  });
  const { errors, isSubmitting } = form.formState;
  const fieldId = `${props.id}-to`;

  const onSubmit = form.handleSubmit(async ({ to }) => {
    setFormError(null);
    setDone(null);
    const result = await callAction(() => props.send(to));
    if (isSuccess(result)) {
      setDone(props.describe(result as R));
      return;
    }
    setFormError(applyActionResult(form, result, ["to"]));
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          setFormError(null);
          setDone(null);
          form.clearErrors();
        }
      }}
      trigger={props.trigger}
      title={props.title}
      description={props.description}
    >
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Field id={fieldId} label="To" error={errors.to?.message} description="One email address.">
          <Input
            {...fieldAria(fieldId, errors.to?.message, true)}
            type="email"
            inputMode="email"
            autoComplete="email"
            spellCheck={false}
            placeholder="you@yourcompany.com"
            {...form.register("to")}
          />
        </Field>
        {formError && <Alert tone="error">{formError}</Alert>}
        {done && <Alert tone="success">{done}</Alert>}
        <div className="flex flex-wrap justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">{done ? "Close" : "Cancel"}</Button>
          </DialogClose>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? props.pendingLabel : props.submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
