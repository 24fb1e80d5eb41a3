"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { Globe, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { addEmailDomainAction, removeEmailDomainAction } from "@/lib/actions/settings";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FieldError } from "@/components/ui/field";
import { DomainSendingSummaryLine } from "@/components/sending/domain-sending-summary";
import { Input } from "@/components/ui/input";
import { EmptyState } from "@/components/ui/table";
import { applyActionResult, isSuccess } from "@/lib/forms/apply-action-result";
import type { DomainSendingSummary } from "@/lib/sending/types";
import { emailDomainSchema, type EmailDomainInput } from "@/lib/settings/schemas";

type DomainRow = { id: string; domain: string; mailboxCount: number; sending?: DomainSendingSummary };

export function EmailDomainsCard({ domains }: { domains: DomainRow[] }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<EmailDomainInput>({
    resolver: zodResolver(emailDomainSchema),
    defaultValues: { domain: "" },
    mode: "onChange",
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await addEmailDomainAction(values);
    if (isSuccess(result)) {
      form.reset({ domain: "" });
      toast.success(`${values.domain} added.`);
      router.refresh();
      return;
    }
    setFormError(applyActionResult(form, result, ["domain"]));
  });

  return (
    <Card id="domains" title="Email domains" description="Mailbox addresses use one of these domains.">
      <form onSubmit={onSubmit} noValidate className="mb-4">
        <label htmlFor="new-domain" className="block text-sm font-medium text-slate-800">
          Add a domain
        </label>
        <div className="mt-1.5 flex gap-2">
          <Input
            id="new-domain"
            placeholder="mycompany.com"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.domain ? true : undefined}
            aria-describedby={errors.domain ? "new-domain-error" : undefined}
            {...form.register("domain")}
          />
          <Button type="submit" variant="secondary" disabled={isSubmitting}>
            {isSubmitting ? "Adding…" : "Add domain"}
          </Button>
        </div>
        {errors.domain?.message && (
          <div className="mt-1.5">
            <FieldError id="new-domain-error">{errors.domain.message}</FieldError>
          </div>
        )}
        <p className="mt-1.5 text-xs text-slate-500">
          A domain your organisation owns; the platform&apos;s own mail domain, where aliases live, cannot be added.
        </p>
        {formError && (
          <Alert tone="error" className="mt-3">
            {formError}
          </Alert>
        )}
      </form>
      {domains.length === 0 ? (
        <EmptyState title="No email domain yet">
          Add the domain your customers write to, for example mycompany.com. Mailboxes need one.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" aria-label="Email domains">
          {domains.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 px-3 py-2.5">
              {/* The name takes the row; on a phone Remove goes below it rather than squeezing it mid-word. */}
              <span className="flex min-w-0 flex-1 basis-56 items-start gap-2">
                <Globe className="mt-0.5 size-4 shrink-0 text-slate-400" aria-hidden />
                <DomainSendingSummaryLine
                  id={d.id}
                  domain={d.domain}
                  sending={d.sending}
                  extra={
                    d.mailboxCount > 0 && (
                      <Badge>
                        {d.mailboxCount} mailbox{d.mailboxCount === 1 ? "" : "es"}
                      </Badge>
                    )
                  }
                />
              </span>
              <ConfirmDialog
                trigger={
                  <Button variant="ghost" size="sm" aria-label={`Remove ${d.domain}`}>
                    <Trash2 className="size-4" aria-hidden />
                    Remove
                  </Button>
                }
                title={`Remove ${d.domain}?`}
                description="Mailboxes can no longer use addresses on this domain. A domain that a mailbox uses cannot be removed."
                confirmLabel="Remove domain"
                onConfirm={async () => {
                  const result = await removeEmailDomainAction({ id: d.id });
                  if (!isSuccess(result)) return result?.serverError?.message ?? "The domain could not be removed.";
                  toast.success(`${d.domain} removed.`);
                  router.refresh();
                  return null;
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
