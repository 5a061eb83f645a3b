# agentdesk — Español

## Errores devueltos por la API
error-validation-failed = Algunos campos requieren tu atención.
error-email-read-only = Tu correo electrónico es tu identidad para iniciar sesión y no se puede cambiar aquí.
error-weak-password = Elige una contraseña más segura.
error-invalid-credentials = El correo electrónico o la contraseña no son correctos.
error-unauthenticated = Inicia sesión para continuar.
error-forbidden = No tienes permiso para hacer esto.
error-not-found = No encontramos lo que buscabas.
error-email-taken = Alguien en agentdesk ya usa este correo electrónico.
error-cannot-deactivate-self = No puedes desactivar tu propia cuenta.
error-rate-limited = Demasiados intentos. Vuelve a intentarlo en { $seconds ->
    [one] 1 segundo
   *[other] { $seconds } segundos
}.
error-cross-site = Esta solicitud venía de otro sitio y se rechazó.
error-malformed-body = No se pudo leer la solicitud.
error-invalid-body = La solicitud contiene campos desconocidos o de un tipo incorrecto.
error-unsupported-media-type = Este tipo de contenido no se admite aquí.
error-payload-too-large = La solicitud es demasiado grande.
error-method-not-allowed = Esta acción no está disponible aquí.
error-busy = El servidor está ocupado. Vuelve a intentarlo en un momento.
error-internal = Algo salió mal de nuestro lado. Vuelve a intentarlo.
error-network = No se pudo conectar con agentdesk. Revisa tu conexión y vuelve a intentarlo.
error-avatar-too-large = La imagen no puede superar los 5 MB.
error-invalid-image = No se puede usar esta imagen: está dañada o es demasiado grande (máximo 10.000 píxeles por lado).
error-wrong-password = Tu contraseña actual no es correcta.
error-invalid-code = Ese código no es correcto.
error-code-expired = Este código caducó. Solicita uno nuevo.
error-too-many-attempts = Demasiados códigos incorrectos. Espera { $seconds ->
    [one] 1 segundo
   *[other] { $seconds } segundos
} y solicita un código nuevo.
error-delivery-failed = No pudimos enviar el código en este momento. Vuelve a intentarlo en unos instantes.
error-phone-not-verified = Primero agrega y verifica un número de teléfono.
error-email-not-configured = No se pueden enviar códigos por correo: este servidor no tiene un servidor de correo configurado. Elige otro método o consulta a tu administrador.
error-sms-not-configured = No se pueden enviar códigos por SMS: este servidor no tiene un proveedor de SMS configurado. Elige otro método o consulta a tu administrador.
error-phone-in-use = Tus códigos para iniciar sesión llegan a este número. Primero desactiva la autenticación de dos factores o cámbiala al correo electrónico.
error-two-factor-required = Tu empresa exige la autenticación de dos factores, así que no se puede desactivar.
error-two-factor-off = Primero activa la autenticación de dos factores.
error-nothing-to-resend = Los códigos de una aplicación de autenticación no se envían, así que no hay nada que reenviar. Abre la aplicación para ver el código actual.

## Problemas en los campos
field-required = Este campo es obligatorio.
field-too-long = Es demasiado largo.
field-too-short = Es demasiado corto.
field-invalid-format = Esto no parece correcto.
field-unsupported = Este valor no se admite.
field-not-mobile = Este número no puede recibir mensajes de texto. Usa un número de móvil.

## Contraseñas
password-too-short = Usa al menos 8 caracteres.
password-too-long = Usa como máximo 128 caracteres.
password-contains-personal = No uses tu nombre ni tu correo electrónico en la contraseña.
password-too-common = Esta contraseña es demasiado común o fácil de adivinar.
password-rules = Al menos 8 caracteres. Las frases largas son fáciles de recordar y difíciles de adivinar.

## Páginas de error
error-page-not-found-title = Página no encontrada
error-page-forbidden-title = Acceso denegado
error-page-server-title = Algo salió mal
error-page-generic-title = No funcionó
error-page-home = Volver a agentdesk

