import type { ActionResultShape } from "./apply-action-result";

export const NETWORK_MESSAGE =
  "The connection dropped before the server answered, so we cannot tell whether it was saved. Your input is kept: check your connection and try again.";
export const TIMEOUT_MESSAGE = "The server took too long to answer. Your input is kept: try again in a moment.";

/**
 * Calls a server action and turns a dropped connection or a timeout into a refusal the form can show, instead of
 * a rejected promise that leaves the person with a button that silently comes back.
 */
export async function callAction<R extends ActionResultShape | undefined>(
  run: () => Promise<R>,
  timeoutMs = 20_000,
): Promise<R | ActionResultShape> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ActionResultShape>((resolve) => {
    timer = setTimeout(() => resolve({ serverError: { code: "TIMEOUT", message: TIMEOUT_MESSAGE } }), timeoutMs);
  });
  try {
    return await Promise.race([run(), timeout]);
  } catch {
    return { serverError: { code: "NETWORK", message: NETWORK_MESSAGE } };
  } finally {
    clearTimeout(timer);
  }
}
