# agentdesk — русский (Russian)

## Ошибки, которые возвращает API
error-validation-failed = Проверьте отмеченные поля.
error-email-read-only = Адрес электронной почты используется для входа, изменить его здесь нельзя.
error-weak-password = Выберите более надёжный пароль.
error-invalid-credentials = Неверный адрес электронной почты или пароль.
error-unauthenticated = Войдите, чтобы продолжить.
error-forbidden = У вас нет прав на это действие.
error-not-found = Не удалось найти то, что вы ищете.
error-email-taken = Этот адрес электронной почты уже используется в agentdesk.
error-cannot-deactivate-self = Нельзя деактивировать собственную учётную запись.
error-rate-limited = Слишком много попыток. Повторите через { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунды
    [many] { $seconds } секунд
   *[other] { $seconds } секунды
}.
error-cross-site = Запрос пришёл с другого сайта и был отклонён.
error-malformed-body = Не удалось прочитать запрос.
error-invalid-body = Запрос содержит неизвестные поля или поля неверного типа.
error-unsupported-media-type = Этот тип содержимого здесь не поддерживается.
error-payload-too-large = Слишком большой запрос.
error-method-not-allowed = Это действие здесь недоступно.
error-busy = Сервер перегружен. Повторите попытку чуть позже.
error-internal = На нашей стороне что-то пошло не так. Повторите попытку.
error-network = Не удалось подключиться к agentdesk. Проверьте соединение и повторите попытку.
error-avatar-too-large = Размер изображения — не более 5 МБ.
error-invalid-image = Это изображение нельзя использовать: файл повреждён или слишком велик (не более 10 000 пикселей по каждой стороне).
error-wrong-password = Текущий пароль указан неверно.
error-invalid-code = Неверный код.
error-code-expired = Срок действия кода истёк. Запросите новый.
error-too-many-attempts = Слишком много неверных кодов. Подождите { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунды
    [many] { $seconds } секунд
   *[other] { $seconds } секунды
} и запросите новый код.
error-delivery-failed = Сейчас не удалось отправить код. Повторите попытку чуть позже.
error-phone-not-verified = Сначала добавьте и подтвердите номер телефона.
error-email-not-configured = Коды нельзя отправить по электронной почте: на этом сервере не настроен почтовый сервер. Выберите другой способ или обратитесь к администратору.
error-sms-not-configured = Коды нельзя отправить по SMS: на этом сервере не настроен SMS-провайдер. Выберите другой способ или обратитесь к администратору.
error-phone-in-use = На этот номер приходят ваши коды для входа. Сначала отключите двухфакторную аутентификацию или переключите её на электронную почту.
error-two-factor-required = В вашей компании обязательна двухфакторная аутентификация, поэтому её нельзя отключить.
error-two-factor-off = Сначала включите двухфакторную аутентификацию.
error-nothing-to-resend = Коды из приложения-аутентификатора не отправляются, поэтому отправлять повторно нечего. Откройте приложение, чтобы увидеть текущий код.

## Ошибки в полях
field-required = Обязательное поле.
field-too-long = Слишком длинное значение.
field-too-short = Слишком короткое значение.
field-invalid-format = Неверный формат.
field-unsupported = Это значение не поддерживается.
field-not-mobile = На этот номер нельзя отправить SMS. Укажите номер мобильного телефона.

## Пароли
password-too-short = Используйте не менее 8 символов.
password-too-long = Используйте не более 128 символов.
password-contains-personal = Не используйте в пароле своё имя или адрес электронной почты.
password-too-common = Этот пароль слишком распространён или его легко угадать.
password-rules = Не менее 8 символов. Длинную фразу легко запомнить и трудно подобрать.

## Страницы ошибок
error-page-not-found-title = Страница не найдена
error-page-forbidden-title = Доступ запрещён
error-page-server-title = Что-то пошло не так
error-page-generic-title = Не получилось
error-page-home = Вернуться в agentdesk