## Inicio de sesión
login-title = Iniciar sesión
login-subtitle = Hola de nuevo. Tus clientes te esperan.
login-email = Correo electrónico
login-password = Contraseña
login-submit = Iniciar sesión
login-submitting = Iniciando sesión…
login-fill-both = Escribe tu correo electrónico y tu contraseña.
login-aside-customer = ¡Hola! Mi pedido todavía no llega 📦
login-aside-agent = Lo siento mucho. Déjame revisarlo ahora mismo.
login-tagline = Cada conversación de WhatsApp, atendida por la persona indicada.
login-otp-title = Escribe tu código
login-otp-sent = Enviamos un código de 6 dígitos a %destination%. Es válido durante 10 minutos.
login-otp-code = Código
login-otp-submit = Verificar
login-otp-submitting = Verificando…
login-otp-resend = Enviar un código nuevo
login-otp-resend-in = Nuevo código en %seconds% s
login-otp-resent = Te estamos enviando un código nuevo.
login-otp-back = Volver a empezar
language-label = Idioma

## Estructura de la aplicación
shell-skip-to-content = Saltar al contenido
shell-navigation = Navegación principal
shell-account-menu = Menú de la cuenta
nav-inbox = Bandeja de entrada
nav-agents = Agentes
menu-preferences = Tus preferencias
menu-sign-out = Cerrar sesión

## Bandeja de entrada
inbox-empty-title = Todo al día, { $name }
inbox-empty-body = Las nuevas conversaciones de WhatsApp aparecerán aquí en cuanto los clientes escriban a los números de tu empresa.

## Tus preferencias
prefs-title = Tus preferencias
prefs-profile = Perfil
prefs-first-name = Nombre
prefs-last-name = Apellido
prefs-email = Correo electrónico
prefs-email-hint = Inicias sesión con tu correo electrónico. Si necesitas cambiarlo, pídeselo a un administrador.
prefs-save = Guardar
prefs-saving = Guardando…
prefs-saved = Guardado
prefs-save-failed = No se pudieron guardar tus cambios.
prefs-nothing-saved = No se guardó nada.
prefs-unsaved = Tienes cambios sin guardar.
prefs-language = Idioma
prefs-language-hint = Se aplica de inmediato a todas las páginas y a los correos y mensajes de texto que te enviamos.
prefs-avatar = Foto de perfil
prefs-avatar-hint = JPEG, PNG o WebP, hasta 5 MB. La ven tus compañeros; los clientes, nunca.
prefs-avatar-choose = Elegir una foto
prefs-avatar-change = Cambiar foto
prefs-avatar-remove = Quitar foto
prefs-avatar-drop = Suelta la foto aquí
prefs-avatar-preview = Tu foto de perfil
prefs-avatar-remove-title = ¿Quitar tu foto?
prefs-avatar-remove-body = Tus compañeros verán tus iniciales en su lugar.
prefs-avatar-removed = Se quitó la foto
prefs-avatar-crop-title = Recorta tu foto
prefs-avatar-crop-hint = Arrastra para mover la foto. Usa el control deslizante para hacer zoom.
prefs-avatar-zoom = Zoom
prefs-avatar-use = Usar esta foto
prefs-avatar-pending = Elegiste una foto nueva. Guarda para aplicarla.
prefs-avatar-uploading = Subiendo foto… %percent%
prefs-avatar-not-image = Elige una imagen JPEG, PNG o WebP.
prefs-password = Contraseña
prefs-password-hint = Tras el cambio, tu sesión sigue abierta aquí y se cierra en todos los demás dispositivos.
prefs-password-current = Contraseña actual
prefs-password-new = Contraseña nueva
prefs-password-confirm = Confirmar contraseña nueva
prefs-password-mismatch = Las dos contraseñas nuevas no coinciden.
prefs-password-submit = Cambiar contraseña
prefs-password-changing = Cambiando…
prefs-password-changed = Contraseña cambiada. Se cerró tu sesión en todos los demás dispositivos.
prefs-strength = Seguridad de la contraseña
prefs-strength-0 = Muy débil
prefs-strength-1 = Débil
prefs-strength-2 = Aceptable
prefs-strength-3 = Fuerte
prefs-strength-4 = Muy fuerte

## Roles
role-admin = Administrador
role-agent = Agente

## Administración › Agentes
agents-title = Agentes
agents-add = Agregar agente
agents-create = Crear agente
agents-col-name = Nombre
agents-col-role = Rol
agents-col-status = Estado
agents-col-actions = Acciones
agents-you = tú
agents-active = Activo
agents-inactive = Desactivado
agents-deactivate = Desactivar
agents-reactivate = Reactivar
agents-confirm-deactivate = ¿Desactivar a { $name }? Su sesión se cerrará de inmediato en todos sus dispositivos.
agents-initial-password = Contraseña inicial
agents-created = Agente creado
action-cancel = Cancelar

