import { operations } from "@/lib/api/operations";

export const GET = operations.getMailbox.handler;
export const PATCH = operations.updateMailbox.handler;
export const DELETE = operations.deleteMailbox.handler;
