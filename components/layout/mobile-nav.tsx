"use client";
import { X } from "lucide-react";
import { usePathname } from "next/navigation";
import { Dialog as D } from "radix-ui";
import { useEffect, useState } from "react";
import { SideNav } from "./side-nav";

/** Below 768 px: a menu button opening the Maker navigation in a focus-trapped, named sheet. */
export function MobileNav({ orgName }: { orgName?: string }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [seen, setSeen] = useState(pathname);
  if (seen !== pathname) {
    setSeen(pathname);
    setOpen(false);
  }
  useEffect(() => {
    const wide = window.matchMedia("(min-width: 768px)");
    const close = () => wide.matches && setOpen(false);
    wide.addEventListener("change", close);
    return () => wide.removeEventListener("change", close);
  }, []);
  return (
    <D.Root open={open} onOpenChange={setOpen}>
      <D.Trigger className="ib -ml-1 size-9 md:hidden" aria-label="Open navigation">
        <span className="ic ic-menu size-5" aria-hidden />
      </D.Trigger>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <D.Content
          className="fixed inset-y-0 left-0 z-50 w-72 max-w-[85vw] overflow-y-auto bg-white px-3 py-4 shadow-xl focus:outline-none"
          aria-describedby={undefined}
        >
          <div className="mb-4 flex items-center justify-between px-3">
            <D.Title className="text-base font-semibold text-slate-900">Navigation</D.Title>
            <D.Close className="ib size-9" aria-label="Close navigation">
              <X className="size-5" aria-hidden />
            </D.Close>
          </div>
          {orgName && <p className="mb-4 px-3 text-sm text-slate-600">{orgName}</p>}
          <SideNav />
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}
