// The app's public address (BETTER_AUTH_URL): in production it must be https, unless it is this machine.
import { config, type Config } from "@/lib/config";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** A sentence saying what to set, or null when the public URL is acceptable. */
export function publicUrlProblem(c: Config = config()): string | null {
  const raw = c.BETTER_AUTH_URL;
  if (c.NODE_ENV !== "production" || !raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `BETTER_AUTH_URL="${raw}" is not a URL. Set it to the address people open, e.g. https://maker.example.com.`;
  }
  if (
    url.protocol === "https:" ||
    (url.protocol === "http:" && (LOCAL_HOSTS.has(url.hostname) || url.hostname.endsWith(".localhost")))
  )
    return null;
  return (
    `BETTER_AUTH_URL="${raw}" is not https: sessions would travel unencrypted. Set BETTER_AUTH_URL to the https address ` +
    "people open (e.g. https://maker.example.com), with TRUST_PROXY=1 when a TLS proxy stands in front of the app, " +
    "or leave it unset to serve on localhost only."
  );
}
