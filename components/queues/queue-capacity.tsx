import { cn } from "@/lib/cn";
import { MAX_QUEUE_MAILBOXES } from "@/lib/queues/schemas";

/** "3 of 20" with a small gauge (R15). */
export function QueueCapacity({ count, className }: { count: number; className?: string }) {
  const full = count >= MAX_QUEUE_MAILBOXES;
  return (
    <span className={cn("inline-flex items-center gap-2", className)}>
      <span className={cn("tabular-nums", full ? "font-medium text-amber-800" : "text-slate-700")}>
        {count} of {MAX_QUEUE_MAILBOXES}
      </span>
      <span className="h-1.5 w-14 overflow-hidden rounded-full bg-slate-100" aria-hidden>
        <span
          className={cn("block h-full rounded-full", full ? "bg-amber-500" : "bg-brand-500")}
          style={{ width: `${Math.min(100, (count / MAX_QUEUE_MAILBOXES) * 100)}%` }}
        />
      </span>
    </span>
  );
}
