"use client";
import { X } from "lucide-react";
import { Dialog as D } from "radix-ui";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** A modal dialog (Radix: focus trap, Escape, labelled by its title and description). */
export function Dialog(props: {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  trigger?: ReactNode;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  footer?: ReactNode;
  size?: "md" | "lg";
}) {
  return (
    <D.Root open={props.open} onOpenChange={props.onOpenChange}>
      {props.trigger && <D.Trigger asChild>{props.trigger}</D.Trigger>}
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-slate-900/40 backdrop-blur-[1px]" />
        <D.Content
          className={cn(
            "fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white p-6 shadow-xl ring-1 ring-slate-200 focus:outline-none",
            props.size === "lg" ? "max-w-2xl" : "max-w-md",
          )}
          {...(props.description ? {} : { "aria-describedby": undefined })}
        >
          <div className="flex items-start justify-between gap-4">
            <D.Title className="text-lg font-semibold text-slate-900">{props.title}</D.Title>
            <D.Close
              className="-m-1 rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
              aria-label="Close"
            >
              <X className="size-5" aria-hidden />
            </D.Close>
          </div>
          {props.description && (
            <D.Description className="mt-2 text-sm text-slate-600">{props.description}</D.Description>
          )}
          {props.children && <div className="mt-4">{props.children}</div>}
          {props.footer && <div className="mt-6 flex flex-wrap justify-end gap-2">{props.footer}</div>}
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

export const DialogClose = D.Close;
