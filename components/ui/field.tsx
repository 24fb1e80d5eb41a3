import { CircleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

/** A labelled form control with its description and its error, wired for screen readers. */
export function Field(props: {
  id: string;
  label: string;
  error?: string;
  description?: ReactNode;
  required?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn("space-y-1.5", props.className)}>
      <label htmlFor={props.id} className="block text-sm font-medium text-slate-800">
        {props.label}
        {props.required && (
          <span className="ml-0.5 text-red-600" aria-hidden>
            *
          </span>
        )}
      </label>
      {props.children}
      {props.description && !props.error && (
        <p id={`${props.id}-description`} className="text-xs text-slate-500">
          {props.description}
        </p>
      )}
      {props.error && <FieldError id={`${props.id}-error`}>{props.error}</FieldError>}
    </div>
  );
}

export function FieldError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} role="alert" className="flex items-start gap-1 text-sm text-red-700">
      <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
      <span>{children}</span>
    </p>
  );
}

/** aria attributes for a control rendered inside <Field id=…>. */
export function fieldAria(id: string, error?: string, hasDescription?: boolean) {
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : hasDescription ? `${id}-description` : undefined,
  } as const;
}
