import { operations } from "@/lib/api/operations";

export const GET = operations.getWebhook.handler;
export const PATCH = operations.updateWebhook.handler;
export const DELETE = operations.deleteWebhook.handler;
