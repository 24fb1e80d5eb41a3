"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Controller, useForm, useWatch, type Control } from "react-hook-form";
import { toast } from "sonner";
import { createMailboxAction, getMailboxVersionAction, updateMailboxAction } from "@/lib/actions/mailboxes";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TimeZonePicker } from "@/components/ui/time-zone-picker";
import { Field, FieldError, fieldAria } from "@/components/ui/field";
import { Input, NativeSelect } from "@/components/ui/input";
import { applyActionResult, isSuccess } from "@/lib/forms/apply-action-result";
import { callAction } from "@/lib/forms/call-action";
import {
  mailboxFieldsSchema,
  MAILBOX_FORM_FIELDS,
  type MailboxFields,
  type QueueChoice,
} from "@/lib/mailboxes/schemas";
import { LANGUAGES } from "@/lib/org/locale";
import { zoneLabel } from "@/lib/org/time-zones";
import { QueuesField, type QueueOption } from "./queues-field";
import { useFormDraft, useUnsavedChangesGuard } from "./use-form-draft";
import { startNavigationProgress } from "@/components/layout/navigation-progress";
import { mailboxAddress } from "@/lib/address";

export type RoutingOption = { id: string; name: string; hasPublished: boolean; hasDraft: boolean };

type Props = {
  mode: "create" | "edit";
  defaults: MailboxFields;
  mailbox?: { id: string; version: number };
  domains: { id: string; domain: string }[];
  routings: RoutingOption[];
  org: { timezone: string; languageLabel: string };
  queues: QueueOption[];
  /** Edit: the queues it is linked to now, and whether it is active (R17: only an active mailbox can be a default). */
  linked?: { id: string; isDefault: boolean }[];
  active?: boolean;
  maxPerQueue: number;
};

