import { MAX_QUEUE_MAILBOXES } from "@/lib/queues/schemas";

/** "3 of 20" with a small gauge (R15), drawn by app/queues.css's `.qc`. */
export function QueueCapacity({ count }: { count: number }) {
  const full = count >= MAX_QUEUE_MAILBOXES;
  return (
    <span
      className={full ? "qc full" : "qc"}
      style={{ "--w": `${Math.min(100, (count / MAX_QUEUE_MAILBOXES) * 100)}%` } as React.CSSProperties}
    >
      {`${count} of ${MAX_QUEUE_MAILBOXES}`}
      <i aria-hidden />
    </span>
  );
}