## Вход
login-title = Вход
login-subtitle = С возвращением! Клиенты уже ждут.
login-email = Электронная почта
login-password = Пароль
login-submit = Войти
login-submitting = Выполняется вход…
login-fill-both = Введите адрес электронной почты и пароль.
login-aside-customer = Здравствуйте! Мой заказ до сих пор не пришёл 📦
login-aside-agent = Приносим извинения — сейчас всё проверю.
login-tagline = На каждый диалог в WhatsApp отвечает нужный человек.
login-otp-title = Введите код
login-otp-sent = Мы отправили 6-значный код на %destination%. Он действует 10 минут.
login-otp-code = Код
login-otp-submit = Подтвердить
login-otp-submitting = Проверка…
login-otp-resend = Отправить новый код
login-otp-resend-in = Новый код через %seconds% с
login-otp-resent = Новый код уже отправлен.
login-otp-back = Начать заново
language-label = Язык

## Оболочка приложения
shell-skip-to-content = Перейти к содержимому
shell-navigation = Основная навигация
shell-account-menu = Меню учётной записи
nav-inbox = Входящие
nav-agents = Операторы
menu-preferences = Настройки
menu-sign-out = Выйти

## Входящие
inbox-empty-title = Всё разобрано, { $name }
inbox-empty-body = Новые диалоги WhatsApp появятся здесь, как только клиенты напишут на номера вашей компании.

## Настройки
prefs-title = Настройки
prefs-profile = Профиль
prefs-first-name = Имя
prefs-last-name = Фамилия
prefs-email = Электронная почта
prefs-email-hint = Адрес электронной почты нужен для входа. Чтобы изменить его, обратитесь к администратору.
prefs-save = Сохранить
prefs-saving = Сохранение…
prefs-saved = Сохранено
prefs-save-failed = Не удалось сохранить изменения.
prefs-nothing-saved = Ничего не сохранено.
prefs-unsaved = Есть несохранённые изменения.
prefs-language = Язык
prefs-language-hint = Применяется сразу ко всем страницам, а также к письмам и SMS, которые мы вам отправляем.
prefs-avatar = Фото профиля
prefs-avatar-hint = JPEG, PNG или WebP, не более 5 МБ. Фото видят коллеги, но никогда — клиенты.
prefs-avatar-choose = Выбрать фото
prefs-avatar-change = Сменить фото
prefs-avatar-remove = Удалить фото
prefs-avatar-drop = Перетащите фото сюда
prefs-avatar-preview = Ваше фото профиля
prefs-avatar-remove-title = Удалить фото профиля?
prefs-avatar-remove-body = Вместо него коллеги будут видеть ваши инициалы.
prefs-avatar-removed = Фото удалено
prefs-avatar-crop-title = Обрезка фото
prefs-avatar-crop-hint = Перетащите фото, чтобы сдвинуть его. Масштаб меняется ползунком.
prefs-avatar-zoom = Масштаб
prefs-avatar-use = Использовать это фото
prefs-avatar-pending = Выбрано новое фото. Сохраните, чтобы применить его.
prefs-avatar-uploading = Загрузка фото… %percent%
prefs-avatar-not-image = Выберите изображение JPEG, PNG или WebP.
prefs-password = Пароль
prefs-password-hint = После смены пароля на этом устройстве вход сохранится, а на всех остальных сеансы будут завершены.
prefs-password-current = Текущий пароль
prefs-password-new = Новый пароль
prefs-password-confirm = Подтвердите новый пароль
prefs-password-mismatch = Новые пароли не совпадают.
prefs-password-submit = Сменить пароль
prefs-password-changing = Смена пароля…
prefs-password-changed = Пароль изменён. Сеансы на всех остальных устройствах завершены.
prefs-strength = Надёжность пароля
prefs-strength-0 = Очень слабый
prefs-strength-1 = Слабый
prefs-strength-2 = Средний
prefs-strength-3 = Надёжный
prefs-strength-4 = Очень надёжный

## Роли
role-admin = Администратор
role-agent = Оператор

## Администрирование › Операторы
agents-title = Операторы
agents-add = Добавить оператора
agents-create = Создать оператора
agents-col-name = Имя
agents-col-role = Роль
agents-col-status = Статус
agents-col-actions = Действия
agents-you = вы
agents-active = Активен
agents-inactive = Деактивирован
agents-deactivate = Деактивировать
agents-reactivate = Активировать снова
agents-confirm-deactivate = Деактивировать оператора { $name }? Сеансы этого оператора на всех устройствах будут сразу завершены.
agents-initial-password = Начальный пароль
agents-created = Оператор создан
action-cancel = Отмена

