# agentdesk — Português (Brasil)

## Erros retornados pela API
error-validation-failed = Alguns campos precisam da sua atenção.
error-email-read-only = Seu e-mail é sua identidade de acesso e não pode ser alterado aqui.
error-weak-password = Escolha uma senha mais forte.
error-invalid-credentials = E-mail ou senha incorretos.
error-unauthenticated = Entre para continuar.
error-forbidden = Você não tem permissão para fazer isso.
error-not-found = Não encontramos o que você procurava.
error-email-taken = Alguém no agentdesk já usa este e-mail.
error-cannot-deactivate-self = Você não pode desativar sua própria conta.
error-rate-limited = Muitas tentativas. Tente novamente em { $seconds ->
    [one] { $seconds } segundo
   *[other] { $seconds } segundos
}.
error-cross-site = Esta solicitação veio de outro site e foi recusada.
error-malformed-body = Não foi possível ler a solicitação.
error-invalid-body = A solicitação contém campos desconhecidos ou de tipo incorreto.
error-unsupported-media-type = Este tipo de conteúdo não é aceito aqui.
error-payload-too-large = A solicitação é grande demais.
error-method-not-allowed = Esta ação não está disponível aqui.
error-busy = O servidor está ocupado. Tente novamente em instantes.
error-internal = Algo deu errado do nosso lado. Tente novamente.
error-network = Não foi possível conectar ao agentdesk. Verifique sua conexão e tente novamente.
error-avatar-too-large = A imagem deve ter no máximo 5 MB.
error-invalid-image = Não é possível usar esta imagem: ela está corrompida ou é grande demais (no máximo 10.000 pixels por lado).
error-wrong-password = Sua senha atual está incorreta.
error-invalid-code = Esse código está incorreto.
error-code-expired = Este código expirou. Solicite um novo.
error-too-many-attempts = Muitos códigos incorretos. Aguarde { $seconds ->
    [one] { $seconds } segundo
   *[other] { $seconds } segundos
} e solicite um novo código.
error-delivery-failed = Não foi possível enviar o código agora. Tente novamente em instantes.
error-phone-not-verified = Primeiro adicione e verifique um número de telefone.
error-email-not-configured = Não é possível enviar códigos por e-mail: este servidor não tem um servidor de e-mail configurado. Escolha outro método ou fale com o administrador.
error-sms-not-configured = Não é possível enviar códigos por SMS: este servidor não tem um provedor de SMS configurado. Escolha outro método ou fale com o administrador.
error-phone-in-use = Seus códigos de acesso são enviados para este número. Primeiro desative a autenticação de dois fatores ou mude-a para e-mail.
error-two-factor-required = Sua empresa exige a autenticação de dois fatores, então ela não pode ser desativada.
error-two-factor-off = Primeiro ative a autenticação de dois fatores.
error-nothing-to-resend = Os códigos de um app autenticador não são enviados, então não há nada para reenviar. Abra o app para ver o código atual.

## Problemas nos campos
field-required = Este campo é obrigatório.
field-too-long = Muito longo.
field-too-short = Muito curto.
field-invalid-format = Isto não parece correto.
field-unsupported = Este valor não é aceito.
field-not-mobile = Este número não pode receber mensagens de texto. Use um número de celular.

## Senhas
password-too-short = Use pelo menos 8 caracteres.
password-too-long = Use no máximo 128 caracteres.
password-contains-personal = Não use seu nome nem seu e-mail na senha.
password-too-common = Esta senha é muito comum ou fácil de adivinhar.
password-rules = Pelo menos 8 caracteres. Frases longas são fáceis de lembrar e difíceis de adivinhar.

## Páginas de erro
error-page-not-found-title = Página não encontrada
error-page-forbidden-title = Acesso negado
error-page-server-title = Algo deu errado
error-page-generic-title = Não funcionou
error-page-home = Voltar ao agentdesk

