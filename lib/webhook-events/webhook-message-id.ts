/** The webhook-id of an event (R50): `msg_` and its id without dashes, the same on every retry and resend. */
export const webhookMessageId = (eventId: string) => `msg_${eventId.replace(/-/g, "")}`;
