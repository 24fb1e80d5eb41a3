/** Polls `check` until it holds or `ms` pass (for work done by a real SMTP round trip in another task). */
export async function eventually(check: () => Promise<boolean>, ms = 10_000, everyMs = 50) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return false;
}
