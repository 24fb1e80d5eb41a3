import type { BenchContext } from "./harness";

// Filled in by the queues work (issue 5); prints nothing until then.
export default async function benchQueues(ctx: BenchContext): Promise<void> {
  void ctx;
}
