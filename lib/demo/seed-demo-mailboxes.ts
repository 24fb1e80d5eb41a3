import type { DemoExtension } from "@/db/seed";

/** Demo Company's mailboxes and queue links (SPEC §5). Filled in by the mailboxes and queues work. */
export const seedDemoMailboxes: DemoExtension = async () => {};