## Ошибки входящих
error-number-taken = Этот номер WhatsApp уже подключён.
error-window-closed = С последнего сообщения клиента прошло более 24 часов. Теперь WhatsApp разрешает отправлять только шаблонные сообщения.
error-conversation-conflict = У этого клиента уже есть другой открытый диалог на этом номере.
error-conversation-closed = Этот диалог закрыт. Откройте его снова, чтобы ответить.
error-file-too-large = Файл больше, чем разрешает WhatsApp (изображения — 5 МБ, аудио и видео — 16 МБ, документы — 100 МБ).
error-invalid-signature = Подпись веб-хука отсутствует или неверна.

## Страницы входящих
numbers-title = Номера WhatsApp
nav-numbers = Номера
sim-title = Симулятор клиента

## Интерфейс входящих. Слова между знаками процента (%actor%, %agent%, %name%, %when%, %emoji%, %count%)
## подставляет браузер: оставляйте их без изменений в любом месте предложения.
inbox-views = Списки диалогов
inbox-view-mine = Мои
inbox-view-unassigned = Неназначенные
inbox-view-all = Все
inbox-filter-status = Статус диалога
inbox-status-open = Открыт
inbox-status-closed = Закрыт
inbox-status-any = Любой статус
inbox-filter-number = Номер WhatsApp
inbox-number-any = Все номера
inbox-live-reconnecting = Переподключение…
inbox-simulator-link = Открыть симулятор клиента
inbox-list-empty-mine = Сейчас вам ничего не назначено. Новые диалоги для вас появятся здесь.
inbox-list-empty-unassigned = Нет диалогов, ожидающих назначения.
inbox-list-empty-all = Нет диалогов, соответствующих этим фильтрам.
inbox-list-empty-closed = Нет закрытых диалогов, соответствующих этим фильтрам.
inbox-retry = Повторить
inbox-conversation = Диалог
inbox-select-title = Выберите диалог
inbox-select-body = Выберите диалог в списке, чтобы прочитать его и ответить.
inbox-back = Назад к диалогам
inbox-details = Сведения
inbox-details-close = Закрыть сведения
inbox-actions = Действия с диалогом
inbox-assignee = Ответственный
inbox-unassigned = Не назначен
inbox-assign-me = Назначить мне
inbox-transfer = Передать…
inbox-unassign = Снять назначение
inbox-close = Закрыть
inbox-reopen = Открыть снова
inbox-you = Вы
inbox-someone = Кто-то
inbox-customer = Клиент
inbox-no-phone = Номер телефона не передан
inbox-messages = Сообщения
inbox-loading-older = Загрузка предыдущих сообщений…
inbox-loading-more = Загрузка других диалогов…
inbox-conversations = Диалоги
inbox-new-messages = Новые сообщения
inbox-window-open = Окно ответа закроется %when%
inbox-window-open-short = Открыто, закроется %when%
inbox-window-closed-short = Окно ответа закрыто
inbox-window-conversation-closed = Не открыто: диалог закрыт
inbox-window-closed-title = 24-часовое окно ответа закрыто
inbox-window-closed-body = WhatsApp разрешает отвечать в свободной форме только в течение 24 часов после последнего сообщения клиента. Вы сможете ответить, как только клиент напишет снова.
inbox-window-never-body = Клиент ещё не писал в этом диалоге. WhatsApp разрешает отвечать в свободной форме только после сообщения клиента.
inbox-closed-notice = Этот диалог закрыт. Откройте его снова, чтобы ответить.
inbox-composer-label = Ваш ответ
inbox-composer-placeholder = Напишите ответ…
inbox-composer-hint = Enter — отправить · Shift+Enter — новая строка
inbox-composer-disabled-window = Ответы приостановлены, пока клиент не напишет снова
inbox-composer-disabled-closed = Откройте диалог снова, чтобы ответить
inbox-composer-disabled-disconnected = Ответы недоступны: номер отключён
inbox-send = Отправить
inbox-message-reply = Ответить на это сообщение
inbox-reply-cancel = Отменить ответ
inbox-quote-missing = Исходное сообщение недоступно
inbox-msg-pending = Отправляется
inbox-msg-sent = Отправлено
inbox-msg-delivered = Доставлено
inbox-msg-read = Прочитано
inbox-msg-failed = Не доставлено
inbox-reaction = Реакция клиента: %emoji%
inbox-media-image = Фото
inbox-media-video = Видео
inbox-media-audio = Аудио
inbox-media-voice = Голосовое сообщение
inbox-media-document = Документ
inbox-media-sticker = Стикер
inbox-media-unavailable = Предпросмотр пока недоступен
inbox-media-loading = Загрузка…
inbox-media-open = Открыть изображение целиком в новой вкладке
inbox-media-download = Скачать
inbox-attach = Прикрепить файл
inbox-attachment-remove = Удалить вложение
inbox-composer-caption = Добавьте подпись (необязательно)…
inbox-uploading = Загрузка… %percent%
inbox-uploading-label = Ход загрузки
inbox-location = Местоположение
inbox-location-open = Открыть карту
inbox-contacts = Контакт
inbox-reply-button = Нажата кнопка
inbox-reply-list = Выбран вариант из списка
inbox-unsupported = Этот тип сообщений пока не отображается
inbox-interactive = Интерактивное сообщение
inbox-today = Сегодня
inbox-yesterday = Вчера
inbox-event-created = Диалог начат
inbox-event-assigned = %actor% назначил(а) ответственного: %agent%
inbox-event-assigned-auto = Ответственный назначен автоматически: %agent%
inbox-event-assigned-self = %actor% взял(а) диалог
inbox-event-unassigned = %actor% снял(а) назначение
inbox-event-unassigned-auto = Назначение снято
inbox-event-closed = %actor% закрыл(а) диалог
inbox-event-closed-auto = Диалог закрыт
inbox-event-reopened = %actor% снова открыл(а) диалог
inbox-event-reopened-auto = Диалог снова открыт
inbox-done-assigned-me = Диалог назначен вам
inbox-done-transferred = Диалог передан: %name%
inbox-done-unassigned = Назначение снято
inbox-done-closed = Диалог закрыт
inbox-done-reopened = Диалог снова открыт
inbox-transfer-title = Передать диалог
inbox-transfer-body = Выберите, кто будет вести этот диалог дальше. Диалог сразу появится у коллеги в списке «Мои».
inbox-transfer-search = Поиск коллег
inbox-transfer-empty = Коллеги не найдены.
inbox-transfer-current = Ведёт диалог
inbox-details-customer-id = ID пользователя WhatsApp
inbox-details-number = Номер компании
inbox-details-status = Статус
inbox-details-started = Начат
inbox-details-initiated = Инициатор
inbox-details-window = Окно ответа
inbox-initiated-customer = Клиент
inbox-initiated-business = Ваша команда

