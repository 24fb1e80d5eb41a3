import { simpleParser } from "mailparser";
import { classifyBounce, type BounceKind } from "@/lib/bounces/explain-bounce";

export type BounceFacts =
  | { failed: true; status: string; statusLine: string; kind: BounceKind }
  /**
   * `report`: a delivery report that says no failure (delayed, delivered); false: not a delivery report at all, then
   * `autoReply` says whether it is an automatic answer (out-of-office: RFC 3834's Auto-Submitted, or the
   * X-Autoreply / X-Autorespond headers and "Automatic reply" subjects that Exchange and others send).
   */
  | { failed: false; report?: boolean; autoReply?: boolean };

/** The longest status line kept: the provider's status code and diagnostic, not a whole message. */
export const MAX_STATUS_LINE = 300;
const DAEMON_FROM = /^(?:mailer-daemon|postmaster|mail-daemon|microsoftexchange[0-9a-f]*)@/i;

const MAX_SCAN = 256 * 1024;
// "550 5.7.520 Access denied, …", "550-5.1.1 The email account …", "#550 5.2.2 …"
const SMTP_LINE = /\b([245]\d\d)[ -]#?([245]\.\d{1,3}\.\d{1,3})\b[^\r\n]*/;
const ENHANCED = /\b([245]\.\d{1,3}\.\d{1,3})\b/;

/** RFC 3464 delivery-status fields, per recipient block, folded lines unfolded. */
function deliveryStatusBlocks(report: string) {
  const unfolded = report.replace(/\r?\n[ \t]+/g, " ");
  return unfolded
    .split(/\r?\n\s*\r?\n/)
    .map((block) => {
      const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, "im").exec(block)?.[1].trim() ?? null;
      return {
        action: field("Action")?.toLowerCase() ?? null,
        status: field("Status"),
        diagnostic: field("Diagnostic-Code"),
      };
    })
    .filter((b) => b.status || b.action);
}

/**
 * The provider's status line as shown on S4 and in the history: control and direction-changing characters
 * removed, white space collapsed, cut to MAX_STATUS_LINE characters (React escapes what remains).
 */
export function cleanStatusLine(line: string): string {
  const clean = line.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/g, " ");
  const text = clean.replace(/\s+/g, " ").trim();
  return text.length > MAX_STATUS_LINE ? `${text.slice(0, MAX_STATUS_LINE - 1).trimEnd()}…` : text;
}

/**
 * R27: a delivery status notification (RFC 3464 multipart/report) or a plain non-delivery report, read for its
 * failure: the enhanced status code, the provider's own status line, and what kind of failure it is. A report
 * that only says "delayed" (4.x.x) or "delivered" is not a failure. Never throws.
 */
export async function parseBounce(raw: Buffer): Promise<BounceFacts> {
  const facts = await readBounce(raw);
  return facts.failed ? { ...facts, statusLine: cleanStatusLine(facts.statusLine) } : facts;
}

async function readBounce(raw: Buffer): Promise<BounceFacts> {
  let text = "";
  let report = "";
  let isReport = false;
  let fromDaemon = false;
  let autoReply = false;
  try {
    const parsed = await simpleParser(raw.subarray(0, MAX_SCAN), {
      skipHtmlToText: false,
      skipImageLinks: true,
      skipTextLinks: true,
    });
    text = `${parsed.subject ?? ""}\n${parsed.text ?? ""}`;
    // RFC 3464: multipart/report; report-type=delivery-status (or RFC 6533's global-delivery-status).
    const type = parsed.headers.get("content-type") as { value?: string; params?: Record<string, string> } | undefined;
    isReport =
      /^multipart\/report$/i.test(type?.value ?? "") && /delivery-status/i.test(type?.params?.["report-type"] ?? "");
    fromDaemon = (parsed.from?.value ?? []).some((a) => DAEMON_FROM.test(a.address ?? ""));
    const submitted = String(parsed.headers.get("auto-submitted") ?? "")
      .trim()
      .toLowerCase();
    autoReply =
      (submitted !== "" && submitted !== "no") ||
      parsed.headers.has("x-autoreply") ||
      parsed.headers.has("x-autorespond") ||
      /^(automatic reply|auto(matic)?[- ]?reply|out of (the )?office|abwesenheitsnotiz|r[ée]ponse automatique)\b/i.test(
        parsed.subject ?? "",
      );
    for (const a of parsed.attachments ?? []) {
      if (/message\/(global-)?delivery-status/i.test(a.contentType)) report += `\n\n${a.content.toString("utf8")}`;
    }
  } catch {
    return { failed: false };
  }
  // Issue 20 item 5: only a delivery report fails a verification. An RFC 3464 report, or a provider's plain
  // non-delivery report (sent by its mailer daemon, as Gmail's and qmail's are); an out-of-office reply or any
  // other message to bounce+<token> is no report, whatever its text says.
  if (!isReport && !fromDaemon) return { failed: false, report: false, autoReply };
  if (!report) {
    // mailparser may keep the report inline; read it from the raw message then.
    const rawText = raw.subarray(0, MAX_SCAN).toString("utf8");
    const m =
      /content-type:\s*message\/(?:global-)?delivery-status[^\n]*\n(?:[^\n]+\n)*?\r?\n([\s\S]*?)(?:\r?\n--|$)/i.exec(
        rawText,
      );
    if (m) report = m[1];
  }
  const failedBlock = deliveryStatusBlocks(report).find((b) => b.action === "failed" || /^5\./.test(b.status ?? ""));
  if (report && !failedBlock) return { failed: false, report: true };
  if (failedBlock) {
    const status =
      ENHANCED.exec(failedBlock.status ?? "")?.[1] ?? ENHANCED.exec(failedBlock.diagnostic ?? "")?.[1] ?? "5.0.0";
    const diagnostic = (failedBlock.diagnostic ?? "").replace(/^smtp;\s*/i, "").trim();
    const statusLine = (diagnostic || SMTP_LINE.exec(text)?.[0] || `Status: ${status}`).slice(0, 500);
    return { failed: true, status, statusLine, kind: classifyBounce(status, `${statusLine}\n${text}`) };
  }
  // A plain non-delivery report: the first SMTP reply with a permanent enhanced status in its text.
  const lines = [...text.matchAll(new RegExp(SMTP_LINE.source, "g"))];
  const permanent = lines.find((l) => l[2].startsWith("5.")) ?? null;
  if (!permanent) {
    if (lines.some((l) => l[2].startsWith("4."))) return { failed: false, report: true };
    const status = ENHANCED.exec(text)?.[1];
    if (status && !status.startsWith("5.")) return { failed: false, report: true };
    return {
      failed: true,
      status: status ?? "5.0.0",
      statusLine: (text.split(/\r?\n/).find((l) => ENHANCED.test(l)) ?? "The message could not be delivered.")
        .trim()
        .slice(0, 500),
      kind: status ? classifyBounce(status, text) : "unrecognised",
    };
  }
  return {
    failed: true,
    status: permanent[2],
    statusLine: permanent[0].trim().slice(0, 500),
    kind: classifyBounce(permanent[2], `${permanent[0]}\n${text}`),
  };
}
