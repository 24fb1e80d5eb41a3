import type { InboundMessageFacts } from "@/lib/inbound/message-facts";

/** What the parser would make of a customer's plain message, for tests of the recording stage. */
export function inboundFacts(messageId: string, overrides: Partial<InboundMessageFacts> = {}): InboundMessageFacts {
  return {
    messageId,
    generatedMessageId: false,
    envelopeFrom: "jeanne@customer-mail.example",
    headerFrom: "Jeanne <jeanne@customer-mail.example>",
    headerFromAddress: "jeanne@customer-mail.example",
    subject: `About ${messageId}`,
    sizeBytes: 1000,
    autoSubmitted: false,
    sentByPlatform: false,
    bulkOrList: false,
    verificationTokens: [],
    confirmation: null,
    kind: "customer",
    providerAuth: null,
    ...overrides,
  };
}
