import { operations } from "@/lib/api/operations";

export const POST = operations.rollWebhookSecret.handler;
