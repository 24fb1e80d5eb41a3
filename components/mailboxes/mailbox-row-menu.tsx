"use client";
import { Copy, ExternalLink, Pencil } from "lucide-react";
import Link from "next/link";
import { DropdownMenu as M } from "radix-ui";
import { useEffect, useRef } from "react";
import { toast } from "sonner";

const item =
  "flex cursor-default items-center gap-2 rounded px-2 py-1.5 text-sm text-slate-800 outline-none data-[highlighted]:bg-slate-100";

/**
 * S1's row actions: open, edit, copy alias (Radix menu: arrow keys, Escape, focus back on the trigger). MailboxList
 * mounts it, open, in place of a row's plain menu button when that button is first used.
 */
export function MailboxRowMenu({
  id,
  name,
  alias,
  defaultOpen,
  focusFirst,
}: {
  id: string;
  name: string;
  alias: string;
  defaultOpen?: boolean;
  focusFirst?: boolean;
}) {
  // Opened from the keyboard before this menu existed, Radix cannot know it: focus the first item as its own
  // trigger does on Enter, Space or ArrowDown (after Radix has focused the content).
  const first = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (!focusFirst) return;
    const frame = requestAnimationFrame(() => first.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusFirst]);
  return (
    <M.Root modal={false} defaultOpen={defaultOpen}>
      <M.Trigger aria-label={`Actions for ${name}`} />
      {/* Not portalled: the menu stays inside the page's main landmark. */}
      <M.Content
        align="end"
        sideOffset={4}
        className="z-50 min-w-44 rounded-lg bg-white p-1 shadow-lg ring-1 ring-slate-200"
      >
        <M.Item asChild className={item}>
          <Link ref={first} href={`/maker/mailboxes/${id}`}>
            <ExternalLink className="size-4" aria-hidden />
            Open
          </Link>
        </M.Item>
        <M.Item asChild className={item}>
          <Link href={`/maker/mailboxes/${id}/edit`}>
            <Pencil className="size-4" aria-hidden />
            Edit
          </Link>
        </M.Item>
        <M.Item
          className={item}
          onSelect={async () => {
            try {
              await navigator.clipboard.writeText(alias);
              toast.success(`Copied ${alias}`);
            } catch {
              toast(`Copy it by hand: ${alias}`, { duration: 10000 });
            }
          }}
        >
          <Copy className="size-4" aria-hidden />
          Copy alias
        </M.Item>
      </M.Content>
    </M.Root>
  );
}
