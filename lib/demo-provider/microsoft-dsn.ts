import { randomUUID } from "node:crypto";

// The simulated Microsoft 365's non-delivery report (RFC 3464 multipart/report) when its outbound policy blocks
// external forwarding, shaped like the reports Exchange Online sends (written for this app, not copied).
export const M365_FORWARDING_BLOCKED =
  "550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)";

export function microsoftDsn(p: { original: Buffer; from: string; alias: string; reportTo: string; now?: Date }) {
  const boundary = `dsn-${randomUUID()}`;
  const domain = p.from.split("@")[1];
  const date = (p.now ?? new Date()).toUTCString().replace("GMT", "+0000");
  const originalHeaders = p.original.toString("utf8").split(/\r?\n\r?\n/)[0];
  const raw = [
    `From: Microsoft Outlook <postmaster@${domain}>`,
    `To: <${p.reportTo}>`,
    `Date: ${date}`,
    `Subject: Undeliverable: forwarded message for ${p.from}`,
    `Message-ID: <${randomUUID()}@${domain}>`,
    "Auto-Submitted: auto-replied",
    "MIME-Version: 1.0",
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    "Delivery has failed to these recipients or groups:",
    "",
    p.alias,
    "Your message couldn't be delivered because the organization's policy does not allow forwarding to external addresses.",
    "",
    "Diagnostic information for administrators:",
    `Generating server: demo-provider.${domain}`,
    `Remote Server returned '${M365_FORWARDING_BLOCKED}'`,
    "",
    `--${boundary}`,
    "Content-Type: message/delivery-status",
    "",
    `Reporting-MTA: dns; demo-provider.${domain}`,
    `Arrival-Date: ${date}`,
    "",
    `Original-Recipient: rfc822;${p.from}`,
    `Final-Recipient: rfc822;${p.alias}`,
    "Action: failed",
    "Status: 5.7.520",
    `Diagnostic-Code: smtp;${M365_FORWARDING_BLOCKED}`,
    "",
    `--${boundary}`,
    "Content-Type: text/rfc822-headers",
    "",
    originalHeaders,
    "",
    `--${boundary}--`,
    "",
  ].join("\r\n");
  return { raw: Buffer.from(raw), statusLine: M365_FORWARDING_BLOCKED };
}
