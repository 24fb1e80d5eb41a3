"use client";
import { useEffect, useRef } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";

/**
 * Keeps a form's input across a sign-in (sessionStorage, this tab only): `save()` before sending the person to
 * sign in; on the next visit the draft is restored into the form once and removed.
 */
export function useFormDraft<T extends FieldValues>(key: string, form: UseFormReturn<T>) {
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    const raw = sessionStorage.getItem(key);
    if (!raw) return;
    sessionStorage.removeItem(key);
    try {
      form.reset(JSON.parse(raw) as T, { keepDefaultValues: true });
      void form.trigger();
    } catch {}
  }, [key, form]);
  return { save: () => sessionStorage.setItem(key, JSON.stringify(form.getValues())) };
}

/**
 * The unsaved-changes guard (S2, S3): the browser asks before closing or reloading the tab, and following a link
 * inside the app asks first, while the form has changes that were not saved.
 */
export function useUnsavedChangesGuard(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      const a = (e.target as Element).closest?.("a[href]") as HTMLAnchorElement | null;
      if (!a || a.target || a.hasAttribute("download") || a.dataset.keepsDraft !== undefined) return;
      if (!window.confirm("Leave this page? Your changes have not been saved.")) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty]);
}
