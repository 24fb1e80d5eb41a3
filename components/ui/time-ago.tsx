"use client";
import { createContext, useContext, type ReactNode } from "react";

// Absolute times in Maker are shown in the ORGANISATION's timezone (R30), never GMT: the Maker layout provides
// the zone once, and every TimeAgo (tooltip) and date below it reads it.
const OrgTimeZone = createContext<string>("UTC");

export function OrgTimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <OrgTimeZone.Provider value={timeZone}>{children}</OrgTimeZone.Provider>;
}

export function useOrgTimeZone(): string {
  return useContext(OrgTimeZone);
}

/** "26 Nov 2026, 14:30 CET": date and time in the given zone, the zone named. */
export function formatOrgTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" }).format(date);
}

/** A past moment as “3 min ago”, with the exact time in the organisation's zone in a tooltip and for screen readers. */
export function TimeAgo({ date, now = new Date(), timeZone }: { date: Date; now?: Date; timeZone?: string }) {
  const orgZone = useOrgTimeZone();
  const zone = timeZone ?? orgZone;
  return (
    <time dateTime={date.toISOString()} title={formatOrgTime(date, zone)}>
      {formatAgo(date, now, zone)}
    </time>
  );
}

/** An absolute time in the organisation's zone, the zone named. */
export function OrgTime({ date }: { date: Date }) {
  const zone = useOrgTimeZone();
  return <time dateTime={date.toISOString()}>{formatOrgTime(date, zone)}</time>;
}

export function formatAgo(date: Date, now: Date, timeZone = "UTC"): string {
  const s = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  if (s < 45) return "just now";
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.round(h / 24);
  if (d < 30) return `${d} day${d === 1 ? "" : "s"} ago`;
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone }).format(date);
}
