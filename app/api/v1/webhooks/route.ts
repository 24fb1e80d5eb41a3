import { operations } from "@/lib/api/operations";

export const GET = operations.listWebhooks.handler;
export const POST = operations.createWebhook.handler;
