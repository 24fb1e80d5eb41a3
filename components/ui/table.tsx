import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** A table; `cards` makes it one card per row below 768 px (globals.css .rt) instead of scrolling sideways. */
export function Table({ className, cards, ...props }: ComponentProps<"table"> & { cards?: boolean }) {
  return (
    <div className={cards ? undefined : "overflow-x-auto"}>
      <table className={cn("w-full border-collapse text-left text-sm", cards && "rt", className)} {...props} />
    </div>
  );
}
export function Th({ className, ...props }: ComponentProps<"th">) {
  return <th className={cn("border-b border-slate-200 bg-slate-50 px-3 py-2 text-xs font-semibold tracking-wide text-slate-600 uppercase", className)} {...props} />;
}
export function Td({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("border-b border-slate-100 px-3 py-2.5 align-middle text-slate-800", className)} {...props} />;
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
