"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose } from "@/components/ui/dialog";
import { Input, NativeSelect } from "@/components/ui/input";
import { HEALTH_STATES } from "@/lib/mailbox-state/derive-mailbox-state";
import { HEALTH_FILTER_LABEL } from "@/lib/mailbox-state/state-map";
import { viewSearch, type ListView } from "@/lib/mailboxes/mailbox-list-view";
import { startNavigationProgress } from "@/components/layout/navigation-progress";

/** S1's filters: they change the URL, and the server renders the matching rows. */
export function MailboxFilters({ view }: { view: ListView }) {
  const router = useRouter();
  // The filters' own state is the truth while the server catches up, so quick changes never undo each other.
  const [q, setQ] = useState(view.q);
  const [status, setStatus] = useState(view.status);
  const [health, setHealth] = useState(view.health);
  const [sending, setSending] = useState(view.sending);
  // When the URL changes another way (a sort link, Back), the selects follow it.
  const [seen, setSeen] = useState(view);
  if (seen !== view) {
    setSeen(view);
    setStatus(view.status);
    setHealth(view.health);
    setSending(view.sending);
  }
  const [pending, start] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const go = (patch: Partial<ListView>) => {
    clearTimeout(timer.current);
    const url = `/maker/mailboxes${viewSearch(view, { q, status, health, sending, ...patch })}`;
    if (url === location.pathname + location.search) return;
    startNavigationProgress();
    start(() => router.replace(url, { scroll: false }));
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  const selects = (idp: string) => (
    <>
      <label
        htmlFor={`${idp}status`}
        className="flex items-center gap-2 text-sm whitespace-nowrap text-slate-600 max-md:justify-between"
      >
        <span className="md:sr-only">Status</span>
        <NativeSelect
          id={`${idp}status`}
          value={status}
          onChange={(e) => {
            const v = e.target.value as ListView["status"];
            setStatus(v);
            go({ status: v });
          }}
          className="w-36 max-md:w-48"
        >
          <option value="all">All statuses</option>
          <option value="active">Active</option>
          <option value="inactive">Inactive</option>
        </NativeSelect>
      </label>
      <label
        htmlFor={`${idp}health`}
        className="flex items-center gap-2 text-sm whitespace-nowrap text-slate-600 max-md:justify-between"
      >
        <span className="md:sr-only">Forwarding</span>
        <NativeSelect
          id={`${idp}health`}
          value={health}
          onChange={(e) => {
            const v = e.target.value as ListView["health"];
            setHealth(v);
            go({ health: v });
          }}
          className="w-44 max-md:w-48"
        >
          <option value="all">All forwarding</option>
          {HEALTH_STATES.map((h) => (
            <option key={h} value={h}>
              {HEALTH_FILTER_LABEL[h]}
            </option>
          ))}
        </NativeSelect>
      </label>
      <label
        htmlFor={`${idp}sending`}
        className="flex items-center gap-2 text-sm whitespace-nowrap text-slate-600 max-md:justify-between"
      >
        <span className="md:sr-only">Sending</span>
        <NativeSelect
          id={`${idp}sending`}
          value={sending}
          onChange={(e) => {
            const v = e.target.value as ListView["sending"];
            setSending(v);
            go({ sending: v });
          }}
          className="w-40 max-md:w-48"
        >
          <option value="all">All sending</option>
          <option value="ready">Ready to send</option>
          <option value="cannot">Cannot send</option>
        </NativeSelect>
      </label>
    </>
  );
  const [sheet, setSheet] = useState(false);
  const active = (status !== "all" ? 1 : 0) + (health !== "all" ? 1 : 0) + (sending !== "all" ? 1 : 0);

  return (
    <div className="flex flex-1 items-center gap-2" aria-busy={pending}>
      <div className="relative min-w-0 flex-1 md:max-w-md md:min-w-64">
        <label htmlFor="mailbox-filter" className="sr-only">
          Filter mailboxes
        </label>
        <span className="ic ic-search pointer-events-none absolute top-2.5 left-3 text-slate-400" aria-hidden />
        <Input
          id="mailbox-filter"
          type="search"
          placeholder="Search name, address, queue…"
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
      {/* Phones: the two selects in a sheet behind one button (H6 item 3); wider: in the row. */}
      <div className="flex items-center gap-2 max-md:hidden">{selects("")}</div>
      <Button variant="secondary" className="md:hidden" onClick={() => setSheet(true)} aria-haspopup="dialog">
        <span className="ic ic-filter" aria-hidden />
        {`Filters${active ? ` (${active})` : ""}`}
      </Button>
      <Dialog
        open={sheet}
        onOpenChange={setSheet}
        title="Filter mailboxes"
        footer={
          <DialogClose asChild>
            <Button>Show mailboxes</Button>
          </DialogClose>
        }
      >
        <div className="flex flex-col gap-3">{selects("sheet-")}</div>
      </Dialog>
    </div>
  );
}
