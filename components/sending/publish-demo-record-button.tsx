"use client";
import { Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { publishDemoRecordAction } from "@/lib/actions/domains";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { callAction } from "@/lib/forms/call-action";

/** The demo's "Publish": puts the missing record into the simulated DNS, as an admin would at their DNS host. */
export function PublishDemoRecordButton({ domainId, domain }: { domainId: string; domain: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const publish = () =>
    start(async () => {
      setError(null);
      const result = await callAction(() => publishDemoRecordAction({ domainId }));
      if (result?.data) {
        router.refresh();
        return;
      }
      setError(result?.serverError?.message ?? "The record could not be published.");
    });
  return (
    <span className="inline-flex flex-col items-start gap-1.5">
      <Button size="sm" onClick={publish} disabled={pending} aria-label={`Publish the DKIM record of ${domain}`}>
        <Upload className="size-4" aria-hidden />
        {pending ? "Publishing…" : "Publish"}
      </Button>
      {error && <Alert tone="error">{error}</Alert>}
    </span>
  );
}
