"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

const sections = [
  { heading: "Endpoints", items: [{ href: "/maker/mailboxes", label: "Mailboxes", icon: "ic-inbox" }] },
  { heading: "Routing", items: [{ href: "/maker/queues", label: "Queues", icon: "ic-queues" }] },
  { heading: "Organisation", items: [{ href: "/maker/settings", label: "Settings", icon: "ic-settings" }] },
];

export function SideNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Maker" className="space-y-6">
      {sections.map((s) => (
        <div key={s.heading}>
          <p className="px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">{s.heading}</p>
          <ul className="mt-2 space-y-0.5">
            {s.items.map(({ href, label, icon }) => {
              const active = pathname === href || pathname.startsWith(`${href}/`);
              return (
                <li key={href}>
                  <Link
                    href={href}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "flex items-center gap-2.5 rounded-md px-3 py-2 text-sm font-medium",
                      active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100",
                    )}
                  >
                    {/* icons drawn in CSS (globals.css .ic-*): the frame is on every page */}
                    <span className={`ic ${icon}`} aria-hidden />
                    {label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