## Errores de la bandeja de entrada
error-number-taken = Este número de WhatsApp ya está conectado.
error-window-closed = Pasaron más de 24 horas desde el último mensaje del cliente. Ahora WhatsApp solo permite mensajes de plantilla.
error-conversation-conflict = Este cliente ya tiene otra conversación abierta en este número.
error-conversation-closed = Esta conversación está cerrada. Reábrela para responder.
error-file-too-large = Este archivo supera el tamaño que permite WhatsApp (imágenes 5 MB, audio y video 16 MB, documentos 100 MB).
error-invalid-signature = Falta la firma del webhook o no es válida.

## Páginas de la bandeja de entrada
numbers-title = Números de WhatsApp
nav-numbers = Números
sim-title = Simulador de cliente

## Interfaz de la bandeja. Las palabras entre signos de porcentaje (%actor%, %agent%, %name%, %when%, %emoji%,
## %count%) las completa el navegador: déjalas tal cual, en cualquier parte de la frase.
inbox-views = Vistas de conversaciones
inbox-view-mine = Mías
inbox-view-unassigned = Sin asignar
inbox-view-all = Todas
inbox-filter-status = Estado de la conversación
inbox-status-open = Abierta
inbox-status-closed = Cerrada
inbox-status-any = Cualquier estado
inbox-filter-number = Número de WhatsApp
inbox-number-any = Todos los números
inbox-live-reconnecting = Reconectando…
inbox-simulator-link = Abrir el simulador de cliente
inbox-list-empty-mine = No tienes nada asignado por ahora. Las nuevas conversaciones para ti aparecerán aquí.
inbox-list-empty-unassigned = No hay conversaciones esperando a que alguien las tome.
inbox-list-empty-all = Ninguna conversación coincide con estos filtros.
inbox-list-empty-closed = Ninguna conversación cerrada coincide con estos filtros.
inbox-retry = Reintentar
inbox-conversation = Conversación
inbox-select-title = Elige una conversación
inbox-select-body = Elige una conversación de la lista para leerla y responder.
inbox-back = Volver a las conversaciones
inbox-details = Detalles
inbox-details-close = Cerrar detalles
inbox-actions = Acciones de la conversación
inbox-assignee = Responsable
inbox-unassigned = Sin asignar
inbox-assign-me = Asignarme
inbox-transfer = Transferir…
inbox-unassign = Quitar asignación
inbox-close = Cerrar
inbox-reopen = Reabrir
inbox-you = Tú
inbox-someone = Alguien
inbox-customer = Cliente
inbox-no-phone = Número de teléfono no compartido
inbox-messages = Mensajes
inbox-loading-older = Cargando mensajes anteriores…
inbox-loading-more = Cargando más conversaciones…
inbox-conversations = Conversaciones
inbox-new-messages = Mensajes nuevos
inbox-window-open = La ventana de respuesta se cierra %when%
inbox-window-open-short = Abierta, se cierra %when%
inbox-window-closed-short = Ventana de respuesta cerrada
inbox-window-conversation-closed = No abierta: la conversación está cerrada
inbox-window-closed-title = La ventana de respuesta de 24 horas está cerrada
inbox-window-closed-body = WhatsApp solo permite respuestas libres durante las 24 horas posteriores al último mensaje del cliente. Podrás volver a responder en cuanto el cliente escriba.
inbox-window-never-body = El cliente aún no ha escrito en esta conversación. WhatsApp solo permite respuestas libres después de que el cliente escriba.
inbox-closed-notice = Esta conversación está cerrada. Reábrela para responder.
inbox-composer-label = Tu respuesta
inbox-composer-placeholder = Escribe una respuesta…
inbox-composer-hint = Enter para enviar · Shift+Enter para una nueva línea
inbox-composer-disabled-window = Las respuestas están en pausa hasta que el cliente vuelva a escribir
inbox-composer-disabled-closed = Reabre la conversación para responder
inbox-composer-disabled-disconnected = Sin respuestas: este número está desconectado
inbox-send = Enviar
inbox-message-reply = Responder a este mensaje
inbox-reply-cancel = Cancelar respuesta
inbox-quote-missing = El mensaje original no está disponible
inbox-msg-pending = Enviando
inbox-msg-sent = Enviado
inbox-msg-delivered = Entregado
inbox-msg-read = Leído
inbox-msg-failed = No entregado
inbox-reaction = El cliente reaccionó con %emoji%
inbox-media-image = Foto
inbox-media-video = Video
inbox-media-audio = Audio
inbox-media-voice = Mensaje de voz
inbox-media-document = Documento
inbox-media-sticker = Sticker
inbox-media-unavailable = Vista previa aún no disponible
inbox-media-loading = Cargando…
inbox-media-open = Abrir la imagen completa en una pestaña nueva
inbox-media-download = Descargar
inbox-attach = Adjuntar un archivo
inbox-attachment-remove = Quitar el archivo adjunto
inbox-composer-caption = Agrega una descripción (opcional)…
inbox-uploading = Subiendo… %percent%
inbox-uploading-label = Progreso de la subida
inbox-location = Ubicación
inbox-location-open = Abrir mapa
inbox-contacts = Contacto compartido
inbox-reply-button = Tocó un botón
inbox-reply-list = Eligió de una lista
inbox-unsupported = Este tipo de mensaje aún no se puede mostrar
inbox-interactive = Mensaje interactivo
inbox-today = Hoy
inbox-yesterday = Ayer
inbox-event-created = Conversación iniciada
inbox-event-assigned = %actor% la asignó a %agent%
inbox-event-assigned-auto = Asignada automáticamente a %agent%
inbox-event-assigned-self = %actor% tomó esta conversación
inbox-event-unassigned = %actor% quitó la asignación
inbox-event-unassigned-auto = Asignación quitada
inbox-event-closed = Cerrada por %actor%
inbox-event-closed-auto = Cerrada
inbox-event-reopened = Reabierta por %actor%
inbox-event-reopened-auto = Reabierta
inbox-done-assigned-me = Asignada a ti
inbox-done-transferred = Transferida a %name%
inbox-done-unassigned = Conversación sin asignar
inbox-done-closed = Conversación cerrada
inbox-done-reopened = Conversación reabierta
inbox-transfer-title = Transferir conversación
inbox-transfer-body = Elige quién atenderá ahora esta conversación. Pasará de inmediato a su vista Mías.
inbox-transfer-search = Buscar compañeros
inbox-transfer-empty = Ningún compañero coincide con tu búsqueda.
inbox-transfer-current = Asignada
inbox-details-customer-id = ID de usuario de WhatsApp
inbox-details-number = Número de la empresa
inbox-details-status = Estado
inbox-details-started = Inicio
inbox-details-initiated = Iniciada por
inbox-details-window = Ventana de respuesta
inbox-initiated-customer = El cliente
inbox-initiated-business = Tu equipo