## Login
login-title = Entrar
login-subtitle = Que bom ter você de volta. Seus clientes estão esperando.
login-email = E-mail
login-password = Senha
login-submit = Entrar
login-submitting = Entrando…
login-fill-both = Informe seu e-mail e sua senha.
login-aside-customer = Oi! Meu pedido ainda não chegou 📦
login-aside-agent = Sinto muito por isso — vou verificar agora mesmo para você.
login-tagline = Cada conversa no WhatsApp, respondida pela pessoa certa.
login-otp-title = Digite seu código
login-otp-sent = Enviamos um código de 6 dígitos para %destination%. Ele vale por 10 minutos.
login-otp-code = Código
login-otp-submit = Verificar
login-otp-submitting = Verificando…
login-otp-resend = Enviar novo código
login-otp-resend-in = Novo código em %seconds% s
login-otp-resent = Um novo código está a caminho.
login-otp-back = Recomeçar
language-label = Idioma

## Estrutura do app
shell-skip-to-content = Pular para o conteúdo
shell-navigation = Navegação principal
shell-account-menu = Menu da conta
nav-inbox = Caixa de entrada
nav-agents = Agentes
menu-preferences = Suas preferências
menu-sign-out = Sair

## Caixa de entrada
inbox-empty-title = Tudo em dia, { $name }
inbox-empty-body = Novas conversas do WhatsApp aparecerão aqui assim que os clientes escreverem para os números da sua empresa.

## Suas preferências
prefs-title = Suas preferências
prefs-profile = Perfil
prefs-first-name = Nome
prefs-last-name = Sobrenome
prefs-email = E-mail
prefs-email-hint = Você entra com seu e-mail. Se ele precisar mudar, fale com um administrador.
prefs-save = Salvar
prefs-saving = Salvando…
prefs-saved = Salvo
prefs-save-failed = Não foi possível salvar suas alterações.
prefs-nothing-saved = Nada foi salvo.
prefs-unsaved = Você tem alterações não salvas.
prefs-language = Idioma
prefs-language-hint = Vale na hora para todas as páginas e para os e-mails e mensagens de texto que enviamos a você.
prefs-avatar = Foto do perfil
prefs-avatar-hint = JPEG, PNG ou WebP, até 5 MB. Seus colegas veem a foto; os clientes, nunca.
prefs-avatar-choose = Escolher uma foto
prefs-avatar-change = Trocar foto
prefs-avatar-remove = Remover foto
prefs-avatar-drop = Solte a foto aqui
prefs-avatar-preview = Sua foto do perfil
prefs-avatar-remove-title = Remover sua foto?
prefs-avatar-remove-body = Seus colegas vão ver suas iniciais no lugar dela.
prefs-avatar-removed = Foto removida
prefs-avatar-crop-title = Recorte sua foto
prefs-avatar-crop-hint = Arraste para mover a foto. Use o controle deslizante para dar zoom.
prefs-avatar-zoom = Zoom
prefs-avatar-use = Usar esta foto
prefs-avatar-pending = Nova foto escolhida. Salve para aplicar.
prefs-avatar-uploading = Enviando foto… %percent%
prefs-avatar-not-image = Escolha uma imagem JPEG, PNG ou WebP.
prefs-password = Senha
prefs-password-hint = Depois da troca, sua sessão continua ativa aqui e é encerrada em todos os outros dispositivos.
prefs-password-current = Senha atual
prefs-password-new = Nova senha
prefs-password-confirm = Confirmar nova senha
prefs-password-mismatch = As duas novas senhas não coincidem.
prefs-password-submit = Alterar senha
prefs-password-changing = Alterando…
prefs-password-changed = Senha alterada. Sua sessão foi encerrada em todos os outros dispositivos.
prefs-strength = Força da senha
prefs-strength-0 = Muito fraca
prefs-strength-1 = Fraca
prefs-strength-2 = Razoável
prefs-strength-3 = Forte
prefs-strength-4 = Muito forte

## Funções
role-admin = Administrador
role-agent = Agente

## Admin › Agentes
agents-title = Agentes
agents-add = Adicionar agente
agents-create = Criar agente
agents-col-name = Nome
agents-col-role = Função
agents-col-status = Status
agents-col-actions = Ações
agents-you = você
agents-active = Ativo
agents-inactive = Desativado
agents-deactivate = Desativar
agents-reactivate = Reativar
agents-confirm-deactivate = Desativar { $name }? A sessão será encerrada na hora em todos os dispositivos.
agents-initial-password = Senha inicial
agents-created = Agente criado
action-cancel = Cancelar

