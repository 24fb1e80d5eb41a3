/** Where a signed-in person lands when `next` is missing or refused. */
export const DEFAULT_AFTER_SIGN_IN = "/maker/mailboxes";

// Any origin will do: only a relative `next` can resolve to it, so "same origin" means "a path of this app".
const BASE = "http://app.invalid";
const APP_PATHS = /^\/(maker)(\/|$)/;

/**
 * Only a path of this app is followed after sign-in (no open redirect). `next` is resolved as a URL against
 * the app's origin, the way a browser would (which drops TAB/CR/LF and reads `\` as `/`), and kept only when
 * the result has the same origin and a path inside Maker; anything else, or several `next` values, goes to
 * the default page. The returned value is the normalised path, never the raw text.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2000) return DEFAULT_AFTER_SIGN_IN;
  // A relative path must start with one "/" and nothing a browser could read as a second one or a scheme.
  if (!next.startsWith("/")) return DEFAULT_AFTER_SIGN_IN;
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(next)) return DEFAULT_AFTER_SIGN_IN;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (url.origin !== BASE || url.username || url.password) return DEFAULT_AFTER_SIGN_IN;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  // Encoded slashes, backslashes or dot segments could turn into another host or path once decoded again.
  if (decoded.startsWith("//") || decoded.includes("\\") || /(^|\/)\.\.?(\/|$)/.test(decoded))
    return DEFAULT_AFTER_SIGN_IN;
  if (!APP_PATHS.test(url.pathname)) return DEFAULT_AFTER_SIGN_IN;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The one `next` of a search-params value (`?next=a&next=b` arrives as an array): several means none. */
export function nextParam(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}
