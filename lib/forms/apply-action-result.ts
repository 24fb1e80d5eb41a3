import type { FieldValues, Path, UseFormReturn } from "react-hook-form";

export type ActionErrorShape = { code: string; message: string; field?: string; details?: Record<string, unknown> };
export type ActionResultShape = {
  data?: unknown;
  serverError?: ActionErrorShape;
  validationErrors?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> };
};

/**
 * Puts a server refusal where it belongs: on its field (react-hook-form's setError) when it names one
 * the form has, otherwise into the form's alert. Returns the form-level message, if any. The typed values
 * stay untouched.
 */
export function applyActionResult<T extends FieldValues>(
  form: UseFormReturn<T>,
  result: ActionResultShape | undefined,
  fields: readonly string[],
): string | null {
  if (!result) return "The server did not answer. Check your connection and try again.";
  const formMessages: string[] = [];
  let focused = false;
  const put = (field: string | undefined, message: string) => {
    if (field && fields.includes(field)) {
      form.setError(field as Path<T>, { type: "server", message }, { shouldFocus: !focused });
      focused = true;
    } else formMessages.push(message);
  };
  for (const [field, messages] of Object.entries(result.validationErrors?.fieldErrors ?? {})) {
    if (messages?.[0]) put(field, messages[0]);
  }
  for (const m of result.validationErrors?.formErrors ?? []) formMessages.push(m);
  if (result.serverError) put(result.serverError.field, result.serverError.message);
  return formMessages.length ? formMessages.join(" ") : null;
}

export function isSuccess(result: ActionResultShape | undefined): boolean {
  return !!result && !result.serverError && !result.validationErrors;
}