## Erros da caixa de entrada
error-number-taken = Este número do WhatsApp já está conectado.
error-window-closed = Já se passaram mais de 24 horas desde a última mensagem do cliente. Agora o WhatsApp só permite mensagens de modelo.
error-conversation-conflict = Este cliente já tem outra conversa aberta neste número.
error-conversation-closed = Esta conversa está encerrada. Reabra-a para responder.
error-file-too-large = Este arquivo é maior do que o WhatsApp permite (imagens 5 MB, áudio e vídeo 16 MB, documentos 100 MB).
error-invalid-signature = A assinatura do webhook está ausente ou incorreta.

## Páginas da caixa de entrada
numbers-title = Números do WhatsApp
nav-numbers = Números
sim-title = Simulador de cliente

## Interface da caixa de entrada. As palavras entre sinais de porcentagem (%actor%, %agent%, %name%, %when%, %emoji%, %count%)
## são preenchidas pelo navegador: mantenha-as como estão, em qualquer posição da frase.
inbox-views = Visualizações de conversas
inbox-view-mine = Minhas
inbox-view-unassigned = Não atribuídas
inbox-view-all = Todas
inbox-filter-status = Status da conversa
inbox-status-open = Aberta
inbox-status-closed = Encerrada
inbox-status-any = Qualquer status
inbox-filter-number = Número do WhatsApp
inbox-number-any = Todos os números
inbox-live-reconnecting = Reconectando…
inbox-simulator-link = Abrir o simulador de cliente
inbox-list-empty-mine = Nada atribuído a você no momento. Novas conversas para você aparecerão aqui.
inbox-list-empty-unassigned = Nenhuma conversa esperando alguém assumir.
inbox-list-empty-all = Nenhuma conversa corresponde a estes filtros.
inbox-list-empty-closed = Nenhuma conversa encerrada corresponde a estes filtros.
inbox-retry = Tentar novamente
inbox-conversation = Conversa
inbox-select-title = Escolha uma conversa
inbox-select-body = Escolha uma conversa na lista para ler e responder.
inbox-back = Voltar às conversas
inbox-details = Detalhes
inbox-details-close = Fechar detalhes
inbox-actions = Ações da conversa
inbox-assignee = Responsável
inbox-unassigned = Sem responsável
inbox-assign-me = Atribuir a mim
inbox-transfer = Transferir…
inbox-unassign = Remover atribuição
inbox-close = Encerrar
inbox-reopen = Reabrir
inbox-you = Você
inbox-someone = Alguém
inbox-customer = Cliente
inbox-no-phone = Telefone não compartilhado
inbox-messages = Mensagens
inbox-loading-older = Carregando mensagens anteriores…
inbox-loading-more = Carregando mais conversas…
inbox-conversations = Conversas
inbox-new-messages = Novas mensagens
inbox-window-open = A janela de resposta fecha %when%
inbox-window-open-short = Aberta, fecha %when%
inbox-window-closed-short = Janela de resposta fechada
inbox-window-conversation-closed = Não aberta: a conversa está encerrada
inbox-window-closed-title = A janela de resposta de 24 horas está fechada
inbox-window-closed-body = O WhatsApp só permite respostas livres até 24 horas após a última mensagem do cliente. Você poderá responder de novo assim que o cliente escrever.
inbox-window-never-body = O cliente ainda não escreveu nesta conversa. O WhatsApp só permite respostas livres depois que o cliente escreve.
inbox-closed-notice = Esta conversa está encerrada. Reabra-a para responder.
inbox-composer-label = Sua resposta
inbox-composer-placeholder = Escreva uma resposta…
inbox-composer-hint = Enter para enviar · Shift+Enter para nova linha
inbox-composer-disabled-window = Respostas pausadas até o cliente escrever de novo
inbox-composer-disabled-closed = Reabra a conversa para responder
inbox-composer-disabled-disconnected = Respostas desativadas: este número está desconectado
inbox-send = Enviar
inbox-message-reply = Responder a esta mensagem
inbox-reply-cancel = Cancelar resposta
inbox-quote-missing = Mensagem original indisponível
inbox-msg-pending = Enviando
inbox-msg-sent = Enviada
inbox-msg-delivered = Entregue
inbox-msg-read = Lida
inbox-msg-failed = Não entregue
inbox-reaction = O cliente reagiu com %emoji%
inbox-media-image = Foto
inbox-media-video = Vídeo
inbox-media-audio = Áudio
inbox-media-voice = Mensagem de voz
inbox-media-document = Documento
inbox-media-sticker = Figurinha
inbox-media-unavailable = Prévia ainda não disponível
inbox-media-loading = Carregando…
inbox-media-open = Abrir a imagem completa em uma nova aba
inbox-media-download = Baixar
inbox-attach = Anexar um arquivo
inbox-attachment-remove = Remover o anexo
inbox-composer-caption = Adicione uma legenda (opcional)…
inbox-uploading = Enviando… %percent%
inbox-uploading-label = Progresso do envio
inbox-location = Localização
inbox-location-open = Abrir mapa
inbox-contacts = Contato compartilhado
inbox-reply-button = Tocou em um botão
inbox-reply-list = Escolheu em uma lista
inbox-unsupported = Este tipo de mensagem ainda não pode ser exibido
inbox-interactive = Mensagem interativa
inbox-today = Hoje
inbox-yesterday = Ontem
inbox-event-created = Conversa iniciada
inbox-event-assigned = Atribuída a %agent% por %actor%
inbox-event-assigned-auto = Atribuída a %agent% automaticamente
inbox-event-assigned-self = %actor% assumiu esta conversa
inbox-event-unassigned = Atribuição removida por %actor%
inbox-event-unassigned-auto = Atribuição removida
inbox-event-closed = Encerrada por %actor%
inbox-event-closed-auto = Encerrada
inbox-event-reopened = Reaberta por %actor%
inbox-event-reopened-auto = Reaberta
inbox-done-assigned-me = Atribuída a você
inbox-done-transferred = Transferida para %name%
inbox-done-unassigned = Atribuição removida
inbox-done-closed = Conversa encerrada
inbox-done-reopened = Conversa reaberta
inbox-transfer-title = Transferir conversa
inbox-transfer-body = Escolha quem vai cuidar desta conversa a partir de agora. Ela vai na hora para a lista "Minhas" dessa pessoa.
inbox-transfer-search = Buscar colegas
inbox-transfer-empty = Nenhum colega corresponde à sua busca.
inbox-transfer-current = Responsável
inbox-details-customer-id = ID de usuário do WhatsApp
inbox-details-number = Número da empresa
inbox-details-status = Status
inbox-details-started = Início
inbox-details-initiated = Iniciada por
inbox-details-window = Janela de resposta
inbox-initiated-customer = O cliente
inbox-initiated-business = Sua equipe

