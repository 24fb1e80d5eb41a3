"use client";
import { Info } from "lucide-react";
import { DemoCreateRule } from "@/components/inbound/demo-create-rule";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";

/** “Configure your mailbox in <platform>”: how to forward the real address to the alias (S4). */
export function ForwardingInstructions({
  platform,
  address,
  alias,
  demoMailboxId,
}: {
  platform: string;
  address: string;
  alias: string;
  /** In the demo (simulated provider in use) only: offers to create the rule there. */
  demoMailboxId?: string;
}) {
  return (
    <Dialog
      size="lg"
      title={`Configure your mailbox in ${platform}`}
      description={`${platform} cannot receive mail for your own domain directly. Forward ${address} to the alias below; everything that reaches the alias is this mailbox's incoming mail.`}
      trigger={
        <Button variant="secondary" size="sm">
          <Info className="size-4" aria-hidden />
          Configure your mailbox in {platform}
        </Button>
      }
    >
      <div className="space-y-5 text-sm text-slate-700">
        {demoMailboxId && <DemoCreateRule mailboxId={demoMailboxId} address={address} />}
        <div className="flex flex-wrap items-center gap-2 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
          <span className="text-slate-600">Alias</span>
          <code className="font-mono text-sm font-medium text-slate-900">{alias}</code>
          <CopyButton text={alias} label="Copy alias" />
        </div>
        <ol className="list-decimal space-y-2 pl-5">
          <li>
            <span className="font-medium">Copy the alias</span> above.
          </li>
          <li>
            Open your email provider&apos;s <span className="font-medium">admin console</span>.
          </li>
          <li>
            Create a <span className="font-medium">forwarding rule</span> from{" "}
            <span className="font-medium">{address}</span> to the alias. Keep a copy in the original mailbox if you want
            one.
          </li>
          <li>
            <span className="font-medium">Save</span> the rule.
          </li>
          <li>
            <span className="font-medium">Send a test email</span> to {address} and check that it appears under
            Forwarding on this page (or use “Verify forwarding”).
          </li>
        </ol>
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="rounded-lg p-3 ring-1 ring-slate-200">
            <p className="font-semibold text-slate-900">Google Workspace</p>
            <p className="mt-1">
              Admin console → Apps → Google Workspace → Gmail → <span className="font-medium">Routing</span>: add a
              routing setting for {address} that changes the envelope recipient to the alias. For a single Gmail
              account, add the alias under Settings → Forwarding and POP/IMAP; Gmail then sends a confirmation code to
              the alias, shown on this page.
            </p>
          </div>
          <div className="rounded-lg p-3 ring-1 ring-slate-200">
            <p className="font-semibold text-slate-900">Microsoft 365</p>
            <p className="mt-1">
              Exchange admin center → Mail flow → <span className="font-medium">Rules</span>: add a rule “if the message
              is sent to {address}, redirect it to” the alias. Microsoft 365 blocks automatic forwarding to external
              addresses by default (bounce 550 5.7.520): allow it in the outbound spam filter policy.
            </p>
          </div>
        </div>
      </div>
    </Dialog>
  );
}
