import "server-only";
import { desc } from "drizzle-orm";
import { getDb } from "@/db";
import { demoProviderMessage } from "@/db/schema";
import { findDemoForwardingRules } from "./find-demo-forwarding-rule";

/** The simulated provider's outbox (newest first) and its forwarding rules (the demo organisation's only). */
export async function findDemoOutbox(limit = 50) {
  const [messages, accounts] = await Promise.all([
    getDb().select().from(demoProviderMessage).orderBy(desc(demoProviderMessage.receivedAt)).limit(limit),
    findDemoForwardingRules(getDb()),
  ]);
  return { messages, accounts };
}