/** S2 / S3: the fields of R1–R9, validated as the user types and again by the server with the same schema. */
export function MailboxForm(props: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<{ message: string; kind: "stale" | "session" | "other" } | null>(null);
  const [version, setVersion] = useState(props.mailbox?.version);
  const [saved, setSaved] = useState(false);
  const initialQueues = (props.linked ?? []).map((l) => ({ queueId: l.id, makeDefault: l.isDefault }));
  const [queues, setQueues] = useState<QueueChoice[]>(initialQueues);
  const queuesChanged =
    JSON.stringify([...queues].sort((a, b) => a.queueId.localeCompare(b.queueId))) !==
    JSON.stringify([...initialQueues].sort((a, b) => a.queueId.localeCompare(b.queueId)));
  const form = useForm<MailboxFields>({
    resolver: zodResolver(mailboxFieldsSchema),
    defaultValues: props.defaults,
    mode: "onChange",
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const draft = useFormDraft(`mailbox-draft:${props.mailbox?.id ?? "new"}`, form);
  useUnsavedChangesGuard((isDirty || queuesChanged) && !saved);

  const submit = async (values: MailboxFields, atVersion = version) => {
    setFormError(null);
    const result = await callAction(() =>
      props.mode === "create"
        ? createMailboxAction({ ...values, queues })
        : updateMailboxAction({ ...values, id: props.mailbox!.id, version: atVersion!, queues }),
    );
    if (isSuccess(result) && result?.data) {
      setSaved(true);
      const data = result.data as { id: string; queueRefusals?: string[] };
      toast.success(
        props.mode === "create" ? "Mailbox created. Next: set up forwarding to its alias." : "Mailbox saved.",
      );
      if (data.queueRefusals?.length)
        toast.warning(`Some queue changes were refused: ${data.queueRefusals.join(" ")}`, { duration: 15000 });
      startNavigationProgress();
      router.push(`/maker/mailboxes/${data.id}`);
      router.refresh();
      return;
    }
    const code = result?.serverError?.code;
    if (code === "UNAUTHENTICATED") draft.save();
    const message = applyActionResult(form, result, MAILBOX_FORM_FIELDS);
    if (message)
      setFormError({ message, kind: code === "CONFLICT" ? "stale" : code === "UNAUTHENTICATED" ? "session" : "other" });
  };
  const onSubmit = form.handleSubmit((values) => submit(values));

  // A stale edit (R12): keep the admin's edits, show theirs in another tab, or save over them knowingly.
  const keepMine = async () => {
    const latest = await callAction(() => getMailboxVersionAction({ id: props.mailbox!.id }));
    const v = (latest as { data?: { version: number } }).data?.version;
    if (v === undefined)
      return setFormError({
        message: latest?.serverError?.message ?? "Could not reach the server. Try again.",
        kind: "other",
      });
    setVersion(v);
    await form.handleSubmit((values) => submit(values, v))();
  };
  const here = props.mailbox ? `/maker/mailboxes/${props.mailbox.id}/edit` : "/maker/mailboxes/new";

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-8"
      aria-label={props.mode === "create" ? "Create mailbox" : "Edit mailbox"}
    >
      {formError && (
        <Alert
          tone="error"
          title={
            formError.kind === "stale"
              ? "This mailbox changed since you opened it"
              : formError.kind === "session"
                ? "Your session has ended"
                : props.mode === "create"
                  ? "Not created"
                  : "Not saved"
          }
          action={
            formError.kind === "stale" ? (
              <span className="flex flex-col gap-2 sm:flex-row">
                <Button variant="secondary" size="sm" asChild>
                  <a href={`/maker/mailboxes/${props.mailbox!.id}`} target="_blank" rel="noopener">
                    Review their changes
                  </a>
                </Button>
                <Button size="sm" onClick={keepMine} disabled={isSubmitting}>
                  Keep mine and save again
                </Button>
              </span>
            ) : formError.kind === "session" ? (
              <Button size="sm" asChild>
                <a
                  href={`/sign-in?next=${encodeURIComponent(here)}`}
                  data-keeps-draft
                  onClick={() => {
                    draft.save();
                    setSaved(true);
                  }}
                >
                  Sign in again
                </a>
              </Button>
            ) : undefined
          }
        >
          {formError.kind === "session"
            ? "Sign in again to continue: your input is kept and comes back in this form."
            : formError.message}
        </Alert>
      )}

      <Section title="Identity" description="How the mailbox appears to customers.">
        <Field
          id="displayName"
          label="Display name"
          error={errors.displayName?.message}
          required
          description="Shown in the “From” of outgoing email."
        >
          <Input
            {...fieldAria("displayName", errors.displayName?.message, true)}
            autoComplete="off"
            maxLength={1000}
            {...form.register("displayName")}
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-[1fr_auto_1fr] sm:items-start">
          <Field
            id="localPart"
            label="Email address (local part)"
            error={errors.localPart?.message}
            required
            description="Lowercase, e.g. support"
          >
            <Input
              {...fieldAria("localPart", errors.localPart?.message, true)}
              autoComplete="off"
              spellCheck={false}
              {...form.register("localPart")}
            />
          </Field>
          <span className="hidden pt-8 text-lg text-slate-400 sm:block" aria-hidden>
            @
          </span>
          <Field
            id="domainId"
            label="Email domain"
            error={errors.domainId?.message}
            required
            description={
              <>
                Manage domains in{" "}
                <Link href="/maker/settings#domains" className="underline">
                  Settings
                </Link>
              </>
            }
          >
            <NativeSelect {...fieldAria("domainId", errors.domainId?.message, true)} {...form.register("domainId")}>
              <option value="">Choose a domain…</option>
              {props.domains.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.domain}
                </option>
              ))}
            </NativeSelect>
          </Field>
        </div>
        {props.mode === "edit" && (
          <AddressChangeWarning control={form.control} defaults={props.defaults} domains={props.domains} />
        )}
      </Section>

      <Section title="Regional settings" description="For automated messages and logs.">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="timezone" label="Timezone" error={errors.timezone?.message}>
            <Controller
              control={form.control}
              name="timezone"
              render={({ field }) => (
                <TimeZonePicker
                  id="timezone"
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  defaultLabel={`Default (${zoneLabel(props.org.timezone)})`}
                  invalid={!!errors.timezone}
                  describedBy={errors.timezone ? "timezone-error" : undefined}
                />
              )}
            />
          </Field>
          <Field id="language" label="Language" error={errors.language?.message}>
            <NativeSelect {...fieldAria("language", errors.language?.message)} {...form.register("language")}>
              <option value="">Default ({props.org.languageLabel})</option>
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.label}
                </option>
              ))}
            </NativeSelect>
          </Field>
        </div>
      </Section>

      <Section title="Routing" description="How incoming email is distributed.">
        <Field
          id="routing"
          label="Routing"
          error={errors.routing?.message}
          description="Smart Routing is the only routing available for mailboxes."
        >
          <NativeSelect {...fieldAria("routing", errors.routing?.message, true)} {...form.register("routing")}>
            <option value="smart">Smart Routing</option>
          </NativeSelect>
        </Field>
        <RoutingPair
          control={form.control}
          form={form}
          routings={props.routings}
          idField="smartRoutingId"
          versionField="smartRoutingVersion"
          label="Smart Routing"
          errors={{ id: errors.smartRoutingId?.message, version: errors.smartRoutingVersion?.message }}
        />
        <RoutingPair
          control={form.control}
          form={form}
          routings={props.routings}
          idField="endRoutingId"
          versionField="endRoutingVersion"
          label="End Smart Routing"
          description="Optional: a post-processing flow at the end of an email interaction."
          errors={{ id: errors.endRoutingId?.message, version: errors.endRoutingVersion?.message }}
        />
      </Section>

      <Section title="Queues" description="The queues that distribute this mailbox's mail to agents.">
        <QueuesField
          options={props.queues}
          value={queues}
          onChange={setQueues}
          linked={props.linked ?? []}
          canBeDefault={props.active ?? true}
          max={props.maxPerQueue}
        />
      </Section>

      <div className="flex items-center justify-end gap-2 border-t border-slate-100 pt-6">
        <Button variant="secondary" asChild>
          <Link href={props.mailbox ? `/maker/mailboxes/${props.mailbox.id}` : "/maker/mailboxes"}>Cancel</Link>
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : props.mode === "create" ? "Create" : "Save"}
        </Button>
      </div>
    </form>
  );
}

