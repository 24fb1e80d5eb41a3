import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";

/** R49: https only (plain http where WEBHOOK_ALLOW_HTTP=1), no user name or password in the URL, no fragment. */
export function checkWebhookUrl(raw: string, allowHttp = config().WEBHOOK_ALLOW_HTTP): string {
  const url = URL.canParse(raw.trim()) ? new URL(raw.trim()) : null;
  if (!url || !/^https?:$/.test(url.protocol) || !url.hostname)
    throw new AppError("INVALID", "Enter a full URL starting with https://.", "url");
  if (url.protocol === "http:" && !allowHttp)
    throw new AppError("INVALID", "Use an https:// URL: events are only sent encrypted.", "url");
  if (url.username || url.password)
    throw new AppError(
      "INVALID",
      "Remove the user name and password from the URL: every event is signed instead.",
      "url",
    );
  if (url.hash) throw new AppError("INVALID", "Remove the part after # from the URL.", "url");
  return url.toString();
}