## Доступность (боковая панель)
availability-label = Ваш статус
availability-available = На связи
availability-away = Нет на месте
availability-offline = Не в сети
availability-failed = Не удалось изменить статус.

## Администрирование › Номера WhatsApp
numbers-intro = Номера WhatsApp Business, на которые отвечает ваша команда. Сообщения клиентов на эти номера поступают во «Входящие».
numbers-add = Добавить номер
numbers-add-intro = Подключите номер из WhatsApp Business Platform от Meta.
numbers-create = Подключить номер
numbers-created = Номер подключён
numbers-col-name = Номер
numbers-col-id = ID номера телефона
numbers-col-assignment = Распределение
numbers-col-status = Статус
numbers-col-added = Добавлен
numbers-connected = Подключён
numbers-token-invalid = Токен отклонён
numbers-token-invalid-hint = WhatsApp отклонил токен доступа этого номера. Ответы не будут отправляться, пока токен не заменят.
numbers-assignment-manual = Вручную
numbers-assignment-manual-hint = Новые диалоги ждут в списке «Неназначенные», пока их кто-нибудь не возьмёт.
numbers-assignment-round-robin = По очереди
numbers-assignment-round-robin-hint = Новые диалоги по очереди получают операторы, которые на связи.
numbers-empty-title = Номера ещё не подключены
numbers-empty-body = Подключите первый номер WhatsApp Business, чтобы начать получать диалоги.
numbers-field-name = Название
numbers-field-name-hint = Как ваша команда называет этот номер, например «Поддержка» или «Продажи».
numbers-field-display = Отображаемый номер телефона
numbers-field-id = ID номера телефона
numbers-field-id-hint = ID номера телефона (только цифры) указан в WhatsApp Manager от Meta, в разделе настройки API.
numbers-field-token = Токен доступа
numbers-field-token-hint = Постоянный токен с разрешением whatsapp_business_messaging. Он хранится на сервере и больше никогда не показывается — даже администраторам.
numbers-field-assignment = Новые диалоги
inbox-number-disconnected-notice = Этот номер отключён. Диалог сохранён, но отвечать нельзя.
error-number-disconnected = Администратор отключил этот номер WhatsApp, поэтому отправлять с него ничего нельзя.
numbers-reconnect = Подключить снова
numbers-disconnected-done = Номер отключён. Его диалоги сохранены.
numbers-disconnected = Отключён
numbers-disconnect-body = Новые сообщения на { $name } перестанут приходить, и отвечать с него будет нельзя. Его диалоги останутся во входящих, а подключить его снова можно позже.
numbers-disconnect-title = Отключить этот номер?
numbers-disconnect = Отключить
numbers-field-new-token-hint = Оставьте пустым, чтобы сохранить текущий токен. Новый заменит его сразу.
numbers-field-new-token = Новый токен доступа (необязательно)
numbers-saved = Изменения сохранены
numbers-edit-title = Изменить номер
numbers-edit = Изменить
action-save = Сохранить

