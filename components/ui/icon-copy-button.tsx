"use client";
import { useState } from "react";
import { toast } from "sonner";

/**
 * A small copy button for lists (S1: one per row). Says "Copied" in a toast (a live region); when the Clipboard
 * API is refused it shows the text in a prompt-free toast so it can be selected and copied by hand.
 */
export function IconCopyButton({ text, label }: { text: string; label: string }) {
  const [done, setDone] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setDone(true);
      toast.success(`Copied ${text}`);
      setTimeout(() => setDone(false), 2000);
    } catch {
      toast(`Copy it by hand: ${text}`, { duration: 10000 });
    }
  }
  return (
    // The icon is a CSS mask (globals.css .i-*), not an inline SVG: this button is repeated on every S1 row.
    <button type="button" onClick={copy} aria-label={label} className={done ? "ib i-check" : "ib i-copy"} />
  );
}
