"use client";
import { Check, ChevronsUpDown } from "lucide-react";
import { Popover } from "radix-ui";
import { useId, useMemo, useRef, useState } from "react";
import { cn } from "@/lib/cn";
import {
  canonicalTimeZone,
  formatOffset,
  intlTimeZone,
  searchTimeZones,
  zoneLabel,
  ZONE_OPTIONS,
  type ZoneOption,
} from "@/lib/org/time-zones";
import { fieldControlClass } from "./input";

/**
 * A time zone picker built for people (R5): canonical names from the tz database, searchable by city, country,
 * abbreviation, UTC offset or legacy name, accent-insensitive, best matches first; each option shows its offset
 * and current local time. A named dialog popover with a listbox (aria-activedescendant), keyboard-usable.
 */
export function TimeZonePicker(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** Offer "Default (…)" as the empty value. */
  defaultLabel?: string;
  invalid?: boolean;
  describedBy?: string;
}) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const now = useMemo(() => (open ? new Date() : null), [open]);
  const results = useMemo(() => searchTimeZones(query), [query]);
  const items: (ZoneOption | null)[] = useMemo(
    () => (props.defaultLabel && !query ? [null, ...results] : results),
    [props.defaultLabel, query, results],
  );
  const value = props.value ? canonicalTimeZone(props.value) : "";
  const current = ZONE_OPTIONS.find((z) => z.name === value);
  const shown = props.value
    ? `${zoneLabel(value)}${current ? ` (${formatOffset(current.offsetMinutes)})` : ""}`
    : (props.defaultLabel ?? "Choose a time zone…");

  const localTime = (z: ZoneOption) =>
    now
      ? new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: intlTimeZone(z.name) }).format(
          now,
        )
      : "";
  const choose = (z: ZoneOption | null) => {
    props.onChange(z ? z.name : "");
    setOpen(false);
  };
  const move = (to: number) => {
    const i = Math.max(0, Math.min(items.length - 1, to));
    setActive(i);
    listRef.current?.children[i]?.scrollIntoView({ block: "nearest" });
  };
  const optionId = (i: number) => `${listId}-o${i}`;

  return (
    <Popover.Root
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setQuery("");
          const i = (props.defaultLabel ? [null, ...ZONE_OPTIONS] : ZONE_OPTIONS).findIndex(
            (z) => (z?.name ?? "") === value,
          );
          setActive(Math.max(0, i));
        }
      }}
    >
      <Popover.Trigger asChild>
        <button
          id={props.id}
          type="button"
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-describedby={props.describedBy}
          data-invalid={props.invalid || undefined}
          onBlur={props.onBlur}
          className={cn(
            fieldControlClass,
            "flex h-9 items-center justify-between text-left",
            props.invalid && "ring-red-500",
          )}
        >
          <span className="min-w-0 truncate">{shown}</span>
          <ChevronsUpDown className="size-4 shrink-0 text-slate-400" aria-hidden />
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          role="dialog"
          aria-label="Choose a time zone"
          align="start"
          sideOffset={4}
          onOpenAutoFocus={() =>
            requestAnimationFrame(() => listRef.current?.children[active]?.scrollIntoView({ block: "nearest" }))
          }
          className="z-50 w-[min(26rem,calc(100vw-2rem))] rounded-md bg-white shadow-lg ring-1 ring-slate-200"
        >
          <input
            autoFocus
            role="combobox"
            aria-label="Search time zones by city, country, abbreviation or UTC offset"
            aria-expanded="true"
            aria-controls={listId}
            aria-activedescendant={items.length ? optionId(active) : undefined}
            aria-autocomplete="list"
            placeholder="City, country, abbreviation or UTC+2"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
              listRef.current?.scrollTo({ top: 0 });
            }}
            onKeyDown={(e) => {
              const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 }[e.key];
              if (step) {
                e.preventDefault();
                move(active + step);
              } else if (e.key === "Enter" && items.length) {
                e.preventDefault();
                choose(items[active]);
              }
            }}
            className="w-full border-b border-slate-100 px-3 py-2 text-sm outline-none"
          />
          <ul ref={listRef} id={listId} role="listbox" aria-label="Time zones" className="max-h-72 overflow-y-auto p-1">
            {items.map((z, i) => {
              const selected = (z?.name ?? "") === value;
              return (
                <li
                  key={z?.name ?? "default"}
                  id={optionId(i)}
                  role="option"
                  aria-selected={selected}
                  onMouseMove={() => active !== i && setActive(i)}
                  onClick={() => choose(z)}
                  className={cn(
                    "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm",
                    i === active && "bg-brand-50 text-brand-800",
                  )}
                >
                  {z ? (
                    <span className="min-w-0 flex-1">
                      <span className="flex items-baseline justify-between gap-2">
                        <span className="font-medium">{z.label}</span>
                        <span className="shrink-0 text-xs text-slate-600 tabular-nums">
                          {formatOffset(z.offsetMinutes)} · {localTime(z)}
                        </span>
                      </span>
                      <span className="block truncate text-xs text-slate-600">
                        {[z.country, z.cities.slice(0, 3).join(", "), z.abbreviations[0]].filter(Boolean).join(" · ")}
                      </span>
                    </span>
                  ) : (
                    <span className="flex-1 font-medium">{props.defaultLabel}</span>
                  )}
                  {selected && <Check className="size-4 shrink-0" aria-hidden />}
                </li>
              );
            })}
            {items.length === 0 && (
              <li className="px-3 py-2 text-sm text-slate-600">
                No time zone matches “{query}”. Try a city or an offset such as UTC+2.
              </li>
            )}
          </ul>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