## Disponibilidade (barra lateral)
availability-label = Seu status
availability-available = Disponível
availability-away = Ausente
availability-offline = Offline
availability-failed = Não foi possível alterar seu status.

## Admin › Números do WhatsApp
numbers-intro = Os números do WhatsApp Business que sua equipe atende. As mensagens dos clientes para esses números chegam na caixa de entrada.
numbers-add = Adicionar número
numbers-add-intro = Conecte um número da Plataforma do WhatsApp Business da Meta.
numbers-create = Conectar número
numbers-created = Número conectado
numbers-col-name = Número
numbers-col-id = ID do número de telefone
numbers-col-assignment = Atribuição
numbers-col-status = Status
numbers-col-added = Adicionado em
numbers-connected = Conectado
numbers-token-invalid = Token recusado
numbers-token-invalid-hint = O WhatsApp recusou o token de acesso deste número. Não será possível enviar respostas até que ele seja substituído.
numbers-assignment-manual = Manual
numbers-assignment-manual-hint = Novas conversas ficam em "Não atribuídas" até alguém assumi-las.
numbers-assignment-round-robin = Rodízio
numbers-assignment-round-robin-hint = Novas conversas vão para os agentes disponíveis, em rodízio.
numbers-empty-title = Nenhum número conectado ainda
numbers-empty-body = Conecte seu primeiro número do WhatsApp Business para começar a receber conversas.
numbers-field-name = Nome
numbers-field-name-hint = Como sua equipe chama este número, por exemplo, "Suporte" ou "Vendas".
numbers-field-display = Número de telefone exibido
numbers-field-id = ID do número de telefone
numbers-field-id-hint = Encontre o ID do número de telefone (só dígitos) no Gerenciador do WhatsApp da Meta, em Configuração da API.
numbers-field-token = Token de acesso
numbers-field-token-hint = Um token permanente com a permissão whatsapp_business_messaging. Ele fica guardado no servidor e nunca mais é exibido, nem mesmo para administradores.
numbers-field-assignment = Novas conversas
inbox-number-disconnected-notice = Este número foi desconectado. A conversa foi mantida, mas não é possível responder.
error-number-disconnected = Um administrador desconectou este número de WhatsApp, então nada pode ser enviado por ele.
numbers-reconnect = Conectar de novo
numbers-disconnected-done = Número desconectado. As conversas foram mantidas.
numbers-disconnected = Desconectado
numbers-disconnect-body = Novas mensagens para { $name } deixarão de chegar e ninguém poderá responder por ele. As conversas continuam na caixa de entrada, e você pode conectá-lo de novo depois.
numbers-disconnect-title = Desconectar este número?
numbers-disconnect = Desconectar
numbers-field-new-token-hint = Deixe em branco para manter o token atual. Um novo o substitui na hora.
numbers-field-new-token = Novo token de acesso (opcional)
numbers-saved = Alterações salvas
numbers-edit-title = Editar número
numbers-edit = Editar
action-save = Salvar

