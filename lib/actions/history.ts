"use server";
import "server-only";
import { z } from "zod";
import { adminAction } from "@/lib/action-client";
import { findAuditEvents } from "@/lib/audit/find-audit-events";
import { AppError } from "@/lib/errors";
import { findInboundMessagesBefore } from "@/lib/history/find-inbound-messages-before";
import { idSchema } from "@/lib/validation";

// "Show older" on the histories (S4 mailbox, S5 queue, Settings) and on S4's inbound messages: keyset pages,
// always scoped to the signed-in admin's organisation (another organisation's ids find nothing).

const pageSize = z.number().int().min(1).max(100);

export const loadOlderAuditEventsAction = adminAction
  .inputSchema(
    z.object({
      entityType: z.enum(["mailbox", "queue"]).optional(),
      entityId: idSchema.optional(),
      before: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
      limit: pageSize,
    }),
  )
  .action(async ({ parsedInput, ctx }) => {
    // Mailboxes and queues are the Smart licence's (R18); the organisation-wide history is Settings'.
    if (parsedInput.entityType && !ctx.member.org.smartLicence) {
      throw new AppError("FORBIDDEN", "Smart licence needed: your organisation's plan does not include Mailboxes.");
    }
    return findAuditEvents({
      orgId: ctx.orgId,
      entityType: parsedInput.entityType,
      entityId: parsedInput.entityType ? parsedInput.entityId : undefined,
      before: { id: parsedInput.before },
      limit: parsedInput.limit,
    });
  });

export const loadOlderInboundMessagesAction = adminAction
  .inputSchema(z.object({ mailboxId: idSchema, before: idSchema, limit: pageSize }))
  .action(async ({ parsedInput, ctx }) => {
    if (!ctx.member.org.smartLicence)
      throw new AppError("FORBIDDEN", "Smart licence needed: your organisation's plan does not include Mailboxes.");
    return findInboundMessagesBefore({ orgId: ctx.orgId, ...parsedInput });
  });