## Симулятор клиента (демо-режим)
sim-demo = Демо
sim-intro = Сыграйте роль клиента, который пишет на ваши демонстрационные номера WhatsApp. Всё проходит через настоящий веб-хук с такой же подписью, как у Meta, а ответы вашей команды появляются на этом телефоне.
sim-phone = Телефон клиента
sim-number = Номер компании
sim-customer = Клиент
sim-new-customer = Новый клиент
sim-customer-name = Имя
sim-customer-phone = Номер телефона (необязательно)
sim-customer-phone-hint = Без номера телефона клиент известен только по ID пользователя WhatsApp — как те, кто пользуется именем пользователя.
sim-create = Добавить клиента
sim-created = Клиент %name% готов к переписке
sim-no-phone = без номера телефона
sim-auto-read = Читать сообщения автоматически
sim-auto-read-hint = Сообщения компании отмечаются синими галочками сразу после получения.
sim-open-inbox = Открыть «Входящие»
sim-foot = Совет: откройте «Входящие» в другом окне, чтобы видеть, как сообщения приходят в реальном времени.
sim-business = Бизнес-аккаунт
sim-mark-read = Отметить как прочитанные
sim-read-done = Отмечено как прочитанное: %count%
sim-read-none = Всё уже прочитано.
sim-e2e = Демо-чат: сообщения попадают только в этот agentdesk и никогда — в WhatsApp.
sim-empty = Сообщений пока нет. Поздоровайтесь с компанией!
sim-message = Сообщение
sim-attach = Прикрепить
sim-attach-photo = Фото
sim-attach-document = Документ
sim-attach-location = Местоположение
sim-attach-hint = Текст из поля сообщения будет отправлен как подпись.
sim-location-name = Авенида Паулиста
sim-location-address = Авенида Паулиста, 1578 – Бела-Виста, Сан-Паулу
sim-choose = Выбрать
sim-media-open = Открыть
sim-failed = Симулятору не удалось выполнить действие. Повторите попытку.

