"use client";
import { createContext, useContext, type ReactNode } from "react";
import { formatAgo, formatOrgTime } from "@/lib/format-time";

export { formatAgo, formatOrgTime };

// Absolute times in Maker are shown in the ORGANISATION's timezone (R30), never GMT: the Maker layout provides
// the zone once, and every TimeAgo (tooltip) and date below it reads it.
const OrgTimeZone = createContext<string>("UTC");

export function OrgTimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <OrgTimeZone.Provider value={timeZone}>{children}</OrgTimeZone.Provider>;
}

export function useOrgTimeZone(): string {
  return useContext(OrgTimeZone);
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
