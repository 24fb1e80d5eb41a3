import type { Catalogue } from "./en";

export const pt: Catalogue = {
  verification: {
    subject: "Verificação do reencaminhamento da {{platform}} para {{address}} [{{token}}]",
    intro: "Esta é uma mensagem automática da {{platform}}: pode ignorá-la.",
    purpose: "Verifica se o correio enviado para {{address}} é reencaminhado para {{alias}}.",
    deadline:
      "Se regressar através desse alias antes de {{deadline}}, a caixa de correio mostrará «Forwarding verified».",
    sentAt: "Enviada em {{sentAt}}.",
    token: "Código de verificação: {{token}}",
  },
  alert: {
    openedSubject: "Ação necessária: o correio para {{address}} pode não estar a chegar à {{platform}}",
    openedIntro: "A caixa de correio {{name}} ({{address}}) precisa da sua atenção.",
    seen: "O que observámos:",
    todo: "O que fazer:",
    causeVerificationFailed:
      "A verificação do reencaminhamento de {{at}} falhou: a mensagem de teste enviada para {{address}} não regressou através de {{alias}}.",
    causeReason: "Resposta do fornecedor: {{reason}}",
    causeSilent:
      "Não chega correio desde {{since}}, muito mais tempo do que esta caixa costuma esperar entre duas mensagens.",
    causeConfirmation: "O Gmail está à espera de que alguém confirme o reencaminhamento para {{alias}}.",
    todoRule:
      "No seu fornecedor de correio, confirme que o correio para {{address}} é reencaminhado para {{alias}} e, depois, clique em «Verify forwarding» na página da caixa de correio.",
    todoConfirmation:
      "Abra a ligação de confirmação apresentada na página da caixa de correio e, depois, clique em «Verify forwarding».",
    link: "Página da caixa de correio: {{url}}",
    footer:
      "Recebe este e-mail como administrador de {{org}} na {{platform}}. Receberá mais um e-mail quando a caixa voltar a funcionar, e nenhum outro alerta sobre este incidente.",
    recoveredSubject: "Resolvido: o correio para {{address}} volta a chegar à {{platform}}",
    recoveredIntro:
      "A caixa de correio {{name}} ({{address}}) voltou a funcionar: o reencaminhamento foi verificado em {{at}}.",
    recoveredDuration: "Precisou de atenção de {{openedAt}} até {{resolvedAt}}.",
    recoveredFooter: "Recebe este e-mail como administrador de {{org}} na {{platform}}.",
    digestSubject: "Ação necessária: {{count}} caixas de correio podem não estar a receber correio",
    digestIntro: "{{count}} caixas de correio de {{org}} precisam da sua atenção:",
    digestRecoveredSubject: "Resolvido: {{count}} caixas de correio voltam a receber correio",
    digestRecoveredIntro: "{{count}} caixas de correio de {{org}} voltaram a funcionar:",
  },
  // Why a verification failed (codes stored in the database, lib/mailbox-state/failure-reason.ts).
  failure: {
    timed_out: "a mensagem de teste enviada para {{address}} não voltou pelo alias dentro de {{timeout}}",
    address_changed:
      "o endereço da caixa de correio mudou antes de a mensagem de teste enviada para {{address}} voltar",
    provider_held:
      "o provedor reteve a mensagem de teste enviada para {{address}} até a confirmação do reencaminhamento; verifique novamente agora que está confirmado",
  },
  // What a bounce of a test message means (R27), by kind (lib/forwarding/explain-bounce.ts).
  bounce: {
    m365_forwarding_blocked: "O Microsoft 365 bloqueia o reencaminhamento para endereços externos",
    m365_spam_block: "O Microsoft 365 recusou a mensagem como spam (não é a política de reencaminhamento)",
    mailbox_unknown: "O endereço não existe",
    quota: "A caixa de correio está cheia",
    relay_denied: "O servidor de destino recusou a mensagem",
    unrecognised: "O provedor devolveu a mensagem de teste",
  },
  domainAlert: {
    brokenSubject: "Ação necessária: {{platform}} já não pode enviar como {{domain}}",
    brokenIntro:
      "O registo DKIM de {{domain}} não está no DNS desde {{since}}, por isso {{platform}} não pode enviar email como {{domain}} (por exemplo, as respostas das suas filas).",
    record: "Registo a publicar: TXT em {{fqdn}}",
    value: "Valor: {{value}}",
    todo: 'Publique novamente este registo no seu fornecedor de DNS e depois abra a configuração do domínio e clique em "Verificar DNS".',
    link: "Configuração do domínio: {{url}}",
    recoveredSubject: "{{platform}} pode voltar a enviar como {{domain}}",
    recoveredIntro:
      "O registo DKIM de {{domain}} foi verificado novamente em {{at}}: {{platform}} pode voltar a enviar email como {{domain}}.",
    footer: "Recebe este email como administrador de {{org}} em {{platform}}.",
  },
  webhookPaused: {
    subject: "Webhook em pausa: {{url}} recusa eventos há 5 dias",
    intro:
      "{{platform}} colocou em pausa o endpoint de webhook {{url}} de {{org}}: todas as entregas falham desde {{since}}.",
    todo: "Nenhum evento lhe é enviado enquanto estiver em pausa. Corrija o recetor e retome-o em Definições → Webhooks; as entregas falhadas podem ser reenviadas a partir do registo.",
    link: "Definições: {{url}}",
    footer: "Recebe este email como administrador de {{org}} em {{platform}}.",
  },
};
