import { describe, expect, it } from "vitest";
import { needsBody } from "./needs-body";

// The receiver keeps a body only when parsing needs it: possible provider confirmations (R23, R28) and bounces (R27).
const head = (h: Partial<{ from: string; contentType: string; subject: string }>) => ({
  from: null,
  contentType: null,
  subject: null,
  ...h,
});
const env = (e: Partial<{ mailFrom: string | null; rcptTo: string[] }>) => ({
  mailFrom: "a@customer.example",
  rcptTo: ["k7x2pq8mzn@demo.ino.cx"],
  ...e,
});

describe("needsBody", () => {
  it.each([
    ["Gmail's confirmation sender", head({ from: "Gmail Team <forwarding-noreply@google.com>" }), env({})],
    [
      "an RFC 3464 report",
      head({ contentType: 'multipart/report; report-type=delivery-status; boundary="x"' }),
      env({}),
    ],
    ["the null envelope sender", head({}), env({ mailFrom: null })],
    ["a mailer-daemon", head({ from: "MAILER-DAEMON@mx.example.net" }), env({})],
    ["mail to a bounce+ address", head({}), env({ rcptTo: ["bounce+fv-abc@ino.cx"] })],
  ])("keeps the body of %s", (_l, h, e) => expect(needsBody(h, e).body).toBe(true));

  it("decides once whether a message is bounce-like (a provider's message, R26), not for mail that is only parsed whole", () => {
    expect(needsBody(head({ from: "MAILER-DAEMON@mx.example.net" }), env({})).bounceLike).toBe(true);
    expect(needsBody(head({}), env({ mailFrom: null })).bounceLike).toBe(true);
    expect(needsBody(head({ from: "Gmail Team <forwarding-noreply@google.com>" }), env({}))).toEqual({
      body: true,
      bounceLike: false,
    });
    expect(needsBody(head({}), env({ rcptTo: ["bounce+fv-abc@ino.cx"] }))).toEqual({ body: true, bounceLike: false });
  });

  it("not for ordinary customer mail", () => {
    expect(
      needsBody(
        head({ from: "Jeanne <jeanne@customer.example>", contentType: "text/plain", subject: "Order 48213" }),
        env({}),
      ),
    ).toEqual({ body: false, bounceLike: false });
  });
});
