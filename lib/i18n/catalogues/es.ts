import type { Catalogue } from "./en";

export const es: Catalogue = {
  verification: {
    subject: "Comprobación del reenvío de {{platform}} para {{address}} [{{token}}]",
    intro: "Este es un mensaje automático de {{platform}}: puede ignorarlo.",
    purpose: "Comprueba que el correo enviado a {{address}} se reenvía a {{alias}}.",
    deadline: "Si vuelve a través de ese alias antes del {{deadline}}, el buzón mostrará «Forwarding verified».",
    sentAt: "Enviado el {{sentAt}}.",
    token: "Código de verificación: {{token}}",
  },
  alert: {
    openedSubject: "Acción necesaria: es posible que el correo para {{address}} no esté llegando a {{platform}}",
    openedIntro: "El buzón {{name}} ({{address}}) requiere su atención.",
    seen: "Lo que hemos observado:",
    todo: "Qué hacer:",
    causeVerificationFailed:
      "La comprobación del reenvío del {{at}} ha fallado: el mensaje de prueba enviado a {{address}} no ha vuelto a través de {{alias}}.",
    causeReason: "Respuesta del proveedor: {{reason}}",
    causeSilent:
      "No ha llegado ningún correo desde el {{since}}, mucho más tiempo del que este buzón suele esperar entre dos mensajes.",
    causeConfirmation: "Gmail está esperando que alguien confirme el reenvío a {{alias}}.",
    todoRule:
      "En su proveedor de correo, compruebe que el correo para {{address}} se reenvía a {{alias}} y, después, haga clic en «Verify forwarding» en la página del buzón.",
    todoConfirmation:
      "Abra el enlace de confirmación que aparece en la página del buzón y, después, haga clic en «Verify forwarding».",
    link: "Página del buzón: {{url}}",
    footer:
      "Recibe este correo como administrador de {{org}} en {{platform}}. Recibirá un último correo cuando el buzón vuelva a funcionar y ninguna otra alerta sobre esta incidencia.",
    recoveredSubject: "Resuelto: el correo para {{address}} vuelve a llegar a {{platform}}",
    recoveredIntro: "El buzón {{name}} ({{address}}) vuelve a funcionar: su reenvío se verificó el {{at}}.",
    recoveredDuration: "Requirió atención desde el {{openedAt}} hasta el {{resolvedAt}}.",
    recoveredFooter: "Recibe este correo como administrador de {{org}} en {{platform}}.",
    digestSubject: "Acción necesaria: es posible que {{count}} buzones no estén recibiendo correo",
    digestIntro: "{{count}} buzones de {{org}} requieren su atención:",
    digestRecoveredSubject: "Resuelto: {{count}} buzones vuelven a recibir correo",
    digestRecoveredIntro: "{{count}} buzones de {{org}} vuelven a funcionar:",
  },
  // Why a verification failed (codes stored in the database, lib/mailbox-state/failure-reason.ts).
  failure: {
    timed_out: "el mensaje de prueba enviado a {{address}} no volvió a través del alias en {{timeout}}",
    address_changed: "la dirección del buzón cambió antes de que volviera el mensaje de prueba enviado a {{address}}",
    provider_held:
      "el proveedor retuvo el mensaje de prueba enviado a {{address}} hasta la confirmación del reenvío; verifique de nuevo ahora que está confirmado",
  },
  // What a bounce of a test message means (R27), by kind (lib/forwarding/explain-bounce.ts).
  bounce: {
    m365_forwarding_blocked: "Microsoft 365 bloquea el reenvío a direcciones externas",
    m365_spam_block: "Microsoft 365 rechazó el mensaje como spam (no es la directiva de reenvío)",
    mailbox_unknown: "La dirección no existe",
    quota: "El buzón está lleno",
    relay_denied: "El servidor de destino rechazó el mensaje",
    unrecognised: "El proveedor devolvió el mensaje de prueba",
  },
  domainAlert: {
    brokenSubject: "Acción necesaria: {{platform}} ya no puede enviar como {{domain}}",
    brokenIntro:
      "El registro DKIM de {{domain}} falta en el DNS desde el {{since}}, por lo que {{platform}} no puede enviar correo como {{domain}} (por ejemplo, las respuestas de sus colas).",
    record: "Registro que publicar: TXT en {{fqdn}}",
    value: "Valor: {{value}}",
    todo: "Vuelva a publicar este registro en su proveedor de DNS y luego abra la configuración del dominio y pulse «Comprobar DNS».",
    link: "Configuración del dominio: {{url}}",
    recoveredSubject: "{{platform}} puede volver a enviar como {{domain}}",
    recoveredIntro:
      "El registro DKIM de {{domain}} se verificó de nuevo el {{at}}: {{platform}} puede volver a enviar correo como {{domain}}.",
    footer: "Recibe este correo como administrador de {{org}} en {{platform}}.",
  },
  webhookPaused: {
    subject: "Webhook en pausa: {{url}} rechaza eventos desde hace 5 días",
    intro:
      "{{platform}} ha pausado el endpoint de webhook {{url}} de {{org}}: todas las entregas fallan desde el {{since}}.",
    todo: "No se le envían eventos mientras esté en pausa. Repare el receptor y reanúdelo en Configuración → Webhooks; las entregas fallidas se pueden reenviar desde su registro.",
    link: "Configuración: {{url}}",
    footer: "Recibe este correo como administrador de {{org}} en {{platform}}.",
  },
};
