import {
  CircleCheck,
  CircleDashed,
  CircleOff,
  Clock,
  Inbox,
  MailQuestion,
  MoonStar,
  RotateCcw,
  XCircle,
  type LucideIcon,
} from "lucide-react";
import { cn } from "@/lib/cn";
import type { MailboxHealth } from "@/lib/mailbox-state/derive-mailbox-state";
import { MAILBOX_STATE, stateLabel, type StateIcon, type StateTone } from "@/lib/mailbox-state/state-map";

const ICON: Record<StateIcon, LucideIcon> = {
  "circle-check": CircleCheck,
  "circle-dashed": CircleDashed,
  "circle-off": CircleOff,
  clock: Clock,
  inbox: Inbox,
  "mail-question": MailQuestion,
  "moon-star": MoonStar,
  "rotate-ccw": RotateCcw,
  "x-circle": XCircle,
};
const TONE_CLASS: Record<StateTone, string> = {
  neutral: "b-gray",
  blue: "b-blue",
  green: "b-green",
  amber: "b-amber",
  red: "b-red",
};

/**
 * THE badge of a mailbox's state (lib/mailbox-state), everywhere it is shown: S1's and S5's rows (compact: the
 * short classes of app/globals.css, the cause for screen readers and as a tooltip), S4's header (with its icon).
 * `detail` is the cause and evidence in words (stateDetail), computed by the caller, which knows the time zone.
 */
export function MailboxStateBadge(props: {
  health: Pick<MailboxHealth, "code" | "cause">;
  detail?: string;
  size?: "sm" | "md";
  className?: string;
}) {
  const entry = MAILBOX_STATE[props.health.code];
  const label = stateLabel(props.health);
  const Icon = ICON[entry.icon];
  const md = props.size === "md";
  return (
    <span
      className={cn("b", TONE_CLASS[entry.tone], md && "px-2.5 py-1 text-sm before:hidden", props.className)}
      // S1 sends 50 rows within 70 kB (issue 13): the compact badge carries no attributes beyond its classes.
      title={md ? props.detail || undefined : undefined}
      data-testid={md ? "mailbox-state" : undefined}
    >
      {md && <Icon className="size-4 shrink-0" aria-hidden />}
      {label}
      {!md && props.detail && <span className="sr-only">{` (${props.detail})`}</span>}
    </span>
  );
}
