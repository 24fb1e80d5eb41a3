import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export function Card(props: {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  id?: string;
}) {
  const headingId = props.id ? `${props.id}-title` : undefined;
  return (
    <section
      id={props.id}
      aria-labelledby={headingId}
      className={cn("rounded-xl bg-white shadow-sm ring-1 ring-slate-200", props.className)}
    >
      {(props.title || props.actions) && (
        <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 px-5 py-4">
          <div className="min-w-0">
            {props.title && (
              <h2 id={headingId} className="text-base font-semibold text-slate-900">
                {props.title}
              </h2>
            )}
            {props.description && <p className="mt-0.5 text-sm text-slate-500">{props.description}</p>}
          </div>
          {props.actions && <div className="flex max-w-full min-w-0 flex-wrap items-center gap-2">{props.actions}</div>}
        </header>
      )}
      <div className="px-5 py-4">{props.children}</div>
    </section>
  );
}

export function PageHeader(props: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  breadcrumb?: ReactNode;
}) {
  return (
    <div className="mb-6 space-y-2">
      {props.breadcrumb}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{props.title}</h1>
          {props.description && <div className="mt-1 text-sm text-slate-600">{props.description}</div>}
        </div>
        {props.actions && <div className="flex flex-wrap items-center gap-2">{props.actions}</div>}
      </div>
    </div>
  );
}
