import { operations } from "@/lib/api/operations";

export const GET = operations.listMailboxes.handler;
export const POST = operations.createMailbox.handler;
