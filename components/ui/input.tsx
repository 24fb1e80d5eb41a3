import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** A form control's look, defined once in globals.css (.fc); utilities passed in `className` win over it. */
export const fieldControlClass = "fc";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn("fc fc-i", className)} {...props} />;
}

export function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn("fc fc-s", className)} {...props} />;
}