## Disponibilidad (barra lateral)
availability-label = Tu estado
availability-available = Disponible
availability-away = Ausente
availability-offline = Desconectado
availability-failed = No se pudo cambiar tu estado.

## Administración › Números de WhatsApp
numbers-intro = Los números de WhatsApp Business que atiende tu equipo. Los mensajes que los clientes envían a estos números llegan a la bandeja de entrada.
numbers-add = Agregar número
numbers-add-intro = Conecta un número de la plataforma WhatsApp Business de Meta.
numbers-create = Conectar número
numbers-created = Número conectado
numbers-col-name = Número
numbers-col-id = ID del número de teléfono
numbers-col-assignment = Asignación
numbers-col-status = Estado
numbers-col-added = Agregado
numbers-connected = Conectado
numbers-token-invalid = Token rechazado
numbers-token-invalid-hint = WhatsApp rechazó el token de acceso de este número. No se podrán enviar respuestas hasta que lo reemplaces.
numbers-assignment-manual = Manual
numbers-assignment-manual-hint = Las nuevas conversaciones esperan en Sin asignar hasta que alguien las tome.
numbers-assignment-round-robin = Por turnos
numbers-assignment-round-robin-hint = Las nuevas conversaciones se reparten por turnos entre los agentes disponibles.
numbers-empty-title = Aún no hay números conectados
numbers-empty-body = Conecta tu primer número de WhatsApp Business para empezar a recibir conversaciones.
numbers-field-name = Nombre
numbers-field-name-hint = Cómo llama tu equipo a este número, p. ej., “Soporte” o “Ventas”.
numbers-field-display = Número de teléfono visible
numbers-field-id = ID del número de teléfono
numbers-field-id-hint = Encuentra el ID del número de teléfono (solo dígitos) en el Administrador de WhatsApp de Meta, en Configuración de la API.
numbers-field-token = Token de acceso
numbers-field-token-hint = Un token permanente con el permiso whatsapp_business_messaging. Se guarda en el servidor y no se vuelve a mostrar nunca, ni siquiera a los administradores.
numbers-field-assignment = Nuevas conversaciones
inbox-number-disconnected-notice = Este número se desconectó. La conversación se conserva, pero no se pueden enviar respuestas.
error-number-disconnected = Un administrador desconectó este número de WhatsApp, así que no se puede enviar nada desde él.
numbers-reconnect = Conectar de nuevo
numbers-disconnected-done = Número desconectado. Sus conversaciones se conservan.
numbers-disconnected = Desconectado
numbers-disconnect-body = Los mensajes nuevos a { $name } dejarán de llegar y nadie podrá responder desde él. Sus conversaciones se quedan en la bandeja y podrás conectarlo de nuevo más tarde.
numbers-disconnect-title = ¿Desconectar este número?
numbers-disconnect = Desconectar
numbers-field-new-token-hint = Déjalo vacío para conservar el token actual. Uno nuevo lo reemplaza de inmediato.
numbers-field-new-token = Nuevo token de acceso (opcional)
numbers-saved = Cambios guardados
numbers-edit-title = Editar número
numbers-edit = Editar
action-save = Guardar

