import type { BenchContext } from "./harness";

// Filled in by the inbound work (issue 6); prints nothing until then.
export default async function benchInbound(ctx: BenchContext): Promise<void> {
  void ctx;
}