function Section(props: { title: string; description: string; children: React.ReactNode }) {
  return (
    <fieldset className="grid gap-x-8 gap-y-4 md:grid-cols-[14rem_1fr]">
      <legend className="sr-only">{props.title}</legend>
      <div>
        <p className="text-sm font-semibold text-slate-900" aria-hidden>
          {props.title}
        </p>
        <p className="text-sm text-slate-500">{props.description}</p>
      </div>
      <div className="space-y-4">{props.children}</div>
    </fieldset>
  );
}

/**
 * A routing select and its version (R8, R9): the version shows only with a routing; Production needs a published
 * version.
 */
function RoutingPair(props: {
  control: Control<MailboxFields>;
  form: ReturnType<typeof useForm<MailboxFields>>;
  routings: RoutingOption[];
  idField: "smartRoutingId" | "endRoutingId";
  versionField: "smartRoutingVersion" | "endRoutingVersion";
  label: "Smart Routing" | "End Smart Routing";
  description?: string;
  errors: { id?: string; version?: string };
}) {
  const routingId = useWatch({ control: props.control, name: props.idField });
  const version = useWatch({ control: props.control, name: props.versionField });
  const routing = props.routings.find((r) => r.id === routingId);
  const { setValue } = props.form;

  // Clear the version when the routing goes, and never leave a version the routing does not have.
  useEffect(() => {
    if (!routing && version) setValue(props.versionField, "", { shouldValidate: true });
    else if (routing && version === "production" && !routing.hasPublished)
      setValue(props.versionField, "", { shouldValidate: true });
    else if (routing && version === "test" && !routing.hasDraft)
      setValue(props.versionField, "", { shouldValidate: true });
  }, [routing, version, setValue, props.versionField]);

  const versionId = props.versionField;
  return (
    <div className="space-y-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
      <Field id={props.idField} label={props.label} error={props.errors.id} description={props.description}>
        <NativeSelect
          {...fieldAria(props.idField, props.errors.id, !!props.description)}
          {...props.form.register(props.idField)}
        >
          <option value="">None</option>
          {props.routings.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </NativeSelect>
      </Field>
      {routing && (
        <fieldset aria-describedby={props.errors.version ? `${versionId}-error` : `${versionId}-hint`}>
          <legend className="text-sm font-medium text-slate-800">
            {props.label} version
            <span className="ml-0.5 text-red-600" aria-hidden>
              *
            </span>
          </legend>
          <div className="mt-2 flex flex-wrap gap-3" role="radiogroup" aria-label={`${props.label} version`}>
            {(["production", "test"] as const).map((v) => {
              const available = v === "production" ? routing.hasPublished : routing.hasDraft;
              return (
                <label
                  key={v}
                  className={`flex items-center gap-2 rounded-md bg-white px-3 py-2 text-sm ring-1 ring-slate-300 ${available ? "cursor-pointer" : "cursor-not-allowed opacity-60"}`}
                >
                  <input
                    type="radio"
                    value={v}
                    disabled={!available}
                    className="size-4 accent-brand-600"
                    {...props.form.register(props.versionField)}
                  />
                  <span>
                    {v === "production" ? "Production" : "Test"}
                    <span className="block text-xs text-slate-500">
                      {v === "production" ? "Live version" : "Draft version"}
                    </span>
                  </span>
                </label>
              );
            })}
          </div>
          {props.errors.version ? (
            <div className="mt-1.5">
              <FieldError id={`${versionId}-error`}>{props.errors.version}</FieldError>
            </div>
          ) : (
            <p id={`${versionId}-hint`} className="mt-1.5 text-xs text-slate-500">
              {!routing.hasPublished
                ? `“${routing.name}” has no published version yet, so only Test is available.`
                : "Production runs the published flow; Test runs its draft."}
            </p>
          )}
        </fieldset>
      )}
    </div>
  );
}

/** S3, R25: before an address change is saved, the provider's forwarding rule must be changed too. */
function AddressChangeWarning(props: {
  control: Control<MailboxFields>;
  defaults: MailboxFields;
  domains: { id: string; domain: string }[];
}) {
  const localPart = useWatch({ control: props.control, name: "localPart" });
  const domainId = useWatch({ control: props.control, name: "domainId" });
  if (localPart === props.defaults.localPart && domainId === props.defaults.domainId) return null;
  const domainName = (id: string) => props.domains.find((d) => d.id === id)?.domain ?? "…";
  const before = mailboxAddress(props.defaults.localPart, domainName(props.defaults.domainId));
  const after = mailboxAddress(localPart || "…", domainName(domainId));
  return (
    <Alert tone="warning" title="Change the forwarding rule too">
      Forwarding is set up for {before}. After saving, mail to {after} reaches this mailbox only once your email
      provider forwards {after} to the alias; until it is verified again, the status says &ldquo;Not verified for{" "}
      {after}&rdquo;.
    </Alert>
  );
}
