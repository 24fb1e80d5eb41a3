"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { updateOrgDefaultsAction } from "@/lib/actions/settings";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TimeZonePicker } from "@/components/ui/time-zone-picker";
import { Field, fieldAria } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/input";
import { applyActionResult, isSuccess } from "@/lib/forms/apply-action-result";
import { LANGUAGES } from "@/lib/org/locale";
import { orgDefaultsSchema, type OrgDefaults } from "@/lib/settings/schemas";

export function OrgDefaultsForm({ defaults }: { defaults: OrgDefaults }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<OrgDefaults>({
    resolver: zodResolver(orgDefaultsSchema),
    defaultValues: defaults,
    mode: "onChange",
  });
  const { errors, isSubmitting, isDirty } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await updateOrgDefaultsAction(values);
    if (isSuccess(result)) {
      form.reset(values);
      toast.success("Organisation defaults saved.");
      router.refresh();
      return;
    }
    setFormError(applyActionResult(form, result, ["timezone", "language"]));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <Field id="org-timezone" label="Default timezone" error={errors.timezone?.message}>
        <Controller
          control={form.control}
          name="timezone"
          render={({ field }) => (
            <TimeZonePicker
              id="org-timezone"
              value={field.value}
              onChange={(v) => field.onChange(v)}
              onBlur={field.onBlur}
              invalid={!!errors.timezone}
              describedBy={errors.timezone ? "org-timezone-error" : undefined}
            />
          )}
        />
      </Field>
      <Field id="org-language" label="Default language" error={errors.language?.message}>
        <NativeSelect {...fieldAria("org-language", errors.language?.message)} {...form.register("language")}>
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code}>
              {l.label}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <div className="flex justify-end">
        <Button type="submit" disabled={isSubmitting || !isDirty}>
          {isSubmitting ? "Saving…" : "Save defaults"}
        </Button>
      </div>
    </form>
  );
}
