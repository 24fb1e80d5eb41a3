import "server-only";
import { desc } from "drizzle-orm";
import { db } from "@/db";
import { demoProviderMessage } from "@/db/schema";
import { findDemoAccounts } from "./demo-accounts";

/** The simulated provider's outbox (newest first) and its accounts with a forwarding rule. */
export async function findDemoOutbox(limit = 50) {
  const [messages, accounts] = await Promise.all([
    db.select().from(demoProviderMessage).orderBy(desc(demoProviderMessage.receivedAt)).limit(limit),
    findDemoAccounts(db),
  ]);
  return { messages, accounts };
}
