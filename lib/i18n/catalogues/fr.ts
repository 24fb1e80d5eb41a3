import type { Catalogue } from "./en";

export const fr: Catalogue = {
  verification: {
    subject: "Vérification du transfert {{platform}} pour {{address}} [{{token}}]",
    intro: "Ceci est un message automatique de {{platform}} : vous pouvez l’ignorer.",
    purpose: "Il vérifie que le courrier envoyé à {{address}} est transféré vers {{alias}}.",
    deadline: "S’il revient par cet alias avant le {{deadline}}, la boîte aux lettres affiche « Forwarding verified ».",
    sentAt: "Envoyé le {{sentAt}}.",
    token: "Jeton de vérification : {{token}}",
  },
  alert: {
    openedSubject: "Action requise : le courrier adressé à {{address}} n’arrive peut-être plus sur {{platform}}",
    openedIntro: "La boîte aux lettres {{name}} ({{address}}) demande votre attention.",
    seen: "Ce que nous avons constaté :",
    todo: "Que faire :",
    causeVerificationFailed:
      "La vérification du transfert du {{at}} a échoué : le message de test envoyé à {{address}} n’est pas revenu par {{alias}}.",
    causeReason: "Réponse du fournisseur : {{reason}}",
    causeSilent:
      "Aucun courrier n’est arrivé depuis le {{since}}, bien plus longtemps que l’intervalle habituel entre deux messages de cette boîte.",
    causeConfirmation: "Gmail attend que quelqu’un confirme le transfert vers {{alias}}.",
    todoRule:
      "Dans votre fournisseur de messagerie, vérifiez que le courrier adressé à {{address}} est transféré vers {{alias}}, puis cliquez sur « Verify forwarding » sur la page de la boîte aux lettres.",
    todoConfirmation:
      "Ouvrez le lien de confirmation affiché sur la page de la boîte aux lettres, puis cliquez sur « Verify forwarding ».",
    link: "Page de la boîte aux lettres : {{url}}",
    footer:
      "Vous recevez cet e-mail en tant qu’administrateur de {{org}} sur {{platform}}. Vous recevrez un dernier e-mail lorsque la boîte fonctionnera de nouveau, et aucune autre alerte pour cet incident.",
    recoveredSubject: "Résolu : le courrier adressé à {{address}} arrive de nouveau sur {{platform}}",
    recoveredIntro:
      "La boîte aux lettres {{name}} ({{address}}) fonctionne de nouveau : son transfert a été vérifié le {{at}}.",
    recoveredDuration: "Elle demandait votre attention du {{openedAt}} au {{resolvedAt}}.",
    recoveredFooter: "Vous recevez cet e-mail en tant qu’administrateur de {{org}} sur {{platform}}.",
    digestSubject: "Action requise : {{count}} boîtes aux lettres ne reçoivent peut-être plus de courrier",
    digestIntro: "{{count}} boîtes aux lettres de {{org}} demandent votre attention :",
    digestRecoveredSubject: "Résolu : {{count}} boîtes aux lettres reçoivent de nouveau du courrier",
    digestRecoveredIntro: "{{count}} boîtes aux lettres de {{org}} fonctionnent de nouveau :",
  },
  // Why a verification failed (codes stored in the database, lib/mailbox-state/failure-reason.ts).
  failure: {
    timed_out: "le message de test envoyé à {{address}} n’est pas revenu par l’alias dans un délai de {{timeout}}",
    address_changed: "l’adresse de la boîte a changé avant le retour du message de test envoyé à {{address}}",
    provider_held:
      "le fournisseur a retenu le message de test envoyé à {{address}} jusqu’à la confirmation du transfert ; vérifiez à nouveau maintenant qu’il est confirmé",
  },
  // What a bounce of a test message means (R27), by kind (lib/forwarding/explain-bounce.ts).
  bounce: {
    m365_forwarding_blocked: "Microsoft 365 bloque le transfert vers des adresses externes",
    m365_spam_block: "Microsoft 365 a refusé le message comme spam (pas la stratégie de transfert)",
    mailbox_unknown: "L’adresse n’existe pas",
    quota: "La boîte aux lettres est pleine",
    relay_denied: "Le serveur destinataire a refusé le message",
    unrecognised: "Le fournisseur a renvoyé le message de test",
  },
  domainAlert: {
    brokenSubject: "Action requise : {{platform}} ne peut plus envoyer au nom de {{domain}}",
    brokenIntro:
      "L'enregistrement DKIM de {{domain}} est absent du DNS depuis le {{since}} : {{platform}} ne peut donc plus envoyer d'e-mails au nom de {{domain}} (par exemple les réponses de vos files d'attente).",
    record: "Enregistrement à publier : TXT sur {{fqdn}}",
    value: "Valeur : {{value}}",
    todo: "Publiez de nouveau cet enregistrement chez votre fournisseur DNS, puis ouvrez la configuration du domaine et cliquez sur « Vérifier le DNS ».",
    link: "Configuration du domaine : {{url}}",
    recoveredSubject: "{{platform}} peut de nouveau envoyer au nom de {{domain}}",
    recoveredIntro:
      "L'enregistrement DKIM de {{domain}} a été vérifié de nouveau le {{at}} : {{platform}} peut de nouveau envoyer des e-mails au nom de {{domain}}.",
    footer: "Vous recevez cet e-mail en tant qu'administrateur de {{org}} sur {{platform}}.",
  },
  webhookPaused: {
    subject: "Webhook en pause : {{url}} refuse les événements depuis 5 jours",
    intro:
      "{{platform}} a mis en pause le point de terminaison webhook {{url}} de {{org}} : chaque envoi échoue depuis le {{since}}.",
    todo: "Aucun événement ne lui est envoyé tant qu'il est en pause. Réparez le récepteur, puis reprenez l'envoi dans Paramètres → Webhooks ; les envois échoués peuvent être renvoyés depuis son journal.",
    link: "Paramètres : {{url}}",
    footer: "Vous recevez cet e-mail en tant qu'administrateur de {{org}} sur {{platform}}.",
  },
};
