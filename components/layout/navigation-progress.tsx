"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * A thin bar at the top while a page is on its way: starts when an in-app link is followed, ends when the new
 * URL renders (or after 15 s). Announced once to screen readers as "Loading". The click is seen in the capture
 * phase, before Next's `Link` (or S1's delegated row links) call preventDefault to navigate in the app; code that
 * navigates without a link calls `startNavigationProgress()`.
 */
const START = "navigation-progress:start";

/** Shows the bar for a navigation started in code (router.push / replace), as a followed link shows it. */
export function startNavigationProgress() {
  window.dispatchEvent(new Event(START));
}

export function NavigationProgress() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const url = `${pathname}?${search}`;
  const [loading, setLoading] = useState(false);
  const [seen, setSeen] = useState(url);
  if (seen !== url) {
    setSeen(url);
    setLoading(false);
  }
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element).closest?.("a[href]") as HTMLAnchorElement | null;
      if (!a || a.target || a.hasAttribute("download") || a.origin !== location.origin) return;
      if (a.pathname + a.search === location.pathname + location.search) return;
      setLoading(true);
    };
    const onStart = () => setLoading(true);
    document.addEventListener("click", onClick, true);
    window.addEventListener(START, onStart);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener(START, onStart);
    };
  }, []);
  useEffect(() => {
    if (!loading) return;
    const t = setTimeout(() => setLoading(false), 15000);
    return () => clearTimeout(t);
  }, [loading]);
  return (
    <div aria-live="polite" className="pointer-events-none fixed inset-x-0 top-0 z-[60] h-0.5">
      {loading && (
        <>
          <div className="nav-progress h-full bg-brand-600" data-testid="navigation-progress" />
          <span className="sr-only">Loading</span>
        </>
      )}
    </div>
  );
}
