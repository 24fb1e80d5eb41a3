import type { Catalogue } from "./en";

export const nl: Catalogue = {
  verification: {
    subject: "Controle van doorsturen door {{platform}} voor {{address}} [{{token}}]",
    intro: "Dit is een automatisch bericht van {{platform}}: u kunt het negeren.",
    purpose: "Het controleert of e-mail aan {{address}} wordt doorgestuurd naar {{alias}}.",
    deadline: "Als het vóór {{deadline}} via die alias terugkomt, toont de mailbox \"Forwarding verified\".",
    sentAt: "Verzonden op {{sentAt}}.",
    token: "Verificatiecode: {{token}}",
  },
  alert: {
    openedSubject: "Actie vereist: e-mail aan {{address}} bereikt {{platform}} mogelijk niet meer",
    openedIntro: "De mailbox {{name}} ({{address}}) vraagt uw aandacht.",
    seen: "Wat we zagen:",
    todo: "Wat u moet doen:",
    causeVerificationFailed: "De controle van het doorsturen van {{at}} is mislukt: het testbericht aan {{address}} is niet via {{alias}} teruggekomen.",
    causeReason: "Antwoord van de provider: {{reason}}",
    causeSilent: "Sinds {{since}} is er geen e-mail binnengekomen, veel langer dan deze mailbox gewoonlijk tussen twee berichten wacht.",
    causeConfirmation: "Gmail wacht tot iemand het doorsturen naar {{alias}} bevestigt.",
    todoRule: "Controleer bij uw e-mailprovider of e-mail aan {{address}} wordt doorgestuurd naar {{alias}} en klik daarna op \"Verify forwarding\" op de pagina van de mailbox.",
    todoConfirmation: "Open de bevestigingslink op de pagina van de mailbox en klik daarna op \"Verify forwarding\".",
    link: "Pagina van de mailbox: {{url}}",
    footer: "U ontvangt deze e-mail als beheerder van {{org}} op {{platform}}. U krijgt nog één e-mail zodra de mailbox weer werkt, en geen andere waarschuwing over dit incident.",
    recoveredSubject: "Opgelost: e-mail aan {{address}} bereikt {{platform}} weer",
    recoveredIntro: "De mailbox {{name}} ({{address}}) werkt weer: het doorsturen is bevestigd op {{at}}.",
    recoveredDuration: "Er was aandacht nodig van {{openedAt}} tot {{resolvedAt}}.",
    recoveredFooter: "U ontvangt deze e-mail als beheerder van {{org}} op {{platform}}.",
    digestSubject: "Actie vereist: {{count}} mailboxen ontvangen mogelijk geen e-mail meer",
    digestIntro: "{{count}} mailboxen van {{org}} vragen uw aandacht:",
    digestRecoveredSubject: "Opgelost: {{count}} mailboxen ontvangen weer e-mail",
    digestRecoveredIntro: "{{count}} mailboxen van {{org}} werken weer:",
  },
};
