"use client";
import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/input";

/** A signing secret, shown once (R48), with a copy button. */
export function SecretShownOnce({ secret }: { secret: string }) {
  return (
    <div className="space-y-3">
      <label htmlFor="webhook-secret" className="block text-sm font-medium text-slate-800">
        Signing secret
      </label>
      <Input
        id="webhook-secret"
        readOnly
        value={secret}
        className="font-mono text-xs"
        onFocus={(e) => e.currentTarget.select()}
        spellCheck={false}
        data-testid="webhook-secret"
      />
      <CopyButton text={secret} label="Copy secret" />
      <Alert tone="warning">
        Verify each event&apos;s webhook-signature with it (any Standard Webhooks library does). It cannot be shown
        again: roll it if it is lost or leaks.
      </Alert>
    </div>
  );
}
