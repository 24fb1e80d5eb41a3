import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBounce } from "@/lib/bounces/parse-bounce";

// R27 against bounces we did not write: real non-delivery reports from Microsoft 365 (Office 365), Exchange,
// Gmail and Postfix, from the public sisimai "set-of-emails" corpus (BSD 2-clause, see fixtures/real-world/).
const real = (name: string) =>
  readFileSync(path.join(import.meta.dirname, "../inbound/fixtures/real-world", `sisimai-${name}.eml`));

describe("R27 real-world bounces are read for their status, status line and kind", () => {
  it.each([
    ["office365-11", "5.1.1", "mailbox_unknown", /User Unknown/],
    ["office365-12", "5.2.2", "quota", /Mailbox Full/],
    ["office365-03", "5.1.0", "unrecognised", /not allowed to send/],
    ["exchange2007-01", "5.1.1", "mailbox_unknown", /RecipNotFound/],
    ["exchange2007-04", "5.7.1", "unrecognised", /AuthRequired/],
    ["gmail-01", "5.1.1", "mailbox_unknown", /User Unknown/],
    ["postfix-01", "5.1.1", "mailbox_unknown", /No such user/],
    ["postfix-02", "5.2.1", "unrecognised", /User Unknown/],
  ])("%s: %s (%s)", async (name, status, kind, line) => {
    const bounce = await parseBounce(real(name));
    expect(bounce).toMatchObject({ failed: true, status, kind });
    expect(bounce.failed && bounce.statusLine).toMatch(line);
  });
});
