"use client";
import { useState, useTransition } from "react";
import { loadOlderInboundMessagesAction } from "@/app/(maker)/maker/history-actions";
import { Button } from "@/components/ui/button";
import type { InboundMessageRow } from "@/lib/history/find-inbound-messages";
import { InboundMessageRowView } from "./inbound-message-row";

/** "Show older" under S4's inbound messages: the next page (keyset, stable order), appended to the table. */
export function ShowOlderInbound(props: { mailboxId: string; before: string; pageSize: number }) {
  const [rows, setRows] = useState<InboundMessageRow[]>([]);
  const [before, setBefore] = useState(props.before);
  const [more, setMore] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const now = new Date();

  const load = () =>
    startTransition(async () => {
      setError(null);
      const result = await loadOlderInboundMessagesAction({ mailboxId: props.mailboxId, before, limit: props.pageSize });
      const data = result?.data;
      if (!data) {
        setError(result?.serverError?.message ?? "The older messages could not be loaded. Try again.");
        return;
      }
      setRows((current) => [...current, ...data.messages]);
      if (data.messages.length > 0) setBefore(data.messages[data.messages.length - 1].id);
      setMore(data.hasOlder);
    });

  return (
    <>
      {rows.length > 0 && (
        <tbody>
          {rows.map((m) => (
            <InboundMessageRowView key={m.id} m={{ ...m, receivedAt: new Date(m.receivedAt) }} now={now} />
          ))}
        </tbody>
      )}
      <tfoot>
        <tr>
          <td colSpan={4} className="pt-3">
            {error && (
              <p role="alert" className="mb-2 text-sm text-red-700">
                {error}
              </p>
            )}
            {more ? (
              <Button variant="secondary" size="sm" onClick={load} disabled={pending}>
                {pending ? "Loading…" : "Show older"}
              </Button>
            ) : (
              <p className="text-xs text-slate-500">No older messages.</p>
            )}
          </td>
        </tr>
      </tfoot>
    </>
  );
}
