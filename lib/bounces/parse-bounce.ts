import { simpleParser } from "mailparser";
import { classifyBounce, type BounceKind } from "@/lib/bounces/explain-bounce";

export type BounceFacts = { failed: true; status: string; statusLine: string; kind: BounceKind } | { failed: false };

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
      return { action: field("Action")?.toLowerCase() ?? null, status: field("Status"), diagnostic: field("Diagnostic-Code") };
    })
    .filter((b) => b.status || b.action);
}

/**
 * R27: a delivery status notification (RFC 3464 multipart/report) or a plain non-delivery report, read for its
 * failure: the enhanced status code, the provider's own status line, and what kind of failure it is. A report
 * that only says "delayed" (4.x.x) or "delivered" is not a failure. Never throws.
 */
export async function parseBounce(raw: Buffer): Promise<BounceFacts> {
  let text = "";
  let report = "";
  try {
    const parsed = await simpleParser(raw.subarray(0, MAX_SCAN), { skipHtmlToText: false, skipImageLinks: true, skipTextLinks: true });
    text = `${parsed.subject ?? ""}\n${parsed.text ?? ""}`;
    for (const a of parsed.attachments ?? []) {
      if (/message\/(global-)?delivery-status/i.test(a.contentType)) report += `\n\n${a.content.toString("utf8")}`;
    }
  } catch {
    text = raw.subarray(0, MAX_SCAN).toString("utf8");
  }
  if (!report) {
    // mailparser may keep the report inline; read it from the raw message then.
    const rawText = raw.subarray(0, MAX_SCAN).toString("utf8");
    const m = /content-type:\s*message\/(?:global-)?delivery-status[^\n]*\n(?:[^\n]+\n)*?\r?\n([\s\S]*?)(?:\r?\n--|$)/i.exec(rawText);
    if (m) report = m[1];
  }
  const failedBlock = deliveryStatusBlocks(report).find((b) => b.action === "failed" || /^5\./.test(b.status ?? ""));
  if (report && !failedBlock) return { failed: false };
  if (failedBlock) {
    const status = ENHANCED.exec(failedBlock.status ?? "")?.[1] ?? ENHANCED.exec(failedBlock.diagnostic ?? "")?.[1] ?? "5.0.0";
    const diagnostic = (failedBlock.diagnostic ?? "").replace(/^smtp;\s*/i, "").trim();
    const statusLine = (diagnostic || SMTP_LINE.exec(text)?.[0] || `Status: ${status}`).slice(0, 500);
    return { failed: true, status, statusLine, kind: classifyBounce(status, `${statusLine}\n${text}`) };
  }
  // A plain non-delivery report: the first SMTP reply with a permanent enhanced status in its text.
  const lines = [...text.matchAll(new RegExp(SMTP_LINE.source, "g"))];
  const permanent = lines.find((l) => l[2].startsWith("5.")) ?? null;
  if (!permanent) {
    if (lines.some((l) => l[2].startsWith("4."))) return { failed: false };
    const status = ENHANCED.exec(text)?.[1];
    if (status && !status.startsWith("5.")) return { failed: false };
    return { failed: true, status: status ?? "5.0.0", statusLine: (text.split(/\r?\n/).find((l) => ENHANCED.test(l)) ?? "The message could not be delivered.").trim().slice(0, 500), kind: status ? classifyBounce(status, text) : "unrecognised" };
  }
  return { failed: true, status: permanent[2], statusLine: permanent[0].trim().slice(0, 500), kind: classifyBounce(permanent[2], `${permanent[0]}\n${text}`) };
}
