import type { Catalogue } from "./en";

export const nl: Catalogue = {
  verification: {
    subject: "Controle van doorsturen door {{platform}} voor {{address}} [{{token}}]",
    intro: "Dit is een automatisch bericht van {{platform}}: u kunt het negeren.",
    purpose: "Het controleert of e-mail aan {{address}} wordt doorgestuurd naar {{alias}}.",
    deadline: 'Als het vóór {{deadline}} via die alias terugkomt, toont de mailbox "Forwarding verified".',
    sentAt: "Verzonden op {{sentAt}}.",
    token: "Verificatiecode: {{token}}",
  },
  alert: {
    openedSubject: "Actie vereist: e-mail aan {{address}} bereikt {{platform}} mogelijk niet meer",
    openedIntro: "De mailbox {{name}} ({{address}}) vraagt uw aandacht.",
    seen: "Wat we zagen:",
    todo: "Wat u moet doen:",
    causeVerificationFailed:
      "De controle van het doorsturen van {{at}} is mislukt: het testbericht aan {{address}} is niet via {{alias}} teruggekomen.",
    causeReason: "Antwoord van de provider: {{reason}}",
    causeSilent:
      "Sinds {{since}} is er geen e-mail binnengekomen, veel langer dan deze mailbox gewoonlijk tussen twee berichten wacht.",
    causeConfirmation: "Gmail wacht tot iemand het doorsturen naar {{alias}} bevestigt.",
    todoRule:
      'Controleer bij uw e-mailprovider of e-mail aan {{address}} wordt doorgestuurd naar {{alias}} en klik daarna op "Verify forwarding" op de pagina van de mailbox.',
    todoConfirmation: 'Open de bevestigingslink op de pagina van de mailbox en klik daarna op "Verify forwarding".',
    link: "Pagina van de mailbox: {{url}}",
    footer:
      "U ontvangt deze e-mail als beheerder van {{org}} op {{platform}}. U krijgt nog één e-mail zodra de mailbox weer werkt, en geen andere waarschuwing over dit incident.",
    recoveredSubject: "Opgelost: e-mail aan {{address}} bereikt {{platform}} weer",
    recoveredIntro: "De mailbox {{name}} ({{address}}) werkt weer: het doorsturen is bevestigd op {{at}}.",
    recoveredDuration: "Er was aandacht nodig van {{openedAt}} tot {{resolvedAt}}.",
    recoveredFooter: "U ontvangt deze e-mail als beheerder van {{org}} op {{platform}}.",
    digestSubject: "Actie vereist: {{count}} mailboxen ontvangen mogelijk geen e-mail meer",
    digestIntro: "{{count}} mailboxen van {{org}} vragen uw aandacht:",
    digestRecoveredSubject: "Opgelost: {{count}} mailboxen ontvangen weer e-mail",
    digestRecoveredIntro: "{{count}} mailboxen van {{org}} werken weer:",
  },
  // Why a verification failed (codes stored in the database, lib/mailbox-state/failure-reason.ts).
  failure: {
    timed_out: "het testbericht dat naar {{address}} is gestuurd, kwam niet binnen {{timeout}} terug via de alias",
    address_changed: "het adres van de mailbox is gewijzigd voordat het testbericht naar {{address}} terugkwam",
    provider_held:
      "de provider hield het testbericht naar {{address}} vast tot de doorsturing werd bevestigd; verifieer opnieuw nu die bevestigd is",
  },
  // What a bounce of a test message means (R27), by kind (lib/forwarding/explain-bounce.ts).
  bounce: {
    m365_forwarding_blocked: "Microsoft 365 blokkeert doorsturen naar externe adressen",
    m365_spam_block: "Microsoft 365 weigerde het bericht als spam (niet het doorstuurbeleid)",
    mailbox_unknown: "Het adres bestaat niet",
    quota: "De mailbox is vol",
    relay_denied: "De ontvangende server weigerde het bericht",
    unrecognised: "De provider heeft het testbericht teruggestuurd",
  },
  domainAlert: {
    brokenSubject: "Actie nodig: {{platform}} kan niet meer verzenden als {{domain}}",
    brokenIntro:
      "Het DKIM-record van {{domain}} ontbreekt sinds {{since}} in de DNS, dus {{platform}} kan geen e-mail verzenden als {{domain}} (bijvoorbeeld de antwoorden van uw wachtrijen).",
    record: "Te publiceren record: TXT op {{fqdn}}",
    value: "Waarde: {{value}}",
    todo: 'Publiceer dit record opnieuw bij uw DNS-provider, open daarna de instellingen van het domein en klik op "DNS controleren".',
    link: "Instellingen van het domein: {{url}}",
    recoveredSubject: "{{platform}} kan weer verzenden als {{domain}}",
    recoveredIntro:
      "Het DKIM-record van {{domain}} is op {{at}} opnieuw geverifieerd: {{platform}} kan weer e-mail verzenden als {{domain}}.",
    footer: "U ontvangt deze e-mail als beheerder van {{org}} op {{platform}}.",
  },
  webhookPaused: {
    subject: "Webhook gepauzeerd: {{url}} weigert al 5 dagen gebeurtenissen",
    intro:
      "{{platform}} heeft het webhook-eindpunt {{url}} van {{org}} gepauzeerd: elke aflevering mislukt sinds {{since}}.",
    todo: "Zolang het gepauzeerd is, worden er geen gebeurtenissen naartoe gestuurd. Herstel de ontvanger en hervat het eindpunt in Instellingen → Webhooks; mislukte afleveringen kunnen opnieuw worden verstuurd vanuit het logboek.",
    link: "Instellingen: {{url}}",
    footer: "U ontvangt deze e-mail als beheerder van {{org}} op {{platform}}.",
  },
};