## Simulador de cliente (modo demo)
sim-demo = Demo
sim-intro = Ponte en el lugar de un cliente que escribe a tus números de WhatsApp de demostración. Todo pasa por la ruta real del webhook, con firma igual que la de Meta, y las respuestas de tu equipo aparecen en este teléfono.
sim-phone = Teléfono del cliente
sim-number = Número de la empresa
sim-customer = Cliente
sim-new-customer = Nuevo cliente
sim-customer-name = Nombre
sim-customer-phone = Número de teléfono (opcional)
sim-customer-phone-hint = Sin número de teléfono, al cliente solo se le conoce por un ID de usuario de WhatsApp, como a quienes usan un nombre de usuario.
sim-create = Agregar cliente
sim-created = %name% ya puede chatear
sim-no-phone = sin número de teléfono
sim-auto-read = Leer mensajes automáticamente
sim-auto-read-hint = Los mensajes de la empresa se marcan con el doble check azul en cuanto llegan.
sim-open-inbox = Abrir la bandeja de entrada
sim-foot = Consejo: abre la bandeja de entrada en otra ventana para ver llegar los mensajes en vivo.
sim-business = Cuenta de empresa
sim-mark-read = Marcar como leído
sim-read-done = Marcados como leídos: %count%
sim-read-none = Ya estaba todo leído.
sim-e2e = Chat de demostración: los mensajes solo llegan a este agentdesk, nunca a WhatsApp.
sim-empty = Aún no hay mensajes. ¡Saluda a la empresa!
sim-message = Mensaje
sim-attach = Adjuntar
sim-attach-photo = Foto
sim-attach-document = Documento
sim-attach-location = Ubicación
sim-attach-hint = Lo que escribas en el cuadro de mensaje se envía como descripción.
sim-location-name = Avenida Paulista
sim-location-address = Av. Paulista, 1578 – Bela Vista, São Paulo
sim-choose = Elegir
sim-media-open = Abrir
sim-failed = El simulador no pudo hacer eso. Vuelve a intentarlo.

## Mensajes que enviamos (correo electrónico y SMS). { $code } es el código de seis dígitos.
otp-email-subject = Tu código de agentdesk
otp-login = { $code } es tu código de agentdesk para iniciar sesión. Caduca en 10 minutos. No lo compartas con nadie.
otp-two-factor = { $code } es tu código de agentdesk para cambiar la autenticación de dos factores. Caduca en 10 minutos.
otp-phone-old = { $code } es tu código de agentdesk para confirmar el cambio de tu número de teléfono. Caduca en 10 minutos.
otp-phone-new = { $code } es tu código de agentdesk para verificar este número de teléfono. Caduca en 10 minutos.
notice-email-subject = Aviso de seguridad de agentdesk
notice-two-factor-enabled = Se activó la autenticación de dos factores en tu cuenta de agentdesk. Si no fuiste tú, contacta de inmediato a tu administrador.
notice-two-factor-disabled = Se desactivó la autenticación de dos factores en tu cuenta de agentdesk. Si no fuiste tú, contacta de inmediato a tu administrador.
notice-two-factor-switched = Tus códigos para iniciar sesión en agentdesk ahora se envían por otro método. Si no fuiste tú, contacta de inmediato a tu administrador.
notice-phone-changed = Se cambió el número de teléfono de tu cuenta de agentdesk. Si no fuiste tú, contacta de inmediato a tu administrador.
notice-phone-removed = Se eliminó el número de teléfono de tu cuenta de agentdesk. Si no fuiste tú, contacta de inmediato a tu administrador.

