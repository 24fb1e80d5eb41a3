import type { InboundMessageFacts } from "./message-facts";

/**
 * R24: whether anything the platform sends may be triggered by this message. Never for an automatic message
 * (Auto-Submitted other than "no", RFC 3834), never for the platform's own mail coming back (loop header),
 * never for lists, bulk mail or bounces (no envelope sender). Whatever answers mail automatically asks here.
 */
export function mayAnswerAutomatically(
  message: Pick<InboundMessageFacts, "autoSubmitted" | "sentByPlatform" | "bulkOrList">,
): boolean {
  return !message.autoSubmitted && !message.sentByPlatform && !message.bulkOrList;
}
