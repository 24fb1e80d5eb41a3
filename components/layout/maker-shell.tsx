"use client";
import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { AttentionBanner } from "@/components/health/attention-banner";
import { OrgTimeZoneProvider } from "@/components/ui/time-ago";
import { MobileNav } from "./mobile-nav";
import { NavigationProgress } from "./navigation-progress";
import { SideNav } from "./side-nav";
import { SignOutButton } from "./sign-out-button";

export type ShellMember = { orgName: string; userName: string; admin: boolean; timeZone: string };

/**
 * The Maker frame (header, navigation, main landmark). A client component so that every page's payload carries
 * these few props instead of the frame's element tree (issue 13: the frame is on every Maker page).
 */
export function MakerShell(props: {
  platform: string;
  member: ShellMember | null;
  attention: { count: number; firstName: string | null } | null;
  children: ReactNode;
}) {
  const { platform, member, attention } = props;
  return (
    <div className="flex min-h-screen flex-col">
      <Suspense>
        <NavigationProgress />
      </Suspense>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white">
        <div className="flex h-14 items-center justify-between gap-3 px-4 sm:px-6">
          <div className="flex min-w-0 items-center gap-2">
            {member && <MobileNav orgName={member.orgName} />}
            <Link href="/maker/mailboxes" className="flex shrink-0 items-center gap-2 font-semibold text-slate-900">
              <span
                className="flex size-7 items-center justify-center rounded-md bg-brand-600 text-sm font-bold text-white"
                aria-hidden
              >
                {platform.slice(0, 1)}
              </span>
              <span className="max-sm:sr-only">{platform}</span>
              <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-600">Maker</span>
            </Link>
          </div>
          {member && (
            <div className="flex min-w-0 items-center gap-3 text-sm">
              <span className="flex min-w-0 items-center gap-1.5 font-medium text-slate-800" data-testid="current-org">
                <span className="ic ic-building text-slate-500" aria-hidden />
                <span className="truncate">{member.orgName}</span>
              </span>
              <span className="hidden h-5 w-px bg-slate-200 lg:block" aria-hidden />
              <span className="hidden text-slate-600 lg:inline" data-testid="current-user">
                {`${member.userName} `}
                <span className="text-slate-500">{`· ${member.admin ? "Administrator" : "Agent"}`}</span>
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
            <OrgTimeZoneProvider timeZone={member?.timeZone ?? "UTC"}>{props.children}</OrgTimeZoneProvider>
          </div>
        </main>
      </div>
    </div>
  );
}
