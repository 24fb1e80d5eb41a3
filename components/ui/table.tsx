import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** A table; `cards` makes it one card per row below 768 px (globals.css .rt) instead of scrolling sideways. */
export function Table({ className, cards, ...props }: ComponentProps<"table"> & { cards?: boolean }) {
  return (
    <div className={cards ? undefined : "overflow-x-auto"}>
      <table className={cn("tbl", cards && "rt", className)} {...props} />
    </div>
  );
}
// A cell's look comes from the table's .tbl (app/globals.css); a className here adds to it (utilities win).
export function Th(props: ComponentProps<"th">) {
  return <th {...props} />;
}
export function Td(props: ComponentProps<"td">) {
  return <td {...props} />;
}
export function EmptyState(props: { title: string; children?: React.ReactNode; action?: React.ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center gap-2 px-6 py-12 text-center">
      <p className="text-sm font-semibold text-slate-800">{props.title}</p>
      {props.children && <div className="max-w-md text-sm text-slate-500">{props.children}</div>}
      {props.action && <div className="mt-2">{props.action}</div>}
    </div>
  );
}
