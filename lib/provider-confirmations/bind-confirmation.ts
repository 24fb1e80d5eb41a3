import type { ProviderAuthResult } from "@/db/schema";
import type { ProviderConfirmation } from "./parse-gmail-confirmation";

type WithConfirmation = { confirmation: ProviderConfirmation | null; providerAuth: ProviderAuthResult | null };

/**
 * Issue 20 item 5: a provider's confirmation counts only for the alias it was sent to. Gmail addresses it to the
 * forwarding address it confirms (To, X-Google-Address-Confirmation, and the body all name it): the same signed
 * message replayed to another alias is recorded there as a provider message that is no evidence ("fail"), so S4
 * never shows it as authentic.
 */
export function confirmationFor<T extends WithConfirmation>(facts: T, aliasAddress: string): T {
  if (!facts.confirmation) return facts;
  if (facts.confirmation.forwardTo && facts.confirmation.forwardTo === aliasAddress.trim().toLowerCase()) return facts;
  return { ...facts, confirmation: null, providerAuth: "fail" };
}

/** Recipients grouped by the facts each of them gets (at most two groups: the confirmed alias and the rest). */
export function groupByConfirmation<R extends { address: string }, T extends WithConfirmation>(
  facts: T,
  recipients: R[],
): { recipients: R[]; message: T }[] {
  if (!facts.confirmation) return recipients.length ? [{ recipients, message: facts }] : [];
  const bound = recipients.filter((r) => confirmationFor(facts, r.address) === facts);
  const others = recipients.filter((r) => !bound.includes(r));
  return [
    ...(bound.length ? [{ recipients: bound, message: facts }] : []),
    ...(others.length ? [{ recipients: others, message: confirmationFor(facts, others[0].address) }] : []),
  ];
}
