import { operations } from "@/lib/api/operations";

export const PUT = operations.linkMailbox.handler;
export const DELETE = operations.unlinkMailbox.handler;
