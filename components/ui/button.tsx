import { Slot } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

// Short classes defined once in globals.css (.btn*): a list page repeats buttons, and every class list is sent twice
// (HTML and payload). Utilities passed in `className` win over them (components layer).
const variants = { primary: "btn-p", secondary: "btn-s", ghost: "btn-g", danger: "btn-d" } as const;
const sizes = { sm: "btn-sm", md: "btn-md", icon: "btn-i" } as const;

export type ButtonProps = ComponentProps<"button"> & {
  variant?: keyof typeof variants;
  size?: keyof typeof sizes;
  asChild?: boolean;
  /** Waiting for the server: a spinner, aria-busy, and clicks ignored (focus stays on the button). */
  pending?: boolean;
};

export function Button({
  variant = "primary",
  size = "md",
  asChild,
  className,
  type,
  pending,
  children,
  onClick,
  ...props
}: ButtonProps) {
  const Comp = asChild ? Slot.Root : "button";
  if (pending && !asChild) {
    return (
      <button
        type={type ?? "button"}
        className={cn("btn", variants[variant], sizes[size], className)}
        {...props}
        aria-busy
        aria-disabled
        onClick={(e) => e.preventDefault()}
      >
        <span className="spin" aria-hidden />
        {children}
      </button>
    );
  }
  return (
    <Comp
      type={asChild ? undefined : (type ?? "button")}
      className={cn("btn", variants[variant], sizes[size], className)}
      onClick={onClick}
      {...props}
    >
      {children}
    </Comp>
  );
}
