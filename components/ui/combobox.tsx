"use client";
import { Command } from "cmdk";
import { Check, ChevronsUpDown } from "lucide-react";
import { Popover } from "radix-ui";
import { useState } from "react";
import { cn } from "@/lib/cn";
import { fieldControlClass } from "./input";

export type ComboboxOption = { value: string; label: string };

/** A searchable single choice (for long lists such as the IANA time zones), keyboard-usable. */
export function Combobox(props: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly ComboboxOption[];
  placeholder?: string;
  searchPlaceholder?: string;
  invalid?: boolean;
  describedBy?: string;
  onBlur?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const selected = props.options.find((o) => o.value === props.value);
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <button
          id={props.id}
          type="button"
          role="combobox"
          aria-expanded={open}
          aria-controls={`${props.id}-listbox`}
          aria-invalid={props.invalid || undefined}
          aria-describedby={props.describedBy}
          onBlur={props.onBlur}
          className={cn(fieldControlClass, "flex h-9 items-center justify-between text-left")}
        >
          <span className={cn("truncate", !selected && "text-slate-500")}>
            {selected?.label ?? props.placeholder ?? "Choose…"}
          </span>
          <ChevronsUpDown className="size-4 shrink-0 text-slate-400" aria-hidden />
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={4}
          className="z-50 w-[var(--radix-popover-trigger-width)] min-w-64 rounded-md bg-white shadow-lg ring-1 ring-slate-200"
        >
          <Command label={props.searchPlaceholder ?? "Search"}>
            <Command.Input
              placeholder={props.searchPlaceholder ?? "Search…"}
              className="w-full border-b border-slate-100 px-3 py-2 text-sm outline-none"
            />
            <Command.List id={`${props.id}-listbox`} className="max-h-64 overflow-y-auto p-1">
              <Command.Empty className="px-3 py-2 text-sm text-slate-500">No match.</Command.Empty>
              {props.options.map((o) => (
                <Command.Item
                  key={o.value}
                  value={`${o.label} ${o.value}`}
                  onSelect={() => {
                    props.onChange(o.value);
                    setOpen(false);
                  }}
                  className="flex cursor-pointer items-center justify-between rounded px-2 py-1.5 text-sm data-[selected=true]:bg-brand-50 data-[selected=true]:text-brand-700"
                >
                  <span>{o.label}</span>
                  {o.value === props.value && <Check className="size-4" aria-hidden />}
                </Command.Item>
              ))}
            </Command.List>
          </Command>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