## Сообщения, которые мы отправляем (письма и SMS). { $code } — шестизначный код.
otp-email-subject = Ваш код agentdesk
otp-login = { $code } — ваш код для входа в agentdesk. Действует 10 минут. Никому его не сообщайте.
otp-two-factor = { $code } — ваш код agentdesk для изменения двухфакторной аутентификации. Действует 10 минут.
otp-phone-old = { $code } — ваш код agentdesk для подтверждения смены номера телефона. Действует 10 минут.
otp-phone-new = { $code } — ваш код agentdesk для подтверждения этого номера телефона. Действует 10 минут.
notice-email-subject = Уведомление о безопасности agentdesk
notice-two-factor-enabled = В вашей учётной записи agentdesk включена двухфакторная аутентификация. Если это были не вы, немедленно обратитесь к администратору.
notice-two-factor-disabled = В вашей учётной записи agentdesk отключена двухфакторная аутентификация. Если это были не вы, немедленно обратитесь к администратору.
notice-two-factor-switched = Коды для входа в agentdesk теперь приходят вам другим способом. Если это были не вы, немедленно обратитесь к администратору.
notice-phone-changed = Номер телефона в вашей учётной записи agentdesk изменён. Если это были не вы, немедленно обратитесь к администратору.
notice-phone-removed = Номер телефона удалён из вашей учётной записи agentdesk. Если это были не вы, немедленно обратитесь к администратору.

## Настройки › Безопасность. %destination% подставляет браузер.
prefs-security = Безопасность
security-2fa-title = Двухфакторная аутентификация
security-2fa-intro = После ввода пароля при входе потребуется одноразовый код — из приложения-аутентификатора, по SMS или по электронной почте. Даже зная ваш пароль, посторонний не сможет войти.
security-2fa-on = Включена
security-2fa-off = Отключена
security-2fa-method = Откуда получать коды
security-phone-unavailable = Номер телефона подтверждается по SMS, а этот сервер пока не может отправлять SMS.
security-admin-email-not-configured = Администраторам: коды по электронной почте отключены, потому что почтовый сервер не настроен. Задайте AGENTDESK_DELIVERY__SMTP__HOST (и при необходимости порт, режим TLS, учётные данные и отправителя) и перезапустите сервер.
security-admin-sms-not-configured = Администраторам: коды по SMS отключены, потому что SMS-провайдер не настроен. Задайте AGENTDESK_DELIVERY__SMS__ACCOUNT_SID, AGENTDESK_DELIVERY__SMS__AUTH_TOKEN и AGENTDESK_DELIVERY__SMS__FROM (сервис, совместимый с Twilio) и перезапустите сервер.
security-channel-unavailable = Недоступно на этом сервере
security-2fa-turning-off = Выключение…
security-2fa-turning-on = Включение…
security-2fa-in-use = Используется
security-2fa-method-when-on = Коды будут приходить через
security-2fa-method-email = Электронная почта
security-2fa-method-sms = SMS
security-2fa-sms-needs-phone = Добавьте номер телефона ниже, чтобы получать коды по SMS.
security-2fa-weak-note = Приложение-аутентификатор — самый надёжный вариант: его коды никогда не передаются по сети. Коды по электронной почте или SMS защищают от тех, кто знает только ваш пароль, но не от того, у кого есть доступ к вашей почте или номеру телефона.
security-2fa-enabled = Двухфакторная аутентификация включена.
security-2fa-disabled = Двухфакторная аутентификация отключена.
security-2fa-switched = Теперь коды приходят новым способом.
security-phone-title = Номер телефона
security-phone-intro = Используется только для отправки вам кодов для входа по SMS.
security-phone-none = Номер телефона ещё не добавлен.
security-phone-country = Страна или регион
security-phone-number = Номер телефона
security-phone-add = Добавить номер
security-phone-change = Сменить номер
security-phone-remove = Удалить номер
security-phone-removed = Номер телефона удалён.
security-phone-changed = Номер телефона подтверждён и сохранён.
security-phone-remove-title = Удалить номер телефона?
security-phone-remove-body = Вы больше не будете получать коды по SMS.
security-events-title = Недавние события безопасности
security-events-empty = Пока ничего нет.
security-event-signed_in = Вход в систему
security-event-two_factor_failed = Введён неверный код для входа
security-event-two_factor_enabled = Двухфакторная аутентификация включена
security-event-two_factor_disabled = Двухфакторная аутентификация отключена
security-event-two_factor_switched = Способ двухфакторной аутентификации изменён
security-event-password_changed = Пароль изменён
security-event-phone_changed = Номер телефона изменён
security-event-phone_removed = Номер телефона удалён
otp-dialog-title = Подтвердите, что это вы
otp-dialog-sent = Введите 6-значный код, который мы отправили на %destination%.
otp-dialog-old-phone = Сначала введите код, который мы отправили на ваш текущий номер %destination%.
otp-dialog-new-phone = Теперь введите код, который мы отправили на ваш новый номер %destination%.
otp-dialog-confirm = Подтвердить
security-setup-required = В вашей компании обязательна двухфакторная аутентификация. Включите её, чтобы продолжить работу в agentdesk.
admin-require-2fa = Обязательная двухфакторная аутентификация
admin-require-2fa-hint = Все должны подтверждать вход кодом. Те, у кого она ещё не включена, настроят её сразу после ввода пароля.
admin-require-2fa-on = Теперь двухфакторная аутентификация обязательна для всех.
admin-require-2fa-off = Двухфакторная аутентификация больше не обязательна.
security-sessions-title = Где выполнен вход
security-sessions-intro = Сеанс завершается через 30 минут бездействия и через 12 часов после входа.
security-sessions-this-device = Это устройство
security-sessions-unknown-device = Неизвестное устройство
security-sessions-sign-out-others = Завершить другие сеансы
security-sessions-signed-out = Завершено других сеансов: %count%
security-event-signed_out_others = Другие сеансы завершены

