"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { KeyRound, Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/actions/api-keys";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { Field, fieldAria } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { EmptyState } from "@/components/ui/table";
import { OrgTime, TimeAgo } from "@/components/ui/time-ago";
import { applyActionResult, isSuccess } from "@/lib/forms/apply-action-result";
import { callAction } from "@/lib/forms/call-action";
import { ACCESS_LABEL, createApiKeySchema, type CreateApiKeyInput } from "@/lib/api/schemas";

export type ApiKeyView = {
  id: string;
  name: string;
  access: "read" | "write";
  prefix: string;
  createdByName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/**
 * Settings → API keys (R40): create (the secret shown once), list, revoke with confirmation. Admins only (the page is).
 */
export function ApiKeysCard({ keys }: { keys: ApiKeyView[] }) {
  const router = useRouter();
  const active = keys.filter((k) => !k.revokedAt);
  const revoked = keys.filter((k) => k.revokedAt);
  return (
    <Card
      id="api-keys"
      title="API keys"
      description={
        <>
          Scripts and monitoring use these to call the{" "}
          <a className="text-brand-700 underline" href="/docs/api">
            Mailboxes API
          </a>
          . A key acts for the whole organisation.
        </>
      }
      actions={<CreateApiKeyDialog onCreated={() => router.refresh()} />}
    >
      {keys.length === 0 ? (
        <EmptyState title="No API key yet">Create one to manage mailboxes and queues by script.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" aria-label="API keys">
          {[...active, ...revoked].map((k) => (
            <li key={k.id} className={k.revokedAt ? "bg-slate-50 px-3 py-2.5" : "px-3 py-2.5"}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="flex min-w-0 items-center gap-2">
                  <KeyRound className="size-4 shrink-0 text-slate-400" aria-hidden />
                  <span className="truncate font-medium text-slate-800">{k.name}</span>
                  <Badge tone={k.access === "write" ? "amber" : "neutral"}>{ACCESS_LABEL[k.access]}</Badge>
                  {k.revokedAt && <Badge tone="red">Revoked</Badge>}
                </span>
                {!k.revokedAt && (
                  <ConfirmDialog
                    trigger={
                      <Button variant="ghost" size="sm" aria-label={`Revoke ${k.name}`}>
                        <Trash2 className="size-4" aria-hidden />
                        Revoke
                      </Button>
                    }
                    title={`Revoke “${k.name}”?`}
                    description="Every request made with this key is refused from now on, on every server. Scripts that use it stop working. This cannot be undone."
                    confirmLabel="Revoke key"
                    onConfirm={async () => {
                      const result = await callAction(() => revokeApiKeyAction({ id: k.id }));
                      if (!isSuccess(result)) return result?.serverError?.message ?? "The key could not be revoked.";
                      toast.success(`${k.name} revoked.`);
                      router.refresh();
                      return null;
                    }}
                  />
                )}
              </div>
              <dl className="mt-1 grid grid-cols-1 gap-x-4 gap-y-0.5 pl-6 text-xs text-slate-600 sm:grid-cols-2">
                <div className="flex gap-1">
                  <dt className="text-slate-500">Key</dt>
                  <dd className="font-mono">{k.prefix}…</dd>
                </div>
                <div className="flex gap-1">
                  <dt className="text-slate-500">Created by</dt>
                  <dd>{k.createdByName ?? "a former member"}</dd>
                </div>
                <div className="flex gap-1">
                  <dt className="text-slate-500">Created</dt>
                  <dd>
                    <OrgTime date={new Date(k.createdAt)} />
                  </dd>
                </div>
                <div className="flex gap-1">
                  <dt className="text-slate-500">{k.revokedAt ? "Revoked" : "Last used"}</dt>
                  <dd>
                    {k.revokedAt ? (
                      <TimeAgo date={new Date(k.revokedAt)} />
                    ) : k.lastUsedAt ? (
                      <TimeAgo date={new Date(k.lastUsedAt)} />
                    ) : (
                      "Never"
                    )}
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function CreateApiKeyDialog({ onCreated }: { onCreated: () => void }) {
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateApiKeyInput>({
    resolver: zodResolver(createApiKeySchema),
    defaultValues: { name: "", access: "read" },
    mode: "onChange",
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await callAction(() => createApiKeyAction(values));
    const data = (result as { data?: { secret: string; name: string } } | undefined)?.data;
    if (isSuccess(result) && data) {
      setSecret({ name: data.name, value: data.secret });
      onCreated();
      return;
    }
    setFormError(applyActionResult(form, result, ["name", "access"]));
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          // The secret is forgotten when the dialog closes: it is never shown again.
          setSecret(null);
          setFormError(null);
          form.reset({ name: "", access: "read" });
        }
      }}
      trigger={
        <Button variant="secondary" size="sm">
          <Plus className="size-4" aria-hidden />
          Create API key
        </Button>
      }
      title={secret ? `“${secret.name}” is ready` : "Create API key"}
      description={
        secret
          ? "Copy the key now and keep it somewhere safe: it is shown only once."
          : "Name it after the script or system that will use it."
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
            <Button type="submit" form="create-api-key" disabled={isSubmitting}>
              {isSubmitting ? "Creating…" : "Create key"}
            </Button>
          </>
        )
      }
    >
      {secret ? (
        <div className="space-y-3">
          <label htmlFor="api-key-secret" className="block text-sm font-medium text-slate-800">
            Your API key
          </label>
          <Input
            id="api-key-secret"
            readOnly
            value={secret.value}
            className="font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
            spellCheck={false}
          />
          <CopyButton text={secret.value} label="Copy key" />
          <Alert tone="warning">
            Send it as “Authorization: Bearer …”. Anyone who has it can act for your organisation within its access:
            revoke it here if it leaks.
          </Alert>
        </div>
      ) : (
        <form id="create-api-key" onSubmit={onSubmit} noValidate className="space-y-4">
          <Field id="api-key-name" label="Name" error={errors.name?.message} required>
            <Input
              {...fieldAria("api-key-name", errors.name?.message)}
              autoComplete="off"
              placeholder="Provisioning script"
              {...form.register("name")}
            />
          </Field>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">Access</legend>
            {(["read", "write"] as const).map((a) => (
              <label
                key={a}
                className="flex items-start gap-2 rounded-lg p-2 ring-1 ring-slate-200 has-[:checked]:ring-brand-500"
              >
                <input type="radio" value={a} className="mt-1" {...form.register("access")} />
                <span>
                  <span className="block text-sm font-medium text-slate-800">{ACCESS_LABEL[a]}</span>
                  <span className="block text-xs text-slate-600">
                    {a === "read"
                      ? "Lists and reads domains, mailboxes and queues. Changes nothing."
                      : "Also creates, changes and deletes mailboxes and their queue links."}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          {formError && <Alert tone="error">{formError}</Alert>}
        </form>
      )}
    </Dialog>
  );
}