## Simulador de cliente (modo demonstração)
sim-demo = Demo
sim-intro = Faça o papel de um cliente escrevendo para os seus números de demonstração do WhatsApp. Tudo passa pelo caminho real do webhook, assinado como a Meta assina, e as respostas da sua equipe aparecem neste telefone.
sim-phone = Telefone do cliente
sim-number = Número da empresa
sim-customer = Cliente
sim-new-customer = Novo cliente
sim-customer-name = Nome
sim-customer-phone = Número de telefone (opcional)
sim-customer-phone-hint = Sem número de telefone, o cliente é identificado só por um ID de usuário do WhatsApp, como quem usa um nome de usuário.
sim-create = Adicionar cliente
sim-created = %name% já pode conversar
sim-no-phone = sem número de telefone
sim-auto-read = Ler mensagens automaticamente
sim-auto-read-hint = As mensagens da empresa ficam com os tiques azuis assim que chegam.
sim-open-inbox = Abrir a caixa de entrada
sim-foot = Dica: abra a caixa de entrada em outra janela para ver as mensagens chegando ao vivo.
sim-business = Conta comercial
sim-mark-read = Marcar como lidas
sim-read-done = Marcadas como lidas: %count%
sim-read-none = Tudo já estava lido.
sim-e2e = Chat de demonstração: as mensagens vão só para este agentdesk, nunca para o WhatsApp.
sim-empty = Nenhuma mensagem ainda. Diga olá para a empresa!
sim-message = Mensagem
sim-attach = Anexar
sim-attach-photo = Foto
sim-attach-document = Documento
sim-attach-location = Localização
sim-attach-hint = O que for digitado na caixa de mensagem é enviado como legenda.
sim-location-name = Avenida Paulista
sim-location-address = Av. Paulista, 1578 – Bela Vista, São Paulo
sim-choose = Escolher
sim-media-open = Abrir
sim-failed = O simulador não conseguiu fazer isso. Tente novamente.