## Приложение-аутентификатор и резервные коды
login-otp-totp = Откройте приложение-аутентификатор и введите 6-значный код, который оно показывает для agentdesk.
login-use-recovery = Использовать резервный код
login-use-otp = Использовать 6-значный код
login-recovery-code = Резервный код
login-recovery-text = Введите один из резервных кодов, которые вы сохранили при включении двухфакторной аутентификации. Каждый код действует только один раз.
security-2fa-method-totp = Приложение-аутентификатор
security-2fa-totp-hint = Google Authenticator, Microsoft Authenticator, 1Password или любое другое приложение для одноразовых кодов по времени
security-2fa-strongest = Самый надёжный
otp-dialog-totp = Введите 6-значный код, который приложение-аутентификатор показывает для agentdesk.
totp-title = Настройте приложение-аутентификатор
totp-scan = Отсканируйте этот QR-код приложением-аутентификатором.
totp-manual = Не получается отсканировать? Введите в приложении этот ключ:
totp-qr-alt = QR-код для добавления agentdesk в приложение-аутентификатор
totp-enter = Затем введите 6-значный код, который покажет приложение.
action-copy = Копировать
action-copied = Скопировано
recovery-title = Резервные коды
recovery-intro = Если вы потеряете телефон или не сможете получить код, каждый резервный код позволит войти один раз.
recovery-left = { $count ->
    [one] Остался { $count } неиспользованный код
    [few] Осталось { $count } неиспользованных кода
    [many] Осталось { $count } неиспользованных кодов
   *[other] Осталось { $count } неиспользованного кода
}
recovery-none = Резервных кодов пока нет. Создайте набор и храните его в надёжном месте.
recovery-generate = Создать новые коды
recovery-dialog-title = Сохраните резервные коды
recovery-dialog-body = Храните эти коды в надёжном месте, например в менеджере паролей. Каждый из них позволяет войти один раз, если вы не можете получить код. Они показываются только сейчас.
recovery-download = Скачать
recovery-file-title = Резервные коды agentdesk для %email%
recovery-saved = Коды сохранены
recovery-done = Готово
recovery-password-title = Подтвердите паролем
recovery-password-body = Новые коды заменят текущие: старые коды сразу перестанут действовать.
recovery-generated = Новые резервные коды готовы. Старые больше не действуют.
notice-recovery-codes-generated = Для вашей учётной записи agentdesk созданы новые резервные коды; прежние больше не действуют. Если это были не вы, немедленно обратитесь к администратору.
notice-recovery-code-used = Для входа в вашу учётную запись agentdesk использован резервный код. { $count ->
    [one] Остался { $count } код.
    [few] Осталось { $count } кода.
    [many] Осталось { $count } кодов.
   *[other] Осталось { $count } кода.
} Если это были не вы, немедленно обратитесь к администратору.
security-event-recovery_code_used = Вход с резервным кодом
security-event-recovery_codes_generated = Созданы новые резервные коды

