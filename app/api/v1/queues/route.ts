import { operations } from "@/lib/api/operations";

export const GET = operations.listQueues.handler;
