import "server-only";
import { createSafeActionClient } from "next-safe-action";
import { requireMakerAdmin } from "@/lib/auth/guard";
import { AppError, type AppErrorCode } from "@/lib/errors";

export type ActionError = {
  code: AppErrorCode | "INTERNAL";
  message: string;
  field?: string;
  details?: Record<string, unknown>;
};

/**
 * The one action wrapper: session → membership and role → licence → zod parse → handler (CONVENTIONS).
 * A thrown AppError becomes `serverError` with its message and field; anything else is logged and answered
 * with a generic message, never with the error's own text.
 */
const baseClient = createSafeActionClient({
  defaultValidationErrorsShape: "flattened",
  handleServerError(e): ActionError {
    if (e instanceof AppError) return { code: e.code, message: e.message, field: e.field, details: e.details };
    console.error("[action] unexpected error:", e);
    return { code: "INTERNAL", message: "Something went wrong on our side. Nothing was saved; please try again." };
  },
});

/** Admins of the organisation (Settings). */
export const adminAction = baseClient.use(async ({ next }) => {
  const member = await requireMakerAdmin({ licence: false });
  return next({ ctx: { member, orgId: member.org.id, actorId: member.user.id } });
});

/** Admins of an organisation holding the Smart licence (Mailboxes, Queues). */
export const licensedAction = baseClient.use(async ({ next }) => {
  const member = await requireMakerAdmin({ licence: true });
  return next({ ctx: { member, orgId: member.org.id, actorId: member.user.id } });
});

/** Actions open to signed-out visitors (sign-in only). */
export const publicAction = baseClient;
