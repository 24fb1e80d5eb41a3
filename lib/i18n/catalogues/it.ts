import type { Catalogue } from "./en";

export const it: Catalogue = {
  verification: {
    subject: "Verifica dell’inoltro di {{platform}} per {{address}} [{{token}}]",
    intro: "Questo è un messaggio automatico di {{platform}}: può ignorarlo.",
    purpose: "Verifica che la posta inviata a {{address}} venga inoltrata a {{alias}}.",
    deadline: "Se torna attraverso quell’alias prima del {{deadline}}, la casella mostrerà «Forwarding verified».",
    sentAt: "Inviato il {{sentAt}}.",
    token: "Codice di verifica: {{token}}",
  },
  alert: {
    openedSubject: "Intervento necessario: la posta per {{address}} potrebbe non arrivare più a {{platform}}",
    openedIntro: "La casella {{name}} ({{address}}) richiede la sua attenzione.",
    seen: "Cosa abbiamo rilevato:",
    todo: "Cosa fare:",
    causeVerificationFailed:
      "La verifica dell’inoltro del {{at}} non è riuscita: il messaggio di prova inviato a {{address}} non è tornato attraverso {{alias}}.",
    causeReason: "Risposta del provider: {{reason}}",
    causeSilent:
      "Non arriva posta dal {{since}}, molto più a lungo di quanto questa casella attenda di solito tra due messaggi.",
    causeConfirmation: "Gmail attende che qualcuno confermi l’inoltro a {{alias}}.",
    todoRule:
      "Nel suo provider di posta, controlli che la posta per {{address}} venga inoltrata a {{alias}}, poi faccia clic su «Verify forwarding» nella pagina della casella.",
    todoConfirmation:
      "Apra il link di conferma mostrato nella pagina della casella, poi faccia clic su «Verify forwarding».",
    link: "Pagina della casella: {{url}}",
    footer:
      "Riceve questa email come amministratore di {{org}} su {{platform}}. Riceverà un’ultima email quando la casella funzionerà di nuovo, e nessun altro avviso per questo incidente.",
    recoveredSubject: "Risolto: la posta per {{address}} arriva di nuovo a {{platform}}",
    recoveredIntro: "La casella {{name}} ({{address}}) funziona di nuovo: il suo inoltro è stato verificato il {{at}}.",
    recoveredDuration: "Ha richiesto attenzione dal {{openedAt}} al {{resolvedAt}}.",
    recoveredFooter: "Riceve questa email come amministratore di {{org}} su {{platform}}.",
    digestSubject: "Intervento necessario: {{count}} caselle potrebbero non ricevere più posta",
    digestIntro: "{{count}} caselle di {{org}} richiedono la sua attenzione:",
    digestRecoveredSubject: "Risolto: {{count}} caselle ricevono di nuovo posta",
    digestRecoveredIntro: "{{count}} caselle di {{org}} funzionano di nuovo:",
  },
  // Why a verification failed (codes stored in the database, lib/mailbox-state/failure-reason.ts).
  failure: {
    timed_out: "il messaggio di prova inviato a {{address}} non è tornato tramite l’alias entro {{timeout}}",
    address_changed:
      "l’indirizzo della casella è cambiato prima che tornasse il messaggio di prova inviato a {{address}}",
    provider_held:
      "il provider ha trattenuto il messaggio di prova inviato a {{address}} fino alla conferma dell’inoltro; verifica di nuovo ora che è confermato",
  },
  // What a bounce of a test message means (R27), by kind (lib/forwarding/explain-bounce.ts).
  bounce: {
    m365_forwarding_blocked: "Microsoft 365 blocca l’inoltro verso indirizzi esterni",
    m365_spam_block: "Microsoft 365 ha rifiutato il messaggio come spam (non è il criterio di inoltro)",
    mailbox_unknown: "L’indirizzo non esiste",
    quota: "La casella di posta è piena",
    relay_denied: "Il server di destinazione ha rifiutato il messaggio",
    unrecognised: "Il provider ha restituito il messaggio di prova",
  },
  domainAlert: {
    brokenSubject: "Azione richiesta: {{platform}} non può più inviare come {{domain}}",
    brokenIntro:
      "Il record DKIM di {{domain}} manca dal DNS dal {{since}}, quindi {{platform}} non può inviare email come {{domain}} (ad esempio le risposte delle vostre code).",
    record: "Record da pubblicare: TXT su {{fqdn}}",
    value: "Valore: {{value}}",
    todo: 'Pubblicate di nuovo questo record presso il vostro provider DNS, poi aprite la configurazione del dominio e premete "Verifica DNS".',
    link: "Configurazione del dominio: {{url}}",
    recoveredSubject: "{{platform}} può di nuovo inviare come {{domain}}",
    recoveredIntro:
      "Il record DKIM di {{domain}} è stato verificato di nuovo il {{at}}: {{platform}} può di nuovo inviare email come {{domain}}.",
    footer: "Ricevete questa email come amministratori di {{org}} su {{platform}}.",
  },
  webhookPaused: {
    subject: "Webhook in pausa: {{url}} rifiuta gli eventi da 5 giorni",
    intro:
      "{{platform}} ha messo in pausa l'endpoint webhook {{url}} di {{org}}: ogni consegna non riesce dal {{since}}.",
    todo: "Finché è in pausa non gli vengono inviati eventi. Riparate il ricevitore, poi riprendete l'endpoint in Impostazioni → Webhook; le consegne non riuscite possono essere inviate di nuovo dal suo registro.",
    link: "Impostazioni: {{url}}",
    footer: "Ricevete questa email come amministratori di {{org}} su {{platform}}.",
  },
};
