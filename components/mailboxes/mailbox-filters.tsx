"use client";
import { Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Input, NativeSelect } from "@/components/ui/input";
import { HEALTH_LABEL, viewSearch, type ListView, type MailboxHealth } from "@/lib/mailboxes/mailbox-list-view";

/** S1's filters: they change the URL, and the server renders the matching rows. */
export function MailboxFilters({ view }: { view: ListView }) {
  const router = useRouter();
  const [q, setQ] = useState(view.q);
  const [pending, start] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const go = (patch: Partial<ListView>) => start(() => router.replace(`/maker/mailboxes${viewSearch(view, patch)}`, { scroll: false }));
  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <div className="flex flex-wrap items-center gap-2" aria-busy={pending}>
      <div className="relative min-w-0 flex-1 basis-60">
        <label htmlFor="mailbox-filter" className="sr-only">Filter mailboxes</label>
        <Search className="pointer-events-none absolute top-2.5 left-3 size-4 text-slate-400" aria-hidden />
        <Input
          id="mailbox-filter"
          type="search"
          placeholder="Name, address, alias, queue or routing"
          value={q}
          onChange={(e) => {
            const v = e.target.value;
            setQ(v);
            clearTimeout(timer.current);
            timer.current = setTimeout(() => go({ q: v }), 250);
          }}
          className="pl-9"
        />
      </div>
      <label className="flex items-center gap-2 text-sm whitespace-nowrap text-slate-600">
        Status
        <NativeSelect value={view.status} onChange={(e) => go({ status: e.target.value as ListView["status"] })} className="w-28">
          <option value="all">All</option>
          <option value="active">Active</option>
          <option value="inactive">Inactive</option>
        </NativeSelect>
      </label>
      <label className="flex items-center gap-2 text-sm whitespace-nowrap text-slate-600">
        Forwarding
        <NativeSelect value={view.health} onChange={(e) => go({ health: e.target.value as ListView["health"] })} className="w-44">
          <option value="all">All</option>
          {(Object.keys(HEALTH_LABEL) as MailboxHealth[]).map((h) => (
            <option key={h} value={h}>{HEALTH_LABEL[h]}</option>
          ))}
        </NativeSelect>
      </label>
    </div>
  );
}
