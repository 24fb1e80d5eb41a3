import { Building2 } from "lucide-react";
import Link from "next/link";
import { Suspense } from "react";
import { MobileNav } from "@/components/layout/mobile-nav";
import { NavigationProgress } from "@/components/layout/navigation-progress";
import { SideNav } from "@/components/layout/side-nav";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { AttentionBanner } from "@/components/health/attention-banner";
import { OrgTimeZoneProvider } from "@/components/ui/time-ago";
import { getCurrentMember } from "@/lib/auth/guard";
import { findAttentionSummary } from "@/lib/health/find-attention-summary";

// The shell only shows who is signed in; every page checks access itself (R18).
export default async function MakerLayout({ children }: { children: React.ReactNode }) {
  const member = await getCurrentMember();
  const platform = process.env.PLATFORM_NAME ?? "INO cx";
  // R29: the banner while any mailbox needs attention (admins of licensed organisations: who can act on it).
  const attention = member?.role === "admin" && member.org.smartLicence ? await findAttentionSummary(member.org.id) : null;
  return (
    <div className="flex min-h-screen flex-col">
      <Suspense>
        <NavigationProgress />
      </Suspense>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white">
        <div className="flex h-14 items-center justify-between gap-3 px-4 sm:px-6">
          <div className="flex min-w-0 items-center gap-2">
            {member && <MobileNav orgName={member.org.name} />}
            <Link href="/maker/mailboxes" className="flex shrink-0 items-center gap-2 font-semibold text-slate-900">
              <span className="flex size-7 items-center justify-center rounded-md bg-brand-600 text-sm font-bold text-white" aria-hidden>
                {platform.slice(0, 1)}
              </span>
              <span className="max-sm:sr-only">{platform}</span>
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600">Maker</span>
            </Link>
          </div>
          {member && (
            <div className="flex min-w-0 items-center gap-3 text-sm">
              <span className="flex min-w-0 items-center gap-1.5 font-medium text-slate-800" data-testid="current-org">
                <Building2 className="size-4 shrink-0 text-slate-500" aria-hidden />
                <span className="truncate">{member.org.name}</span>
              </span>
              <span className="hidden h-5 w-px bg-slate-200 lg:block" aria-hidden />
              <span className="hidden text-slate-600 lg:inline" data-testid="current-user">
                {member.user.name} <span className="text-slate-500">· {member.role === "admin" ? "Administrator" : "Agent"}</span>
              </span>
              <SignOutButton />
            </div>
          )}
        </div>
      </header>
      {attention && <AttentionBanner count={attention.count} firstName={attention.firstName} />}
      <div className="flex flex-1">
        <aside className="hidden w-56 shrink-0 border-r border-slate-200 bg-white px-3 py-6 md:block">
          <SideNav />
        </aside>
        <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-8 sm:py-8">
          <div className="mx-auto max-w-7xl">
            <OrgTimeZoneProvider timeZone={member?.org.timezone ?? "UTC"}>{children}</OrgTimeZoneProvider>
          </div>
        </main>
      </div>
    </div>
  );
}
