import type { IncidentCause } from "@/db/schema";
import { CATALOGUES, formatMessageTime, messageLanguage, translator } from "@/lib/i18n/translator";
import { describeFailure, isFailureReason } from "@/lib/mailbox-state/failure-reason";

export type AlertMailbox = {
  id: string;
  displayName: string;
  address: string;
  alias: string;
  cause: IncidentCause;
  openedAt: Date;
  resolvedAt: Date | null;
};

export type AlertToRender = {
  kind: "opened" | "recovered" | "digest_opened" | "digest_recovered";
  /** The mailbox's language and timezone for one mailbox; the organisation's for a digest. */
  language: string;
  timeZone: string;
  orgName: string;
  platformName: string;
  appUrl: string;
  mailboxes: AlertMailbox[];
};

/** The alert email's subject and text (R29, R30), in the given language, every time in the given zone, named. */
export function renderAlertEmail(a: AlertToRender): { subject: string; text: string } {
  const t = translator(a.language);
  const lang = messageLanguage(a.language);
  const time = (d: Date | string) => formatMessageTime(new Date(d), a.language, a.timeZone);
  const base = { platform: a.platformName, org: a.orgName };
  const url = (m: AlertMailbox) => `${a.appUrl.replace(/\/$/, "")}/maker/mailboxes/${m.id}`;
  const vars = (m: AlertMailbox) => ({ ...base, name: m.displayName, address: m.address, alias: m.alias });

  const seen = (m: AlertMailbox): string[] => {
    const c = m.cause;
    if (c.kind === "verification_failed") {
      // The provider's answer (a bounce), from its stored code, in the reader's language; a timeout says no more
      // than the sentence above. A reason stored before codes (not a code) is never printed: it was English.
      const bounce =
        isFailureReason(c.reason) && c.reason.code === "bounce"
          ? describeFailure(c.reason, CATALOGUES[lang], lang)
          : null;
      return [
        t("alert.causeVerificationFailed", { ...vars(m), at: time(c.at) }),
        ...(bounce ? [t("alert.causeReason", { reason: bounce })] : []),
      ];
    }
    if (c.kind === "silent") return [t("alert.causeSilent", { ...vars(m), since: time(c.since) })];
    return [t("alert.causeConfirmation", vars(m))];
  };
  const todo = (m: AlertMailbox) =>
    m.cause.kind === "confirmation_waiting" ? t("alert.todoConfirmation", vars(m)) : t("alert.todoRule", vars(m));

  if (a.kind === "opened") {
    const m = a.mailboxes[0];
    return {
      subject: t("alert.openedSubject", vars(m)),
      text: [
        t("alert.openedIntro", vars(m)),
        "",
        t("alert.seen"),
        ...seen(m),
        "",
        t("alert.todo"),
        todo(m),
        t("alert.link", { url: url(m) }),
        "",
        "-- ",
        t("alert.footer", base),
      ].join("\r\n"),
    };
  }
  if (a.kind === "recovered") {
    const m = a.mailboxes[0];
    const resolved = m.resolvedAt ?? new Date();
    return {
      subject: t("alert.recoveredSubject", vars(m)),
      text: [
        t("alert.recoveredIntro", { ...vars(m), at: time(resolved) }),
        t("alert.recoveredDuration", { openedAt: time(m.openedAt), resolvedAt: time(resolved) }),
        t("alert.link", { url: url(m) }),
        "",
        "-- ",
        t("alert.recoveredFooter", base),
      ].join("\r\n"),
    };
  }
  const count = a.mailboxes.length;
  if (a.kind === "digest_opened") {
    return {
      subject: t("alert.digestSubject", { ...base, count }),
      text: [
        t("alert.digestIntro", { ...base, count }),
        ...a.mailboxes.flatMap((m) => [
          "",
          `* ${m.displayName} <${m.address}>`,
          ...seen(m).map((s) => `  ${s}`),
          `  ${todo(m)}`,
          `  ${t("alert.link", { url: url(m) })}`,
        ]),
        "",
        "-- ",
        t("alert.footer", base),
      ].join("\r\n"),
    };
  }
  return {
    subject: t("alert.digestRecoveredSubject", { ...base, count }),
    text: [
      t("alert.digestRecoveredIntro", { ...base, count }),
      ...a.mailboxes.flatMap((m) => [
        "",
        `* ${m.displayName} <${m.address}>`,
        `  ${t("alert.recoveredDuration", { openedAt: time(m.openedAt), resolvedAt: time(m.resolvedAt ?? new Date()) })}`,
        `  ${t("alert.link", { url: url(m) })}`,
      ]),
      "",
      "-- ",
      t("alert.recoveredFooter", base),
    ].join("\r\n"),
  };
}