## Mensagens que enviamos (e-mail e SMS). { $code } é o código de seis dígitos.
otp-email-subject = Seu código do agentdesk
otp-login = { $code } é seu código de acesso ao agentdesk. Expira em 10 minutos. Não compartilhe com ninguém.
otp-two-factor = { $code } é seu código do agentdesk para alterar a autenticação de dois fatores. Expira em 10 minutos.
otp-phone-old = { $code } é seu código do agentdesk para confirmar a troca do seu número de telefone. Expira em 10 minutos.
otp-phone-new = { $code } é seu código do agentdesk para verificar este número de telefone. Expira em 10 minutos.
notice-email-subject = Aviso de segurança do agentdesk
notice-two-factor-enabled = A autenticação de dois fatores foi ativada na sua conta do agentdesk. Se não foi você, fale com seu administrador imediatamente.
notice-two-factor-disabled = A autenticação de dois fatores foi desativada na sua conta do agentdesk. Se não foi você, fale com seu administrador imediatamente.
notice-two-factor-switched = Seus códigos de acesso ao agentdesk agora são enviados por outro método. Se não foi você, fale com seu administrador imediatamente.
notice-phone-changed = O número de telefone da sua conta do agentdesk foi alterado. Se não foi você, fale com seu administrador imediatamente.
notice-phone-removed = O número de telefone da sua conta do agentdesk foi removido. Se não foi você, fale com seu administrador imediatamente.

## Suas preferências › Segurança. %destination% é preenchido pelo navegador.
prefs-security = Segurança
security-2fa-title = Autenticação de dois fatores
security-2fa-intro = Ao entrar, além da senha, pedimos um código de uso único do seu app autenticador, do seu telefone ou do seu e-mail. Assim, mesmo quem descobrir sua senha não consegue entrar.
security-2fa-on = Ativada
security-2fa-off = Desativada
security-2fa-method = Obter códigos de
security-phone-unavailable = O número de telefone é verificado por SMS, e este servidor ainda não consegue enviar SMS.
security-admin-email-not-configured = Administradores: os códigos por e-mail estão desativados porque nenhum servidor de e-mail foi configurado. Defina AGENTDESK_DELIVERY__SMTP__HOST (e a porta, o modo TLS, as credenciais e o remetente, se necessário) e reinicie o servidor.
security-admin-sms-not-configured = Administradores: os códigos por SMS estão desativados porque nenhum provedor de SMS foi configurado. Defina AGENTDESK_DELIVERY__SMS__ACCOUNT_SID, AGENTDESK_DELIVERY__SMS__AUTH_TOKEN e AGENTDESK_DELIVERY__SMS__FROM (um serviço compatível com Twilio) e reinicie o servidor.
security-channel-unavailable = Indisponível neste servidor
security-2fa-turning-off = Desativando…
security-2fa-turning-on = Ativando…
security-2fa-in-use = Em uso
security-2fa-method-when-on = Os códigos virão por
security-2fa-method-email = E-mail
security-2fa-method-sms = Mensagem de texto (SMS)
security-2fa-sms-needs-phone = Adicione um número de telefone abaixo para receber códigos por mensagem de texto.
security-2fa-weak-note = Um app autenticador é a opção mais segura: os códigos dele nunca trafegam pela rede. Códigos por e-mail ou mensagem de texto barram quem só tem sua senha, mas não quem controla seu e-mail ou seu número de telefone.
security-2fa-enabled = A autenticação de dois fatores está ativada.
security-2fa-disabled = A autenticação de dois fatores está desativada.
security-2fa-switched = Agora os códigos são enviados pelo novo método.
security-phone-title = Número de telefone
security-phone-intro = Usado apenas para enviar a você códigos de acesso por mensagem de texto.
security-phone-none = Nenhum número de telefone ainda.
security-phone-country = País ou região
security-phone-number = Número de telefone
security-phone-add = Adicionar número
security-phone-change = Trocar número
security-phone-remove = Remover número
security-phone-removed = Número de telefone removido.
security-phone-changed = Número de telefone verificado e salvo.
security-phone-remove-title = Remover seu número de telefone?
security-phone-remove-body = Você não vai mais receber códigos por mensagem de texto.
security-events-title = Atividade de segurança recente
security-events-empty = Nada por aqui ainda.
security-event-signed_in = Login realizado
security-event-two_factor_failed = Código de acesso incorreto digitado
security-event-two_factor_enabled = Autenticação de dois fatores ativada
security-event-two_factor_disabled = Autenticação de dois fatores desativada
security-event-two_factor_switched = Método de dois fatores alterado
security-event-password_changed = Senha alterada
security-event-phone_changed = Número de telefone alterado
security-event-phone_removed = Número de telefone removido
otp-dialog-title = Confirme que é você
otp-dialog-sent = Digite o código de 6 dígitos que enviamos para %destination%.
otp-dialog-old-phone = Primeiro, digite o código que enviamos para seu número atual, %destination%.
otp-dialog-new-phone = Agora digite o código que enviamos para seu novo número, %destination%.
otp-dialog-confirm = Confirmar
security-setup-required = Sua empresa exige a autenticação de dois fatores. Ative-a para continuar no agentdesk.
admin-require-2fa = Exigir autenticação de dois fatores
admin-require-2fa-hint = Todos precisam confirmar o acesso com um código. Quem ainda não a tiver vai configurá-la logo depois de digitar a senha.
admin-require-2fa-on = Agora a autenticação de dois fatores é obrigatória para todos.
admin-require-2fa-off = A autenticação de dois fatores não é mais obrigatória.
security-sessions-title = Onde você fez login
security-sessions-intro = As sessões são encerradas após 30 minutos sem uso e 12 horas após o login.
security-sessions-this-device = Este dispositivo
security-sessions-unknown-device = Dispositivo desconhecido
security-sessions-sign-out-others = Encerrar as outras sessões
security-sessions-signed-out = Outras sessões encerradas: %count%
security-event-signed_out_others = Outras sessões encerradas