## Canned responses
error-short-code-taken = Этот короткий код уже занят. Выберите другой.
error-unknown-placeholder = { $name } — недопустимая подстановка. Допустимые: { $valid }.
action-close = Закрыть
nav-canned = Шаблоны ответов
canned-title = Шаблоны ответов
canned-admin-title = Шаблоны ответов
canned-intro = Ваши собственные ответы на частые вопросы. Введите / в поле сообщения, чтобы вставить ответ.
canned-admin-intro = Общие ответы компании: любой сотрудник вставляет их, введя / в поле сообщения.
canned-add = Добавить ответ
canned-new = Новый шаблон ответа
canned-edit = Изменить шаблон ответа
canned-edit-named = Изменить /%code%
canned-delete = Удалить
canned-delete-named = Удалить /%code%
canned-confirm-delete = Удалить /%code%? Это нельзя отменить.
canned-saved = Ответ сохранён.
canned-deleted = Ответ удалён.
canned-save = Сохранить
canned-search = Поиск по короткому коду или тексту
canned-filter-tag = Тег
canned-filter-all-tags = Все теги
canned-filter-attachment = С вложением
canned-check-presets = Ответы компании
canned-presets-title = Ответы компании
canned-presets-intro = Общие для вашей компании. Изменять их могут только администраторы.
canned-presets-empty = Подходящих ответов компании нет.
canned-company = Компания
canned-personal = Личный
canned-created-by = Добавил(а) %name%, %date%
canned-count = Ответов: %count%
canned-no-results = Ничего не найдено по запросу или фильтрам.
canned-empty-title = Шаблонов ответов пока нет
canned-empty-body = Сохраните ответы, которые пишете чаще всего, и вставляйте их через / в поле сообщения.
canned-admin-empty-title = Ответов компании пока нет
canned-admin-empty-body = Добавьте ответы, которые все сотрудники должны давать одинаково.
canned-short-code = Короткий код
canned-short-code-hint = Буквы, цифры, - _ и . без пробелов, до 50. Вводится после / в поле сообщения.
canned-content = Текст
canned-content-hint = До 4096 символов или 1024 с вложением (тогда это подпись). Переменные подставляются для каждого диалога.
canned-tags = Теги
canned-tags-hint = Через запятую, не больше 10.
canned-attachment = Вложение
canned-attach = Прикрепить файл
canned-attachment-hint = Изображения до 5 МБ, аудио и видео до 16 МБ, документы до 100 МБ. Хранится один раз и отправляется при каждом использовании.
canned-remove-attachment = Удалить вложение
canned-uploading = Загрузка… %percent%%
canned-emoji = Эмодзи
canned-emoji-search = Поиск эмодзи
canned-emoji-recent = Недавние
canned-emoji-none = Эмодзи не найдены
canned-emoji-loading = Загрузка эмодзи…
canned-skin-tone = Оттенок кожи
canned-insert-variable = Вставить переменную
canned-var-contact-name = Имя контакта
canned-var-contact-first-name = Имя контакта (без фамилии)
canned-var-contact-phone = Телефон контакта
canned-var-agent-name = Ваше имя и фамилия
canned-var-agent-first-name = Ваше имя
canned-var-number-name = Название номера WhatsApp
canned-var-company-name = Название компании
canned-picker-label = Шаблоны ответов
canned-picker-none = Подходящих шаблонов нет.
canned-picker-hint = ↑↓ — выбор · Enter или Tab — вставить · Esc — закрыть
canned-picker-results = Шаблонов: %count%
emoji-group-smileys-and-emotion = Смайлики и эмоции
emoji-group-people-and-body = Люди и тело
emoji-group-animals-and-nature = Животные и природа
emoji-group-food-and-drink = Еда и напитки
emoji-group-travel-and-places = Путешествия и места
emoji-group-activities = Занятия
emoji-group-objects = Предметы
emoji-group-symbols = Символы
emoji-group-flags = Флаги
