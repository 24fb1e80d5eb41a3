"use client";
import { DropdownMenu as M } from "radix-ui";
import { toast } from "sonner";
import { setListColumnsAction } from "@/lib/actions/mailboxes";
import { Button } from "@/components/ui/button";
import { OPTIONAL_COLUMNS, type OptionalColumn } from "./mailbox-columns";

const item =
  "flex min-h-8 cursor-default items-center gap-2 rounded px-2 py-1.5 text-sm text-slate-800 outline-none data-[highlighted]:bg-slate-100";

/**
 * S1's column chooser (H6 item 2): which optional columns to show, remembered per admin (their membership). The
 * table also hides, by itself, what does not fit its width (each column's priority, mailbox-columns.tsx).
 */
export function MailboxColumnChooser({
  hidden,
  onChange,
}: {
  hidden: OptionalColumn[];
  onChange: (hidden: OptionalColumn[]) => void;
}) {
  const toggle = (id: OptionalColumn, show: boolean) => {
    const next = show ? hidden.filter((h) => h !== id) : [...hidden, id];
    onChange(next);
    setListColumnsAction({ hidden: next }).then(
      (r) =>
        void (!r?.data && toast.error("Your column choice could not be saved; it applies until you leave the page.")),
      () => toast.error("Your column choice could not be saved; it applies until you leave the page."),
    );
  };
  return (
    <M.Root modal={false}>
      <M.Trigger asChild>
        <Button variant="secondary" className="max-md:hidden">
          <span className="ic ic-columns" aria-hidden />
          Columns
        </Button>
      </M.Trigger>
      <M.Content
        align="end"
        sideOffset={4}
        className="z-50 min-w-56 rounded-lg bg-white p-1 shadow-lg ring-1 ring-slate-200"
      >
        <M.Label className="px-2 py-1.5 text-xs text-slate-500">Shown when the screen is wide enough</M.Label>
        {OPTIONAL_COLUMNS.map((c) => (
          <M.CheckboxItem
            key={c.id}
            className={item}
            checked={!hidden.includes(c.id)}
            onCheckedChange={(on) => toggle(c.id, on === true)}
            onSelect={(e) => e.preventDefault()}
          >
            <span className="flex size-4 items-center justify-center rounded-sm ring-1 ring-slate-400">
              <M.ItemIndicator className="ic i-check size-3.5" />
            </span>
            {c.label}
          </M.CheckboxItem>
        ))}
      </M.Content>
    </M.Root>
  );
}
