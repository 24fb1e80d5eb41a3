import { operations } from "@/lib/api/operations";

export const GET = operations.listWebhookDeliveries.handler;