## App autenticador e códigos de recuperação
login-otp-totp = Abra seu app autenticador e digite o código de 6 dígitos que ele mostra para o agentdesk.
login-use-recovery = Usar um código de recuperação
login-use-otp = Usar um código de 6 dígitos em vez disso
login-recovery-code = Código de recuperação
login-recovery-text = Digite um dos códigos de recuperação que você salvou ao ativar a autenticação de dois fatores. Cada código só funciona uma vez.
security-2fa-method-totp = App autenticador
security-2fa-totp-hint = Google Authenticator, Microsoft Authenticator, 1Password ou qualquer app de códigos baseados em tempo
security-2fa-strongest = Mais seguro
otp-dialog-totp = Digite o código de 6 dígitos que seu app autenticador mostra para o agentdesk.
totp-title = Configure seu app autenticador
totp-scan = Escaneie este QR code com seu app autenticador.
totp-manual = Não consegue escanear? Digite esta chave no app:
totp-qr-alt = QR code que adiciona o agentdesk ao seu app autenticador
totp-enter = Depois digite o código de 6 dígitos que o app mostra.
action-copy = Copiar
action-copied = Copiado
recovery-title = Códigos de recuperação
recovery-intro = Se você perder seu telefone ou não conseguir receber códigos, cada código de recuperação permite entrar uma vez.
recovery-left = { $count ->
    [one] Resta { $count } código não usado
   *[other] Restam { $count } códigos não usados
}
recovery-none = Nenhum código de recuperação ainda. Gere um conjunto e guarde-o em um lugar seguro.
recovery-generate = Gerar novos códigos
recovery-dialog-title = Salve seus códigos de recuperação
recovery-dialog-body = Guarde estes códigos em um lugar seguro, como um gerenciador de senhas. Cada um permite entrar uma vez quando você não conseguir receber um código. Eles só são exibidos agora.
recovery-download = Baixar
recovery-file-title = Códigos de recuperação do agentdesk para %email%
recovery-saved = Já salvei estes códigos
recovery-done = Concluído
recovery-password-title = Confirme com sua senha
recovery-password-body = Os novos códigos substituem os atuais: os antigos param de funcionar imediatamente.
recovery-generated = Os novos códigos de recuperação estão prontos. Os antigos não funcionam mais.
notice-recovery-codes-generated = Novos códigos de recuperação foram gerados para sua conta do agentdesk; os anteriores não funcionam mais. Se não foi você, fale com seu administrador imediatamente.
notice-recovery-code-used = Um código de recuperação foi usado para entrar na sua conta do agentdesk. { $count ->
    [one] Resta { $count } código.
   *[other] Restam { $count } códigos.
} Se não foi você, fale com seu administrador imediatamente.
security-event-recovery_code_used = Login com código de recuperação
security-event-recovery_codes_generated = Novos códigos de recuperação gerados

## Canned responses
error-short-code-taken = Este código curto já está em uso. Escolha outro.
error-unknown-placeholder = { $name } não é um marcador que você pode usar. Marcadores válidos: { $valid }.
