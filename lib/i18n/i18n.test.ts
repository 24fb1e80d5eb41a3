import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { alertEmail, forwardingVerification } from "@/db/schema";
import { deliverAlertEmail } from "@/lib/alerts/deliver-alert-email";
import { failVerificationOnBounce } from "@/lib/bounces/fail-verification-on-bounce";
import { runHealthTick } from "@/lib/health-tick/run-health-tick";
import type { PlatformMail } from "@/lib/platform-mail/send-platform-mail";
import { createTestOrg } from "@/tests/fixtures";
import { insertTestMailbox } from "@/tests/mailbox-fixtures";
import { verificationMessageContent } from "@/lib/forwarding/verification-message-content";
import { renderAlertEmail, type AlertToRender } from "@/lib/alerts/render-alert-email";
import { LANGUAGE_CODES } from "@/lib/org/locale";
import { CATALOGUES, formatMessageTime } from "./translator";

type Tree = { [k: string]: string | Tree };
const flatten = (t: Tree, prefix = ""): [string, string][] =>
  Object.entries(t).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`),
  );
const english = new Map(flatten(CATALOGUES.en as unknown as Tree));
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

// Sentences of the English catalogue with their placeholders cut out: none may appear in another language's mail.
const englishFragments = [...english.values()].flatMap((s) =>
  s
    .split(/\{\{\w+\}\}/)
    .map((f) => f.trim())
    .filter((f) => f.length >= 12),
);

const zone = "America/New_York";
const at = new Date("2026-11-26T14:30:00Z");
const mailbox = (cause: AlertToRender["mailboxes"][number]["cause"]) => ({
  id: "00000000-0000-4000-8000-000000000001",
  displayName: "Support Team",
  address: "support@mycompany.com",
  alias: "k7x2pq8mzn@demo.ino.cx",
  cause,
  openedAt: at,
  resolvedAt: new Date("2026-11-27T09:05:00Z"),
});

describe("R30 automated messages in seven languages", () => {
  it("supports exactly the languages of the mailbox form", () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual([...LANGUAGE_CODES].sort());
  });

  it.each(LANGUAGE_CODES.filter((l) => l !== "en"))(
    "%s: every key exists, is translated (differs from English) and keeps its placeholders",
    (lang) => {
      const entries = new Map(flatten(CATALOGUES[lang] as unknown as Tree));
      expect([...entries.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, value] of entries) {
        expect(value, `${lang}.${key}`).not.toBe(english.get(key));
        expect(placeholders(value), `${lang}.${key}`).toEqual(placeholders(english.get(key)!));
      }
    },
  );

  it.each(LANGUAGE_CODES)(
    "%s: the verification message and every alert render without an English sentence, with times in the mailbox's zone, named",
    (lang) => {
      const zoneName = new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: "long" })
        .formatToParts(at)
        .find((p) => p.type === "timeZoneName")!.value;
      const rendered = [
        verificationMessageContent({
          to: "support@mycompany.com",
          alias: "k7x2pq8mzn@demo.ino.cx",
          token: "fv-abc",
          timeoutMs: 900_000,
          platformName: "INO cx",
          locale: lang,
          timeZone: zone,
        }),
        ...(["opened", "recovered", "digest_opened", "digest_recovered"] as const).map((kind) =>
          renderAlertEmail({
            kind,
            language: lang,
            timeZone: zone,
            orgName: "Demo Company",
            platformName: "INO cx",
            appUrl: "https://app.example",
            mailboxes: kind.startsWith("digest")
              ? [
                  mailbox({
                    kind: "verification_failed",
                    at: at.toISOString(),
                    reason: { code: "bounce", kind: "m365_forwarding_blocked", status: "550 5.7.520 Access denied" },
                  }),
                  { ...mailbox({ kind: "silent", since: at.toISOString() }), id: "x2" },
                ]
              : [mailbox({ kind: "verification_failed", at: at.toISOString(), reason: null })],
          }),
        ),
        renderAlertEmail({
          kind: "opened",
          language: lang,
          timeZone: zone,
          orgName: "Demo",
          platformName: "INO cx",
          appUrl: "https://a",
          mailboxes: [mailbox({ kind: "confirmation_waiting" })],
        }),
        renderAlertEmail({
          kind: "opened",
          language: lang,
          timeZone: zone,
          orgName: "Demo",
          platformName: "INO cx",
          appUrl: "https://a",
          mailboxes: [mailbox({ kind: "silent", since: at.toISOString() })],
        }),
      ];
      for (const { subject, text } of rendered) {
        const all = `${subject}\n${text}`;
        expect(all).not.toMatch(/\{\{|\}\}|\b(verification|alert)\.\w+/); // no placeholder or key left
        if (lang !== "en") for (const f of englishFragments) expect(all, f).not.toContain(f);
      }
      // Times: in New York, with the zone named in the reader's language.
      expect(rendered[1].text).toContain(formatMessageTime(at, lang, zone));
      expect(rendered[1].text).toContain(zoneName);
      expect(rendered[0].text).toContain(zoneName);
      expect(formatMessageTime(at, lang, zone)).toMatch(lang === "en" ? /09:30 AM/ : /09:30/); // 14:30 UTC is 09:30 in New York
    },
  );

  it("falls back to English for an unknown language code", () => {
    expect(
      verificationMessageContent({
        to: "a@b.c",
        alias: "x@y.z",
        token: "fv-1",
        timeoutMs: 60_000,
        platformName: "P",
        locale: "xx",
      }).subject,
    ).toBe("P forwarding check for a@b.c [fv-1]");
  });

  // Fed with what production stores: the bounce is written by the receiver's service, the incident by the health
  // tick, the alert rendered from the database by the alert job. Before codes were stored, this German alert read
  // "Antwort des Anbieters: Microsoft 365 blocks forwarding to external addresses".
  it("de: a bounce alert gives the provider's answer in German, from what production stores", async () => {
    const domain = `${crypto.randomUUID().slice(0, 8)}.mycompany.test`;
    const t = await createTestOrg({ domains: [domain] });
    const m = await insertTestMailbox(t, { localPart: "support", language: "de", timezone: "Europe/Berlin" });
    const address = `support@${domain}`;
    const now = new Date();
    const min = (n: number) => new Date(now.getTime() + n * 60_000);
    const token = `fv-de-${crypto.randomUUID()}`;
    await getDb()
      .insert(forwardingVerification)
      .values([
        {
          orgId: t.org.id,
          mailboxId: m.id,
          token: `${token}-ok`,
          address,
          requestedAt: min(-120),
          expiresAt: min(-105),
          verifiedAt: min(-119),
        },
        { orgId: t.org.id, mailboxId: m.id, token, address, requestedAt: min(-5), expiresAt: min(10) },
      ]);
    const statusLine = "550 5.7.520 Access denied, Your organization does not allow external forwarding. AS(7555)";
    const bounce = { failed: true, status: "5.7.520", statusLine, kind: "m365_forwarding_blocked" } as const;
    expect(await failVerificationOnBounce(getDb(), { tokens: [token], bounce, now: min(-4) })).toBe(1);

    await runHealthTick(getDb(), {
      orgId: t.org.id,
      now,
      intervalMs: 86_400_000,
      enqueue: async () => {},
      detectSilence: false,
    });
    const sent: PlatformMail[] = [];
    for (const a of await getDb().select().from(alertEmail).where(eq(alertEmail.orgId, t.org.id))) {
      await deliverAlertEmail(getDb(), a.id, { now, send: async (mail) => void sent.push(mail) });
    }
    expect(sent).toHaveLength(1);
    expect(sent[0].text).toContain(
      `Antwort des Anbieters: Microsoft 365 blockiert die Weiterleitung an externe Adressen: ${statusLine}`,
    );
    for (const f of englishFragments) expect(sent[0].text, f).not.toContain(f);
    expect(sent[0].text).not.toContain("Microsoft 365 blocks forwarding to external addresses");
  });
});
