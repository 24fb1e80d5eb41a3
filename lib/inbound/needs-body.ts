import { parseBounceAddress } from "@/lib/bounces/bounce-address";
import { mayBeGmailConfirmation } from "@/lib/provider-confirmations/parse-gmail-confirmation";

type Head = { from: string | null; contentType: string | null; subject: string | null };
type Envelope = { mailFrom: string | null; rcptTo: string[] };

/**
 * needsBody's answer, decided once when the header block is read and handed on to messageFacts: `body` says which
 * parse the message gets; `bounceLike` makes it a provider's message (R26) whichever parse it got.
 */
export type BodyNeed = { body: boolean; bounceLike: boolean };

const DAEMON = /^(mailer-daemon|postmaster|mail-daemon|microsoftexchange[0-9a-f]*)@/i;

/** A delivery report or a non-delivery report, by its headers and envelope (RFC 3464, or a plain NDR). */
function isBounceLike(h: Head, envelope: { mailFrom: string | null }): boolean {
  if (!envelope.mailFrom) return true; // the null sender <> of RFC 5321 §4.5.5
  if (/multipart\/report/i.test(h.contentType ?? "") && /delivery-status/i.test(h.contentType ?? "")) return true;
  return DAEMON.test((h.from ?? "").trim());
}

/**
 * Whether the receiver must keep a message's body for the full parse (parse-inbound-message.ts) (the rest need only
 * their headers):
 * possible provider confirmations (R23, R28: the link is in the body and the DKIM body hash needs all of it)
 * and bounces (R27: the status is in the body), including anything sent to a bounce+<token> address.
 */
export function needsBody(h: Head, envelope: Envelope): BodyNeed {
  const bounceLike = isBounceLike(h, envelope);
  const body =
    bounceLike || envelope.rcptTo.some((r) => parseBounceAddress(r)) || mayBeGmailConfirmation(extractAddress(h.from));
  return { body, bounceLike };
}

function extractAddress(from: string | null): string | null {
  if (!from) return null;
  const m = /<([^>]+)>/.exec(from);
  return (m ? m[1] : from).trim().toLowerCase();
}
