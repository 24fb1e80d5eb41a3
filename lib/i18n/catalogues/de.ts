import type { Catalogue } from "./en";

export const de: Catalogue = {
  verification: {
    subject: "{{platform}}-Weiterleitungsprüfung für {{address}} [{{token}}]",
    intro: "Dies ist eine automatische Nachricht von {{platform}}: Sie können sie ignorieren.",
    purpose: "Sie prüft, ob E-Mails an {{address}} an {{alias}} weitergeleitet werden.",
    deadline: "Kommt sie vor dem {{deadline}} über diesen Alias zurück, zeigt das Postfach „Forwarding verified“ an.",
    sentAt: "Gesendet am {{sentAt}}.",
    token: "Prüfcode: {{token}}",
  },
  alert: {
    openedSubject: "Handlungsbedarf: E-Mails an {{address}} erreichen {{platform}} möglicherweise nicht mehr",
    openedIntro: "Das Postfach {{name}} ({{address}}) erfordert Ihre Aufmerksamkeit.",
    seen: "Was wir festgestellt haben:",
    todo: "Was zu tun ist:",
    causeVerificationFailed:
      "Die Weiterleitungsprüfung vom {{at}} ist fehlgeschlagen: Die an {{address}} gesendete Testnachricht ist nicht über {{alias}} zurückgekommen.",
    causeReason: "Antwort des Anbieters: {{reason}}",
    causeSilent:
      "Seit dem {{since}} ist keine E-Mail eingegangen, viel länger, als dieses Postfach sonst zwischen zwei Nachrichten wartet.",
    causeConfirmation: "Gmail wartet darauf, dass jemand die Weiterleitung an {{alias}} bestätigt.",
    todoRule:
      "Prüfen Sie bei Ihrem E-Mail-Anbieter, ob E-Mails an {{address}} an {{alias}} weitergeleitet werden, und klicken Sie dann auf der Seite des Postfachs auf „Verify forwarding“.",
    todoConfirmation:
      "Öffnen Sie den Bestätigungslink auf der Seite des Postfachs und klicken Sie dann auf „Verify forwarding“.",
    link: "Seite des Postfachs: {{url}}",
    footer:
      "Sie erhalten diese E-Mail als Administrator von {{org}} bei {{platform}}. Sie erhalten noch eine E-Mail, sobald das Postfach wieder funktioniert, und keine weitere Warnung zu diesem Vorfall.",
    recoveredSubject: "Behoben: E-Mails an {{address}} erreichen {{platform}} wieder",
    recoveredIntro:
      "Das Postfach {{name}} ({{address}}) funktioniert wieder: Seine Weiterleitung wurde am {{at}} bestätigt.",
    recoveredDuration: "Es erforderte Aufmerksamkeit vom {{openedAt}} bis zum {{resolvedAt}}.",
    recoveredFooter: "Sie erhalten diese E-Mail als Administrator von {{org}} bei {{platform}}.",
    digestSubject: "Handlungsbedarf: {{count}} Postfächer empfangen möglicherweise keine E-Mails mehr",
    digestIntro: "{{count}} Postfächer von {{org}} erfordern Ihre Aufmerksamkeit:",
    digestRecoveredSubject: "Behoben: {{count}} Postfächer empfangen wieder E-Mails",
    digestRecoveredIntro: "{{count}} Postfächer von {{org}} funktionieren wieder:",
  },
  // Why a verification failed (codes stored in the database, lib/mailbox-state/failure-reason.ts).
  failure: {
    timed_out:
      "die an {{address}} gesendete Testnachricht ist nicht innerhalb von {{timeout}} über den Alias zurückgekommen",
    address_changed:
      "die Adresse des Postfachs hat sich geändert, bevor die an {{address}} gesendete Testnachricht zurückkam",
    provider_held:
      "der Anbieter hat die an {{address}} gesendete Testnachricht bis zur Bestätigung der Weiterleitung zurückgehalten; prüfen Sie erneut, jetzt da sie bestätigt ist",
  },
  // What a bounce of a test message means (R27), by kind (lib/forwarding/explain-bounce.ts).
  bounce: {
    m365_forwarding_blocked: "Microsoft 365 blockiert die Weiterleitung an externe Adressen",
    m365_spam_block: "Microsoft 365 hat die Nachricht als Spam abgelehnt (nicht die Weiterleitungsrichtlinie)",
    mailbox_unknown: "Die Adresse existiert nicht",
    quota: "Das Postfach ist voll",
    relay_denied: "Der empfangende Server hat die Nachricht abgelehnt",
    unrecognised: "Der Anbieter hat die Testnachricht zurückgeschickt",
  },
  domainAlert: {
    brokenSubject: "Handlungsbedarf: {{platform}} kann nicht mehr als {{domain}} senden",
    brokenIntro:
      "Der DKIM-Eintrag von {{domain}} fehlt seit {{since}} im DNS, daher kann {{platform}} keine E-Mails als {{domain}} senden (zum Beispiel die Antworten Ihrer Warteschlangen).",
    record: "Zu veröffentlichender Eintrag: TXT bei {{fqdn}}",
    value: "Wert: {{value}}",
    todo: "Veröffentlichen Sie diesen Eintrag erneut bei Ihrem DNS-Anbieter, öffnen Sie dann die Einrichtung der Domain und klicken Sie auf „DNS prüfen“.",
    link: "Einrichtung der Domain: {{url}}",
    recoveredSubject: "{{platform}} kann wieder als {{domain}} senden",
    recoveredIntro:
      "Der DKIM-Eintrag von {{domain}} wurde am {{at}} wieder bestätigt: {{platform}} kann wieder E-Mails als {{domain}} senden.",
    footer: "Sie erhalten diese E-Mail als Administrator von {{org}} bei {{platform}}.",
  },
  webhookPaused: {
    subject: "Webhook pausiert: {{url}} lehnt seit 5 Tagen Ereignisse ab",
    intro:
      "{{platform}} hat den Webhook-Endpunkt {{url}} von {{org}} pausiert: Jede Zustellung schlägt seit {{since}} fehl.",
    todo: "Solange er pausiert ist, werden ihm keine Ereignisse gesendet. Reparieren Sie den Empfänger und setzen Sie ihn unter Einstellungen → Webhooks fort; fehlgeschlagene Zustellungen lassen sich aus dem Protokoll erneut senden.",
    link: "Einstellungen: {{url}}",
    footer: "Sie erhalten diese E-Mail als Administrator von {{org}} bei {{platform}}.",
  },
};