## Tus preferencias › Seguridad. El navegador completa %destination%.
prefs-security = Seguridad
security-2fa-title = Autenticación de dos factores
security-2fa-intro = Al iniciar sesión, además de tu contraseña, te pediremos un código de un solo uso de tu aplicación de autenticación, tu teléfono o tu correo electrónico. Así, aunque alguien descubra tu contraseña, no podrá entrar.
security-2fa-on = Activada
security-2fa-off = Desactivada
security-2fa-method = Obtener códigos de
security-phone-unavailable = El número de teléfono se verifica por SMS, y este servidor todavía no puede enviar SMS.
security-admin-email-not-configured = Administradores: los códigos por correo están desactivados porque no hay un servidor de correo configurado. Define AGENTDESK_DELIVERY__SMTP__HOST (y el puerto, el modo TLS, las credenciales y el remitente si hacen falta) y reinicia el servidor.
security-admin-sms-not-configured = Administradores: los códigos por SMS están desactivados porque no hay un proveedor de SMS configurado. Define AGENTDESK_DELIVERY__SMS__ACCOUNT_SID, AGENTDESK_DELIVERY__SMS__AUTH_TOKEN y AGENTDESK_DELIVERY__SMS__FROM (un servicio compatible con Twilio) y reinicia el servidor.
security-channel-unavailable = No disponible en este servidor
security-2fa-turning-off = Desactivando…
security-2fa-turning-on = Activando…
security-2fa-in-use = En uso
security-2fa-method-when-on = Los códigos llegarán por
security-2fa-method-email = Correo electrónico
security-2fa-method-sms = Mensaje de texto (SMS)
security-2fa-sms-needs-phone = Agrega un número de teléfono abajo para recibir códigos por mensaje de texto.
security-2fa-weak-note = Una aplicación de autenticación es la opción más segura: sus códigos nunca viajan por la red. Los códigos por correo electrónico o mensaje de texto detienen a quien solo tiene tu contraseña, pero no a quien controla tu correo o tu número de teléfono.
security-2fa-enabled = La autenticación de dos factores está activada.
security-2fa-disabled = La autenticación de dos factores está desactivada.
security-2fa-switched = Ahora los códigos se envían por el nuevo método.
security-phone-title = Número de teléfono
security-phone-intro = Solo se usa para enviarte por mensaje de texto los códigos para iniciar sesión.
security-phone-none = Aún no hay ningún número de teléfono.
security-phone-country = País o región
security-phone-number = Número de teléfono
security-phone-add = Agregar número
security-phone-change = Cambiar número
security-phone-remove = Eliminar número
security-phone-removed = Se eliminó el número de teléfono.
security-phone-changed = Número de teléfono verificado y guardado.
security-phone-remove-title = ¿Eliminar tu número de teléfono?
security-phone-remove-body = Ya no recibirás códigos por mensaje de texto.
security-events-title = Actividad de seguridad reciente
security-events-empty = Aún no hay actividad.
security-event-signed_in = Inicio de sesión
security-event-two_factor_failed = Código de inicio de sesión incorrecto
security-event-two_factor_enabled = Autenticación de dos factores activada
security-event-two_factor_disabled = Autenticación de dos factores desactivada
security-event-two_factor_switched = Método de dos factores cambiado
security-event-password_changed = Contraseña cambiada
security-event-phone_changed = Número de teléfono cambiado
security-event-phone_removed = Número de teléfono eliminado
otp-dialog-title = Confirma que eres tú
otp-dialog-sent = Escribe el código de 6 dígitos que enviamos a %destination%.
otp-dialog-old-phone = Primero, escribe el código que enviamos a tu número actual, %destination%.
otp-dialog-new-phone = Ahora escribe el código que enviamos a tu número nuevo, %destination%.
otp-dialog-confirm = Confirmar
security-setup-required = Tu empresa exige la autenticación de dos factores. Actívala para continuar en agentdesk.
admin-require-2fa = Exigir la autenticación de dos factores
admin-require-2fa-hint = Todos deberán confirmar el inicio de sesión con un código. Quienes aún no la tengan la configurarán justo después de escribir su contraseña.
admin-require-2fa-on = Ahora la autenticación de dos factores es obligatoria para todos.
admin-require-2fa-off = La autenticación de dos factores ya no es obligatoria.
security-sessions-title = Dónde tienes la sesión iniciada
security-sessions-intro = Las sesiones se cierran tras 30 minutos sin uso y 12 horas después de iniciar sesión.
security-sessions-this-device = Este dispositivo
security-sessions-unknown-device = Dispositivo desconocido
security-sessions-sign-out-others = Cerrar las demás sesiones
security-sessions-signed-out = Otras sesiones cerradas: %count%
security-event-signed_out_others = Otras sesiones cerradas

