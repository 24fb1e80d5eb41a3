import { AlertTriangle } from "lucide-react";
import Link from "next/link";

/** Shown on every Maker page while any mailbox of the organisation needs attention (R29). Data from the layout. */
export function AttentionBanner({ count, firstName }: { count: number; firstName: string | null }) {
  if (count === 0) return null;
  return (
    <div
      role="status"
      className="border-b border-red-200 bg-red-50 px-4 py-2.5 text-sm text-red-900 sm:px-6"
      data-testid="attention-banner"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <AlertTriangle className="size-4 shrink-0 text-red-700" aria-hidden />
        <span className="min-w-0 flex-1">
          {count === 1 ? (
            <>
              <span className="font-semibold">{firstName ?? "A mailbox"}</span> needs attention: its mail may not be
              reaching the platform.
            </>
          ) : (
            <>
              <span className="font-semibold">{count} mailboxes</span> need attention: their mail may not be reaching
              the platform.
            </>
          )}
        </span>
        <Link
          href="/maker/mailboxes?health=needs_attention"
          className="font-medium whitespace-nowrap text-red-900 underline underline-offset-2 hover:text-red-950"
        >
          Review mailboxes
        </Link>
      </div>
    </div>
  );
}
