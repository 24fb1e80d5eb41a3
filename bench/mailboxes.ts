import type { BenchContext } from "./harness";

// Filled in by the mailboxes work (issue 4).
export default async function benchMailboxes(ctx: BenchContext): Promise<void> {
  void ctx;
}
