import { CircleAlert, CircleCheck, Info, TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

const tones = {
  error: { box: "bg-red-50 text-red-800 ring-red-200", Icon: CircleAlert },
  warning: { box: "bg-amber-50 text-amber-900 ring-amber-200", Icon: TriangleAlert },
  info: { box: "bg-sky-50 text-sky-900 ring-sky-200", Icon: Info },
  success: { box: "bg-emerald-50 text-emerald-900 ring-emerald-200", Icon: CircleCheck },
} as const;

export function Alert(props: {
  tone?: keyof typeof tones;
  title?: string;
  children?: ReactNode;
  className?: string;
  action?: ReactNode;
}) {
  const { box, Icon } = tones[props.tone ?? "info"];
  return (
    <div
      role={props.tone === "error" ? "alert" : "status"}
      className={cn("flex gap-3 rounded-lg p-4 text-sm ring-1 ring-inset", box, props.className)}
    >
      <Icon className="mt-0.5 size-5 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1 space-y-1">
        {props.title && <p className="font-semibold">{props.title}</p>}
        {props.children && <div className="leading-relaxed">{props.children}</div>}
      </div>
      {props.action}
    </div>
  );
}
