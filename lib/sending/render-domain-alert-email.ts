import { formatMessageTime, translator } from "@/lib/i18n/translator";

export type DomainAlertToRender = {
  kind: "broken" | "recovered";
  language: string;
  timeZone: string;
  orgName: string;
  platformName: string;
  domain: string;
  url: string;
  since: Date;
  at: Date;
  record: { fqdn: string; value: string } | null;
};

/** The domain alert's subject and text (R37), in the organisation's language, times in its zone, record named. */
export function renderDomainAlertEmail(a: DomainAlertToRender): { subject: string; text: string } {
  const t = translator(a.language);
  const time = (d: Date) => formatMessageTime(d, a.language, a.timeZone);
  const base = { platform: a.platformName, org: a.orgName, domain: a.domain };
  if (a.kind === "broken") {
    return {
      subject: t("domainAlert.brokenSubject", base),
      text: [
        t("domainAlert.brokenIntro", { ...base, since: time(a.since) }),
        "",
        ...(a.record
          ? [t("domainAlert.record", { fqdn: a.record.fqdn }), t("domainAlert.value", { value: a.record.value }), ""]
          : []),
        t("domainAlert.todo", base),
        t("domainAlert.link", { url: a.url }),
        "",
        "-- ",
        t("domainAlert.footer", base),
      ].join("\r\n"),
    };
  }
  return {
    subject: t("domainAlert.recoveredSubject", base),
    text: [
      t("domainAlert.recoveredIntro", { ...base, at: time(a.at) }),
      t("domainAlert.link", { url: a.url }),
      "",
      "-- ",
      t("domainAlert.footer", base),
    ].join("\r\n"),
  };
}