## Aplicación de autenticación y códigos de recuperación
login-otp-totp = Abre tu aplicación de autenticación y escribe el código de 6 dígitos que muestra para agentdesk.
login-use-recovery = Usar un código de recuperación
login-use-otp = Usar un código de 6 dígitos en su lugar
login-recovery-code = Código de recuperación
login-recovery-text = Escribe uno de los códigos de recuperación que guardaste al activar la autenticación de dos factores. Cada código funciona una sola vez.
security-2fa-method-totp = Aplicación de autenticación
security-2fa-totp-hint = Google Authenticator, Microsoft Authenticator, 1Password o cualquier aplicación de códigos basados en el tiempo
security-2fa-strongest = La más segura
otp-dialog-totp = Escribe el código de 6 dígitos que tu aplicación de autenticación muestra para agentdesk.
totp-title = Configura tu aplicación de autenticación
totp-scan = Escanea este código QR con tu aplicación de autenticación.
totp-manual = ¿No puedes escanearlo? Escribe esta clave en la aplicación:
totp-qr-alt = Código QR que agrega agentdesk a tu aplicación de autenticación
totp-enter = Luego escribe el código de 6 dígitos que muestra la aplicación.
action-copy = Copiar
action-copied = Copiado
recovery-title = Códigos de recuperación
recovery-intro = Si pierdes tu teléfono o no puedes recibir códigos, cada código de recuperación te permite iniciar sesión una vez.
recovery-left = { $count ->
    [one] Queda { $count } código sin usar
   *[other] Quedan { $count } códigos sin usar
}
recovery-none = Aún no tienes códigos de recuperación. Genera un conjunto y guárdalo en un lugar seguro.
recovery-generate = Generar códigos nuevos
recovery-dialog-title = Guarda tus códigos de recuperación
recovery-dialog-body = Guarda estos códigos en un lugar seguro, como un administrador de contraseñas. Cada uno te permite iniciar sesión una vez cuando no puedas recibir un código. Solo se muestran ahora.
recovery-download = Descargar
recovery-file-title = Códigos de recuperación de agentdesk para %email%
recovery-saved = Ya guardé estos códigos
recovery-done = Listo
recovery-password-title = Confirma con tu contraseña
recovery-password-body = Los códigos nuevos reemplazan a los actuales: los anteriores dejan de funcionar de inmediato.
recovery-generated = Los códigos de recuperación nuevos están listos. Los anteriores ya no funcionan.
notice-recovery-codes-generated = Se generaron códigos de recuperación nuevos para tu cuenta de agentdesk; los anteriores ya no funcionan. Si no fuiste tú, contacta de inmediato a tu administrador.
notice-recovery-code-used = Se usó un código de recuperación para iniciar sesión en tu cuenta de agentdesk. { $count ->
    [one] Queda { $count } código.
   *[other] Quedan { $count } códigos.
} Si no fuiste tú, contacta de inmediato a tu administrador.
security-event-recovery_code_used = Inicio de sesión con un código de recuperación
security-event-recovery_codes_generated = Códigos de recuperación nuevos generados

## Canned responses
error-short-code-taken = Este código corto ya está en uso. Elige otro.
error-unknown-placeholder = { $name } no es un marcador que puedas usar. Marcadores válidos: { $valid }.
