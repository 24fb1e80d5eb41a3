"use client";
import { Search } from "lucide-react";
import { useId, useState } from "react";
import type { QueueChoice } from "@/lib/mailboxes/schemas";

export type QueueOption = { id: string; name: string; mailboxCount: number; hasDefault: boolean };

/**
 * S2/S3's Queues field: a searchable multi-select (a filter above a list of checkboxes, so Tab and Space are all
 * it takes), and for each chosen queue "make this the default sender" where R17 allows it (an active mailbox).
 * The server links through the queue services under R15-R17 and reports each refusal.
 */
export function QueuesField(props: {
  options: QueueOption[];
  value: QueueChoice[];
  onChange: (value: QueueChoice[]) => void;
  /** The queues it is already in, and where it is already the default. */
  linked: { id: string; isDefault: boolean }[];
  canBeDefault: boolean;
  max: number;
}) {
  const [q, setQ] = useState("");
  const id = useId();
  const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const shown = props.options.filter((o) => fold(o.name).includes(fold(q.trim())));
  const chosen = new Map(props.value.map((c) => [c.queueId, c.makeDefault]));
  const set = (queueId: string, on: boolean, makeDefault = false) =>
    props.onChange(
      on
        ? [...props.value.filter((c) => c.queueId !== queueId), { queueId, makeDefault }]
        : props.value.filter((c) => c.queueId !== queueId),
    );

  if (props.options.length === 0)
    return (
      <p className="text-sm text-slate-600">
        Your organisation has no queue yet. Create queues under Queues, then link this mailbox to them.
      </p>
    );
  return (
    <div id="queues" className="space-y-2">
      <div className="relative">
        <label htmlFor={`${id}-q`} className="sr-only">
          Search queues
        </label>
        <Search className="pointer-events-none absolute top-2.5 left-3 size-4 text-slate-400" aria-hidden />
        <input
          id={`${id}-q`}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Search queues"
          className="block h-9 w-full rounded-md border-0 bg-white pr-3 pl-9 text-sm shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none"
        />
      </div>
      <fieldset>
        <legend className="sr-only">Queues</legend>
        <ul className="max-h-64 divide-y divide-slate-100 overflow-y-auto rounded-md ring-1 ring-slate-200">
          {shown.map((o) => {
            const on = chosen.has(o.id);
            const wasLinked = props.linked.find((l) => l.id === o.id);
            const full = !wasLinked && o.mailboxCount >= props.max;
            const firstOne = !o.hasDefault && !wasLinked;
            return (
              <li key={o.id} className="px-3 py-2">
                <span className="flex items-center gap-2 text-sm">
                  <label className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      className="size-4 accent-brand-600"
                      checked={on}
                      disabled={full && !on}
                      aria-describedby={`${id}-${o.id}`}
                      onChange={(e) => set(o.id, e.target.checked, wasLinked?.isDefault ?? false)}
                    />
                    <span className="font-medium text-slate-900">{o.name}</span>
                  </label>
                  <span id={`${id}-${o.id}`} className="text-xs text-slate-500">
                    {full ? `full (${props.max} mailboxes)` : `${o.mailboxCount} of ${props.max}`}
                  </span>
                </span>
                {on &&
                  (firstOne ? (
                    <p className="mt-1 ml-6 text-xs text-slate-600">
                      The first mailbox of a queue becomes its default sender.
                    </p>
                  ) : props.canBeDefault || wasLinked?.isDefault ? (
                    <label className="mt-1 ml-6 flex items-center gap-2 text-xs text-slate-700">
                      <input
                        type="checkbox"
                        className="size-3.5 accent-brand-600"
                        checked={chosen.get(o.id) ?? false}
                        disabled={wasLinked?.isDefault}
                        onChange={(e) => set(o.id, true, e.target.checked)}
                      />
                      {wasLinked?.isDefault
                        ? `Default sender of ${o.name} (make another mailbox the default to change it)`
                        : `Make this mailbox the default sender of ${o.name}`}
                    </label>
                  ) : (
                    <p className="mt-1 ml-6 text-xs text-slate-500">
                      An inactive mailbox cannot be a queue&apos;s default sender.
                    </p>
                  ))}
              </li>
            );
          })}
          {shown.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">No queue matches “{q}”.</li>}
        </ul>
      </fieldset>
      <p className="text-xs text-slate-500" aria-live="polite">
        {props.value.length === 0 ? "Not linked to any queue." : `${props.value.length} selected.`}
      </p>
    </div>
  );
}
