"use client";
import { Check, Copy } from "lucide-react";
import { useRef, useState } from "react";
import { cn } from "@/lib/cn";
import { Button } from "./button";

/**
 * Copies a text to the clipboard and says "Copied". When the Clipboard API is denied (no permission, an
 * insecure origin), it falls back to selecting the text so that Ctrl+C / ⌘C copies it, and says so.
 */
export function CopyButton(props: {
  text: string;
  label: string;
  srLabel?: string;
  size?: "sm" | "icon";
  className?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "manual">("idle");
  const fallback = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  async function copy() {
    clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(props.text);
      setState("copied");
    } catch {
      const input = fallback.current;
      let copied = false;
      if (input) {
        input.hidden = false;
        input.select();
        try {
          copied = document.execCommand("copy");
        } catch {}
      }
      setState(copied ? "copied" : "manual");
      if (copied && input) input.hidden = true;
    }
    timer.current = setTimeout(() => setState((s) => (s === "copied" ? "idle" : s)), 2000);
  }

  return (
    <span className={cn("inline-flex items-center gap-2", props.className)}>
      <Button
        variant="secondary"
        size={props.size === "icon" ? "icon" : "sm"}
        onClick={copy}
        // An icon-only button is named by its label; a text button by its visible text.
        aria-label={props.size === "icon" ? (props.srLabel ?? props.label) : undefined}
        title={props.srLabel ?? props.label}
      >
        {state === "copied" ? (
          <Check className="size-4 text-emerald-600" aria-hidden />
        ) : (
          <Copy className="size-4" aria-hidden />
        )}
        {props.size !== "icon" && (state === "copied" ? "Copied" : props.label)}
      </Button>
      <input
        ref={fallback}
        hidden
        readOnly
        value={props.text}
        aria-label={`${props.label}: text to copy`}
        className="w-56 rounded border border-slate-300 px-2 py-1 font-mono text-xs"
      />
      <span
        role="status"
        aria-live="polite"
        className={cn("text-xs", state === "manual" ? "text-amber-800" : "sr-only")}
      >
        {state === "copied" ? "Copied" : state === "manual" ? "Press Ctrl+C (⌘C on a Mac) to copy." : ""}
      </span>
    </span>
  );
}
