# agentdesk — العربية (Arabic)

## الأخطاء التي تُرجعها واجهة API
error-validation-failed = بعض الحقول تحتاج إلى مراجعة.
error-email-read-only = بريدك الإلكتروني هو هويتك لتسجيل الدخول، ولا يمكن تغييره هنا.
error-weak-password = اختر كلمة مرور أقوى.
error-invalid-credentials = البريد الإلكتروني أو كلمة المرور غير صحيحة.
error-unauthenticated = يُرجى تسجيل الدخول للمتابعة.
error-forbidden = ليست لديك صلاحية لتنفيذ هذا الإجراء.
error-not-found = تعذّر العثور على ما تبحث عنه.
error-email-taken = هذا البريد الإلكتروني مستخدَم بالفعل في agentdesk.
error-cannot-deactivate-self = لا يمكنك تعطيل حسابك.
error-rate-limited = محاولات كثيرة جدًا. حاول مرة أخرى بعد { $seconds ->
    [zero] { $seconds } ثانية
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
}.
error-cross-site = رُفض هذا الطلب لأنه صادر من موقع آخر.
error-malformed-body = تعذّرت قراءة الطلب.
error-invalid-body = يحتوي الطلب على حقول غير معروفة أو من نوع غير صحيح.
error-unsupported-media-type = نوع المحتوى هذا غير مدعوم هنا.
error-payload-too-large = حجم الطلب كبير جدًا.
error-method-not-allowed = هذا الإجراء غير متاح هنا.
error-busy = الخادم مشغول. يُرجى المحاولة مرة أخرى بعد قليل.
error-internal = حدث خطأ من جانبنا. يُرجى المحاولة مرة أخرى.
error-network = تعذّر الوصول إلى agentdesk. تحقّق من اتصالك وحاول مرة أخرى.
error-avatar-too-large = يجب ألا يتجاوز حجم الصورة 5 ميغابايت.
error-invalid-image = لا يمكن استخدام هذه الصورة: فهي تالفة أو كبيرة جدًا (بحد أقصى 10,000 بكسل لكل جانب).
error-wrong-password = كلمة المرور الحالية غير صحيحة.
error-invalid-code = هذا الرمز غير صحيح.
error-code-expired = انتهت صلاحية هذا الرمز. يُرجى طلب رمز جديد.
error-too-many-attempts = رموز خاطئة كثيرة جدًا. يُرجى الانتظار { $seconds ->
    [zero] { $seconds } ثانية
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
} ثم طلب رمز جديد.
error-delivery-failed = تعذّر إرسال الرمز الآن. يُرجى المحاولة مرة أخرى بعد قليل.
error-phone-not-verified = يُرجى إضافة رقم هاتف والتحقق منه أولًا.
error-email-not-configured = لا يمكن إرسال الرموز عبر البريد الإلكتروني: لم يُضبط خادم بريد على هذا الخادم. اختر طريقة أخرى أو تواصل مع المسؤول.
error-sms-not-configured = لا يمكن إرسال الرموز عبر الرسائل القصيرة: لم يُضبط مزوّد رسائل قصيرة على هذا الخادم. اختر طريقة أخرى أو تواصل مع المسؤول.
error-phone-in-use = تُرسَل رموز تسجيل الدخول الخاصة بك إلى هذا الرقم. يُرجى أولًا إيقاف المصادقة الثنائية أو تحويلها إلى البريد الإلكتروني.
error-two-factor-required = تشترط شركتك استخدام المصادقة الثنائية، لذا لا يمكن إيقافها.
error-two-factor-off = يُرجى تفعيل المصادقة الثنائية أولًا.
error-nothing-to-resend = رموز تطبيق المصادقة لا تُرسَل، لذا لا يوجد ما يُعاد إرساله. افتح التطبيق لعرض الرمز الحالي.

## مشكلات الحقول
field-required = هذا الحقل مطلوب.
field-too-long = القيمة طويلة جدًا.
field-too-short = القيمة قصيرة جدًا.
field-invalid-format = التنسيق غير صحيح.
field-unsupported = هذه القيمة غير مدعومة.
field-not-mobile = لا يمكن لهذا الرقم استقبال الرسائل النصية. استخدم رقم جوال.

## كلمات المرور
password-too-short = استخدم 8 أحرف على الأقل.
password-too-long = استخدم 128 حرفًا على الأكثر.
password-contains-personal = لا تستخدم اسمك أو بريدك الإلكتروني في كلمة المرور.
password-too-common = كلمة المرور هذه شائعة جدًا أو سهلة التخمين.
password-rules = 8 أحرف على الأقل. العبارات الطويلة سهلة التذكّر وصعبة التخمين.

## صفحات الأخطاء
error-page-not-found-title = الصفحة غير موجودة
error-page-forbidden-title = تم رفض الوصول
error-page-server-title = حدث خطأ ما
error-page-generic-title = تعذّر إتمام العملية
error-page-home = العودة إلى agentdesk

## تسجيل الدخول
login-title = تسجيل الدخول
login-subtitle = مرحبًا بعودتك. عملاؤك في انتظارك.
login-email = البريد الإلكتروني
login-password = كلمة المرور
login-submit = تسجيل الدخول
login-submitting = جارٍ تسجيل الدخول…
login-fill-both = أدخل بريدك الإلكتروني وكلمة المرور.
login-aside-customer = مرحبًا! طلبي لم يصل بعد 📦
login-aside-agent = نعتذر عن ذلك — سأتحقق من الأمر فورًا.
login-tagline = كل محادثة على WhatsApp يتولّاها الشخص المناسب.
login-otp-title = إدخال الرمز
login-otp-sent = أرسلنا رمزًا مكوّنًا من 6 أرقام إلى %destination%، وهو صالح لمدة 10 دقائق.
login-otp-code = الرمز
login-otp-submit = التحقق
login-otp-submitting = جارٍ التحقق…
login-otp-resend = إرسال رمز جديد
login-otp-resend-in = رمز جديد بعد %seconds% ث
login-otp-resent = جارٍ إرسال رمز جديد.
login-otp-back = البدء من جديد
language-label = اللغة

## إطار التطبيق
shell-skip-to-content = الانتقال إلى المحتوى
shell-navigation = التنقل الرئيسي
shell-account-menu = قائمة الحساب
nav-inbox = صندوق الوارد
nav-agents = الوكلاء
menu-preferences = التفضيلات
menu-sign-out = تسجيل الخروج

## صندوق الوارد
inbox-empty-title = لا شيء بانتظارك يا { $name }
inbox-empty-body = ستظهر محادثات WhatsApp الجديدة هنا فور مراسلة العملاء لأرقام شركتك.

## التفضيلات
prefs-title = التفضيلات
prefs-profile = الملف الشخصي
prefs-first-name = الاسم الأول
prefs-last-name = اسم العائلة
prefs-email = البريد الإلكتروني
prefs-email-hint = تسجّل الدخول ببريدك الإلكتروني. اطلب من أحد المسؤولين تغييره إذا لزم الأمر.
prefs-save = حفظ
prefs-saving = جارٍ الحفظ…
prefs-saved = تم الحفظ
prefs-save-failed = تعذّر حفظ التغييرات.
prefs-nothing-saved = لم يُحفظ أي شيء.
prefs-unsaved = لديك تغييرات غير محفوظة.
prefs-language = اللغة
prefs-language-hint = تُطبَّق فورًا على جميع الصفحات، وعلى رسائل البريد الإلكتروني والرسائل النصية التي نرسلها إليك.
prefs-avatar = صورة الملف الشخصي
prefs-avatar-hint = بتنسيق JPEG أو PNG أو WebP، وبحجم لا يتجاوز 5 ميغابايت. يراها زملاؤك، ولا يراها العملاء أبدًا.
prefs-avatar-choose = اختيار صورة
prefs-avatar-change = تغيير الصورة
prefs-avatar-remove = إزالة الصورة
prefs-avatar-drop = إفلات الصورة هنا
prefs-avatar-preview = صورة ملفك الشخصي
prefs-avatar-remove-title = إزالة صورتك؟
prefs-avatar-remove-body = سيرى زملاؤك الأحرف الأولى من اسمك بدلًا منها.
prefs-avatar-removed = تمت إزالة الصورة
prefs-avatar-crop-title = اقتصاص الصورة
prefs-avatar-crop-hint = يمكن تحريك الصورة بالسحب، وتكبيرها أو تصغيرها بشريط التمرير.
prefs-avatar-zoom = التكبير
prefs-avatar-use = استخدام هذه الصورة
prefs-avatar-pending = تم اختيار صورة جديدة، وستُطبَّق بعد الحفظ.
prefs-avatar-uploading = جارٍ رفع الصورة… %percent%
prefs-avatar-not-image = يُرجى اختيار صورة بتنسيق JPEG أو PNG أو WebP.
prefs-password = كلمة المرور
prefs-password-hint = بعد التغيير تبقى جلستك هنا نشطة، ويُسجَّل الخروج على جميع الأجهزة الأخرى.
prefs-password-current = كلمة المرور الحالية
prefs-password-new = كلمة المرور الجديدة
prefs-password-confirm = تأكيد كلمة المرور الجديدة
prefs-password-mismatch = كلمتا المرور الجديدتان غير متطابقتين.
prefs-password-submit = تغيير كلمة المرور
prefs-password-changing = جارٍ التغيير…
prefs-password-changed = تم تغيير كلمة المرور، وسُجِّل الخروج من حسابك على جميع الأجهزة الأخرى.
prefs-strength = قوة كلمة المرور
prefs-strength-0 = ضعيفة جدًا
prefs-strength-1 = ضعيفة
prefs-strength-2 = مقبولة
prefs-strength-3 = قوية
prefs-strength-4 = قوية جدًا

## الأدوار
role-admin = مسؤول
role-agent = وكيل

## الإدارة › الوكلاء
agents-title = الوكلاء
agents-add = إضافة وكيل
agents-create = إنشاء وكيل
agents-col-name = الاسم
agents-col-role = الدور
agents-col-status = الحالة
agents-col-actions = الإجراءات
agents-you = أنت
agents-active = نشط
agents-inactive = معطَّل
agents-deactivate = تعطيل
agents-reactivate = إعادة التفعيل
agents-confirm-deactivate = هل تريد تعطيل { $name }؟ سيتم تسجيل الخروج من هذا الحساب فورًا على جميع الأجهزة.
agents-initial-password = كلمة المرور الأولية
agents-created = تم إنشاء الوكيل
action-cancel = إلغاء

## أخطاء صندوق الوارد
error-number-taken = رقم WhatsApp هذا مرتبط بالفعل.
error-window-closed = مرّت أكثر من 24 ساعة منذ آخر رسالة من العميل. لا يسمح WhatsApp الآن إلا برسائل القوالب.
error-conversation-conflict = لدى هذا العميل محادثة مفتوحة أخرى على هذا الرقم.
error-conversation-closed = هذه المحادثة مغلقة. أعد فتحها للرد.
error-file-too-large = هذا الملف أكبر مما يسمح به WhatsApp (الصور 5 ميغابايت، والصوت والفيديو 16 ميغابايت، والمستندات 100 ميغابايت).
error-invalid-signature = توقيع الـ webhook مفقود أو غير صحيح.

## صفحات صندوق الوارد
numbers-title = أرقام WhatsApp
nav-numbers = الأرقام
sim-title = محاكي العميل

## واجهة صندوق الوارد. الكلمات بين علامتَي النسبة المئوية (%actor%، %agent%، %name%، %when%، %emoji%، %count%)
## يملؤها المتصفح: اتركها كما هي في أي موضع من الجملة.
inbox-views = عروض المحادثات
inbox-view-mine = محادثاتي
inbox-view-unassigned = غير مُسندة
inbox-view-all = الكل
inbox-filter-status = حالة المحادثة
inbox-status-open = مفتوحة
inbox-status-closed = مغلقة
inbox-status-any = أي حالة
inbox-filter-number = رقم WhatsApp
inbox-number-any = جميع الأرقام
inbox-live-reconnecting = جارٍ إعادة الاتصال…
inbox-simulator-link = فتح محاكي العميل
inbox-list-empty-mine = لا توجد محادثات مُسندة إليك حاليًا. ستظهر هنا المحادثات الجديدة المُسندة إليك.
inbox-list-empty-unassigned = لا توجد محادثات بانتظار من يتولّاها.
inbox-list-empty-all = لا توجد محادثات تطابق عوامل التصفية هذه.
inbox-list-empty-closed = لا توجد محادثات مغلقة تطابق عوامل التصفية هذه.
inbox-retry = إعادة المحاولة
inbox-conversation = المحادثة
inbox-select-title = اختر محادثة
inbox-select-body = اختر محادثة من القائمة لقراءتها والرد عليها.
inbox-back = العودة إلى المحادثات
inbox-details = التفاصيل
inbox-details-close = إغلاق التفاصيل
inbox-actions = إجراءات المحادثة
inbox-assignee = المُكلَّف
inbox-unassigned = غير مُسندة
inbox-assign-me = إسناد إليّ
inbox-transfer = تحويل…
inbox-unassign = إلغاء الإسناد
inbox-close = إغلاق
inbox-reopen = إعادة الفتح
inbox-you = أنت
inbox-someone = شخص ما
inbox-customer = العميل
inbox-no-phone = لم تتم مشاركة رقم الهاتف
inbox-messages = الرسائل
inbox-loading-older = جارٍ تحميل الرسائل السابقة…
inbox-loading-more = جارٍ تحميل المزيد من المحادثات…
inbox-conversations = المحادثات
inbox-new-messages = رسائل جديدة
inbox-window-open = تُغلق نافذة الرد %when%
inbox-window-open-short = مفتوحة، تُغلق %when%
inbox-window-closed-short = نافذة الرد مغلقة
inbox-window-conversation-closed = غير مفتوحة: المحادثة مغلقة
inbox-window-closed-title = أُغلقت نافذة الرد البالغة 24 ساعة
inbox-window-closed-body = لا يسمح WhatsApp بالردود الحرة إلا خلال 24 ساعة من آخر رسالة للعميل. يمكنك الرد مجددًا فور أن يكتب العميل.
inbox-window-never-body = لم يكتب العميل في هذه المحادثة بعد. لا يسمح WhatsApp بالردود الحرة إلا بعد أن يكتب العميل.
inbox-closed-notice = هذه المحادثة مغلقة. أعد فتحها للرد.
inbox-composer-label = ردّك
inbox-composer-placeholder = اكتب ردًا…
inbox-composer-hint = Enter للإرسال · Shift+Enter لسطر جديد
inbox-composer-disabled-window = الردود متوقفة مؤقتًا حتى يكتب العميل مجددًا
inbox-composer-disabled-closed = أعد فتح المحادثة للرد
inbox-composer-disabled-disconnected = الردود متوقفة: هذا الرقم غير متصل
inbox-send = إرسال
inbox-message-reply = الرد على هذه الرسالة
inbox-reply-cancel = إلغاء الرد
inbox-quote-missing = الرسالة الأصلية غير متوفرة
inbox-msg-pending = جارٍ الإرسال
inbox-msg-sent = تم الإرسال
inbox-msg-delivered = تم التسليم
inbox-msg-read = تمت القراءة
inbox-msg-failed = لم يتم التسليم
inbox-reaction = تفاعل العميل: %emoji%
inbox-media-image = صورة
inbox-media-video = فيديو
inbox-media-audio = ملف صوتي
inbox-media-voice = رسالة صوتية
inbox-media-document = مستند
inbox-media-sticker = ملصق
inbox-media-unavailable = المعاينة غير متاحة بعد
inbox-media-loading = جارٍ التحميل…
inbox-media-open = فتح الصورة كاملة في علامة تبويب جديدة
inbox-media-download = تنزيل
inbox-attach = إرفاق ملف
inbox-attachment-remove = إزالة المرفق
inbox-composer-caption = أضف شرحًا (اختياري)…
inbox-uploading = جارٍ الرفع… %percent%
inbox-uploading-label = تقدّم الرفع
inbox-location = الموقع
inbox-location-open = فتح الخريطة
inbox-contacts = جهة اتصال مُشارَكة
inbox-reply-button = نقر على زر
inbox-reply-list = اختيار من قائمة
inbox-unsupported = لا يمكن عرض هذا النوع من الرسائل بعد
inbox-interactive = رسالة تفاعلية
inbox-today = اليوم
inbox-yesterday = أمس
inbox-event-created = بدأت المحادثة
inbox-event-assigned = أُسندت المحادثة إلى %agent% بواسطة %actor%
inbox-event-assigned-auto = أُسندت المحادثة تلقائيًا إلى %agent%
inbox-event-assigned-self = تولّى المحادثة: %actor%
inbox-event-unassigned = أُلغي الإسناد بواسطة %actor%
inbox-event-unassigned-auto = أُلغي الإسناد
inbox-event-closed = أُغلقت المحادثة بواسطة %actor%
inbox-event-closed-auto = أُغلقت المحادثة
inbox-event-reopened = أُعيد فتح المحادثة بواسطة %actor%
inbox-event-reopened-auto = أُعيد فتح المحادثة
inbox-done-assigned-me = أُسندت إليك
inbox-done-transferred = تم التحويل إلى %name%
inbox-done-unassigned = أُلغي إسناد المحادثة
inbox-done-closed = أُغلقت المحادثة
inbox-done-reopened = أُعيد فتح المحادثة
inbox-transfer-title = تحويل المحادثة
inbox-transfer-body = اختر من سيتولّى هذه المحادثة بعد الآن. ستنتقل فورًا إلى قائمة «محادثاتي» لديه.
inbox-transfer-search = البحث عن زملاء
inbox-transfer-empty = لا يوجد زميل يطابق بحثك.
inbox-transfer-current = المُكلَّف حاليًا
inbox-details-customer-id = معرّف مستخدم WhatsApp
inbox-details-number = رقم الشركة
inbox-details-status = الحالة
inbox-details-started = تاريخ البدء
inbox-details-initiated = بدأها
inbox-details-window = نافذة الرد
inbox-initiated-customer = العميل
inbox-initiated-business = فريقك

## التوفّر (الشريط الجانبي)
availability-label = حالتك
availability-available = متاح
availability-away = غائب
availability-offline = غير متصل
availability-failed = تعذّر تغيير حالتك.

## الإدارة › أرقام WhatsApp
numbers-intro = أرقام WhatsApp Business التي يرد عليها فريقك. تصل رسائل العملاء المُرسلة إلى هذه الأرقام إلى صندوق الوارد.
numbers-add = إضافة رقم
numbers-add-intro = اربط رقمًا من منصة WhatsApp Business من Meta.
numbers-create = ربط الرقم
numbers-created = تم ربط الرقم
numbers-col-name = الرقم
numbers-col-id = معرّف رقم الهاتف
numbers-col-assignment = الإسناد
numbers-col-status = الحالة
numbers-col-added = تاريخ الإضافة
numbers-connected = مرتبط
numbers-token-invalid = رُفض رمز الوصول
numbers-token-invalid-hint = رفض WhatsApp رمز الوصول الخاص بهذا الرقم. لا يمكن إرسال الردود حتى يتم استبداله.
numbers-assignment-manual = يدوي
numbers-assignment-manual-hint = تنتظر المحادثات الجديدة في «غير مُسندة» حتى يتولّاها أحد.
numbers-assignment-round-robin = بالتناوب
numbers-assignment-round-robin-hint = تُوزَّع المحادثات الجديدة على الوكلاء المتاحين بالتناوب.
numbers-empty-title = لا توجد أرقام مرتبطة بعد
numbers-empty-body = اربط أول رقم WhatsApp Business لتبدأ في تلقي المحادثات.
numbers-field-name = الاسم
numbers-field-name-hint = الاسم الذي يطلقه فريقك على هذا الرقم، مثل «الدعم» أو «المبيعات».
numbers-field-display = رقم الهاتف المعروض
numbers-field-id = معرّف رقم الهاتف
numbers-field-id-hint = ستجد معرّف رقم الهاتف (أرقام فقط) في WhatsApp Manager من Meta، ضمن إعداد API.
numbers-field-token = رمز الوصول
numbers-field-token-hint = رمز دائم يتمتع بصلاحية whatsapp_business_messaging. يُخزَّن على الخادم ولا يُعرض مرة أخرى أبدًا، ولا حتى للمسؤولين.
numbers-field-assignment = المحادثات الجديدة
inbox-number-disconnected-notice = تم قطع اتصال هذا الرقم. المحادثة محفوظة، لكن لا يمكن إرسال الردود.
error-number-disconnected = قطع أحد المسؤولين اتصال رقم واتساب هذا، لذا لا يمكن الإرسال عبره.
numbers-reconnect = إعادة التوصيل
numbers-disconnected-done = تم قطع اتصال الرقم. المحادثات محفوظة.
numbers-disconnected = غير متصل
numbers-disconnect-body = لن تصل الرسائل الجديدة إلى { $name } بعد الآن، ولن يتمكن أحد من الرد عبره. تبقى محادثاته في البريد الوارد، ويمكنك توصيله مجددًا لاحقًا.
numbers-disconnect-title = هل تريد قطع اتصال هذا الرقم؟
numbers-disconnect = قطع الاتصال
numbers-field-new-token-hint = اتركه فارغًا للإبقاء على الرمز الحالي. الرمز الجديد يحل محله فورًا.
numbers-field-new-token = رمز وصول جديد (اختياري)
numbers-saved = تم حفظ التغييرات
numbers-edit-title = تعديل الرقم
numbers-edit = تعديل
action-save = حفظ

## محاكي العميل (الوضع التجريبي)
sim-demo = تجريبي
sim-intro = أدِّ دور عميل يراسل أرقام WhatsApp التجريبية لديك. يمرّ كل شيء عبر مسار الـ webhook الحقيقي بتوقيع مماثل لتوقيع Meta، وتظهر ردود فريقك على هذا الهاتف.
sim-phone = هاتف العميل
sim-number = رقم الشركة
sim-customer = العميل
sim-new-customer = عميل جديد
sim-customer-name = الاسم
sim-customer-phone = رقم الهاتف (اختياري)
sim-customer-phone-hint = بدون رقم هاتف، لا يُعرف العميل إلا بمعرّف مستخدم WhatsApp، مثل الأشخاص الذين يستخدمون اسم مستخدم.
sim-create = إضافة عميل
sim-created = أصبح بإمكان %name% بدء الدردشة
sim-no-phone = بلا رقم هاتف
sim-auto-read = قراءة الرسائل تلقائيًا
sim-auto-read-hint = تظهر علامتا الصح الزرقاوان على رسائل الشركة فور وصولها.
sim-open-inbox = فتح صندوق الوارد
sim-foot = تلميح: افتح صندوق الوارد في نافذة أخرى لمشاهدة الرسائل وهي تصل مباشرةً.
sim-business = حساب تجاري
sim-mark-read = تعليم كمقروءة
sim-read-done = الرسائل المعلَّمة كمقروءة: %count%
sim-read-none = كل الرسائل مقروءة بالفعل.
sim-e2e = دردشة تجريبية: تصل الرسائل إلى agentdesk هذا فقط، ولا تصل أبدًا إلى WhatsApp.
sim-empty = لا توجد رسائل بعد. ألقِ التحية على الشركة!
sim-message = رسالة
sim-attach = إرفاق
sim-attach-photo = صورة
sim-attach-document = مستند
sim-attach-location = الموقع
sim-attach-hint = يُرسَل أي نص مكتوب في مربع الرسالة كشرح للمرفق.
sim-location-name = جادة باوليستا
sim-location-address = جادة باوليستا 1578 – بيلا فيستا، ساو باولو
sim-choose = اختيار
sim-media-open = فتح
sim-failed = تعذّر على المحاكي تنفيذ ذلك. حاول مرة أخرى.

## الرسائل التي نرسلها (البريد الإلكتروني والرسائل النصية). { $code } هو الرمز المكوّن من ستة أرقام.
otp-email-subject = رمز agentdesk الخاص بك
otp-login = { $code } هو رمز تسجيل الدخول إلى agentdesk. تنتهي صلاحيته خلال 10 دقائق. يُرجى عدم مشاركته مع أحد.
otp-two-factor = { $code } هو رمز agentdesk لتغيير إعدادات المصادقة الثنائية. تنتهي صلاحيته خلال 10 دقائق.
otp-phone-old = { $code } هو رمز agentdesk لتأكيد تغيير رقم هاتفك. تنتهي صلاحيته خلال 10 دقائق.
otp-phone-new = { $code } هو رمز agentdesk للتحقق من رقم الهاتف هذا. تنتهي صلاحيته خلال 10 دقائق.
notice-email-subject = إشعار أمني من agentdesk
notice-two-factor-enabled = تم تفعيل المصادقة الثنائية لحسابك على agentdesk. إذا لم يصدر هذا الإجراء عنك، فيُرجى التواصل مع المسؤول فورًا.
notice-two-factor-disabled = تم إيقاف المصادقة الثنائية لحسابك على agentdesk. إذا لم يصدر هذا الإجراء عنك، فيُرجى التواصل مع المسؤول فورًا.
notice-two-factor-switched = أصبحت رموز تسجيل الدخول إلى agentdesk تُرسَل إليك الآن بطريقة أخرى. إذا لم يصدر هذا الإجراء عنك، فيُرجى التواصل مع المسؤول فورًا.
notice-phone-changed = تم تغيير رقم الهاتف المرتبط بحسابك على agentdesk. إذا لم يصدر هذا الإجراء عنك، فيُرجى التواصل مع المسؤول فورًا.
notice-phone-removed = تمت إزالة رقم الهاتف من حسابك على agentdesk. إذا لم يصدر هذا الإجراء عنك، فيُرجى التواصل مع المسؤول فورًا.

## التفضيلات › الأمان. يملأ المتصفح %destination%.
prefs-security = الأمان
security-2fa-title = المصادقة الثنائية
security-2fa-intro = بعد كلمة المرور، يتطلب تسجيل الدخول إدخال رمز لمرة واحدة من تطبيق المصادقة أو هاتفك أو بريدك الإلكتروني. وبذلك لا يستطيع أحد الدخول حتى لو عرف كلمة مرورك.
security-2fa-on = مفعّلة
security-2fa-off = غير مفعّلة
security-2fa-method = طريقة الحصول على الرموز
security-phone-unavailable = يُتحقَّق من رقم الهاتف عبر رسالة قصيرة، وهذا الخادم لا يستطيع إرسال الرسائل القصيرة بعد.
security-admin-email-not-configured = للمسؤولين: الرموز عبر البريد الإلكتروني متوقفة لعدم ضبط خادم بريد. اضبط AGENTDESK_DELIVERY__SMTP__HOST (والمنفذ ووضع TLS وبيانات الاعتماد والمرسِل حسب الحاجة) ثم أعد تشغيل الخادم.
security-admin-sms-not-configured = للمسؤولين: الرموز عبر الرسائل القصيرة متوقفة لعدم ضبط مزوّد رسائل قصيرة. اضبط AGENTDESK_DELIVERY__SMS__ACCOUNT_SID وAGENTDESK_DELIVERY__SMS__AUTH_TOKEN وAGENTDESK_DELIVERY__SMS__FROM (خدمة متوافقة مع Twilio) ثم أعد تشغيل الخادم.
security-channel-unavailable = غير متاح على هذا الخادم
security-2fa-turning-off = جارٍ الإيقاف…
security-2fa-turning-on = جارٍ التفعيل…
security-2fa-in-use = قيد الاستخدام
security-2fa-method-when-on = ستصل الرموز عبر
security-2fa-method-email = البريد الإلكتروني
security-2fa-method-sms = رسالة نصية (SMS)
security-2fa-sms-needs-phone = لتلقّي الرموز برسائل نصية، يُرجى إضافة رقم هاتف أدناه.
security-2fa-weak-note = تطبيق المصادقة هو الخيار الأكثر أمانًا، إذ لا تنتقل رموزه عبر الشبكة أبدًا. الرموز المرسَلة بالبريد الإلكتروني أو بالرسائل النصية تمنع من يعرف كلمة مرورك فقط، لكنها لا تمنع من يتحكم في بريدك الإلكتروني أو رقم هاتفك.
security-2fa-enabled = تم تفعيل المصادقة الثنائية.
security-2fa-disabled = تم إيقاف المصادقة الثنائية.
security-2fa-switched = أصبحت الرموز تُرسَل الآن بالطريقة الجديدة.
security-phone-title = رقم الهاتف
security-phone-intro = يُستخدم فقط لإرسال رموز تسجيل الدخول إليك برسائل نصية.
security-phone-none = لم تتم إضافة رقم هاتف بعد.
security-phone-country = البلد أو المنطقة
security-phone-number = رقم الهاتف
security-phone-add = إضافة رقم
security-phone-change = تغيير الرقم
security-phone-remove = إزالة الرقم
security-phone-removed = تمت إزالة رقم الهاتف.
security-phone-changed = تم التحقق من رقم الهاتف وحفظه.
security-phone-remove-title = إزالة رقم هاتفك؟
security-phone-remove-body = لن تُرسَل إليك الرموز برسائل نصية بعد ذلك.
security-events-title = نشاط الأمان الأخير
security-events-empty = لا يوجد نشاط بعد.
security-event-signed_in = تم تسجيل الدخول
security-event-two_factor_failed = تم إدخال رمز تسجيل دخول خاطئ
security-event-two_factor_enabled = تم تفعيل المصادقة الثنائية
security-event-two_factor_disabled = تم إيقاف المصادقة الثنائية
security-event-two_factor_switched = تم تغيير طريقة المصادقة الثنائية
security-event-password_changed = تم تغيير كلمة المرور
security-event-phone_changed = تم تغيير رقم الهاتف
security-event-phone_removed = تمت إزالة رقم الهاتف
otp-dialog-title = تأكيد الهوية
otp-dialog-sent = يُرجى إدخال الرمز المكوّن من 6 أرقام الذي أرسلناه إلى %destination%.
otp-dialog-old-phone = أولًا، يُرجى إدخال الرمز الذي أرسلناه إلى رقمك الحالي %destination%.
otp-dialog-new-phone = والآن، يُرجى إدخال الرمز الذي أرسلناه إلى رقمك الجديد %destination%.
otp-dialog-confirm = تأكيد
security-setup-required = تشترط شركتك استخدام المصادقة الثنائية. يُرجى تفعيلها للمتابعة إلى agentdesk.
admin-require-2fa = اشتراط المصادقة الثنائية
admin-require-2fa-hint = يجب على الجميع تأكيد تسجيل الدخول برمز. أما الحسابات التي لم تُفعَّل فيها بعد، فيُطلب إعدادها مباشرةً بعد إدخال كلمة المرور.
admin-require-2fa-on = أصبحت المصادقة الثنائية إلزامية للجميع الآن.
admin-require-2fa-off = لم تعد المصادقة الثنائية إلزامية.
security-sessions-title = أماكن تسجيل الدخول إلى حسابك
security-sessions-intro = تنتهي الجلسات بعد 30 دقيقة من عدم الاستخدام، وبعد 12 ساعة من تسجيل الدخول.
security-sessions-this-device = هذا الجهاز
security-sessions-unknown-device = جهاز غير معروف
security-sessions-sign-out-others = تسجيل الخروج من الجلسات الأخرى
security-sessions-signed-out = الجلسات الأخرى التي تم تسجيل الخروج منها: %count%
security-event-signed_out_others = تم تسجيل الخروج من الجلسات الأخرى

## تطبيق المصادقة ورموز الاسترداد
login-otp-totp = افتح تطبيق المصادقة وأدخل الرمز المكوّن من 6 أرقام الذي يعرضه لـ agentdesk.
login-use-recovery = استخدام رمز استرداد
login-use-otp = استخدام رمز مكوّن من 6 أرقام بدلًا من ذلك
login-recovery-code = رمز الاسترداد
login-recovery-text = أدخل أحد رموز الاسترداد التي حفظتها عند تفعيل المصادقة الثنائية. لا يمكن استخدام كل رمز إلا مرة واحدة.
security-2fa-method-totp = تطبيق المصادقة
security-2fa-totp-hint = Google Authenticator أو Microsoft Authenticator أو 1Password أو أي تطبيق للرموز المستندة إلى الوقت
security-2fa-strongest = الأكثر أمانًا
otp-dialog-totp = يُرجى إدخال الرمز المكوّن من 6 أرقام الذي يعرضه تطبيق المصادقة لـ agentdesk.
totp-title = إعداد تطبيق المصادقة
totp-scan = امسح رمز QR هذا باستخدام تطبيق المصادقة.
totp-manual = تعذّر المسح؟ أدخل هذا المفتاح في التطبيق بدلًا من ذلك:
totp-qr-alt = رمز QR يضيف agentdesk إلى تطبيق المصادقة
totp-enter = ثم أدخل الرمز المكوّن من 6 أرقام الذي يعرضه التطبيق.
action-copy = نسخ
action-copied = تم النسخ
recovery-title = رموز الاسترداد
recovery-intro = إذا فقدت هاتفك أو تعذّر عليك الحصول على الرموز، فإن كل رمز استرداد يتيح لك تسجيل الدخول مرة واحدة.
recovery-left = { $count ->
    [zero] لم يتبقَّ أي رمز غير مستخدَم
    [one] تبقّى رمز واحد غير مستخدَم
    [two] تبقّى رمزان غير مستخدَمَين
    [few] تبقّت { $count } رموز غير مستخدَمة
    [many] تبقّى { $count } رمزًا غير مستخدَم
   *[other] تبقّى { $count } رمز غير مستخدَم
}
recovery-none = لا توجد رموز استرداد بعد. أنشئ مجموعة منها واحفظها في مكان آمن.
recovery-generate = إنشاء رموز جديدة
recovery-dialog-title = احفظ رموز الاسترداد
recovery-dialog-body = احتفظ بهذه الرموز في مكان آمن، مثل مدير كلمات المرور. يتيح لك كل رمز منها تسجيل الدخول مرة واحدة عندما يتعذّر عليك الحصول على رمز. لن تُعرض هذه الرموز إلا الآن.
recovery-download = تنزيل
recovery-file-title = رموز استرداد agentdesk للحساب %email%
recovery-saved = لقد حفظت هذه الرموز
recovery-done = تم
recovery-password-title = التأكيد بكلمة المرور
recovery-password-body = ستحل الرموز الجديدة محل رموزك الحالية، وستتوقف الرموز القديمة عن العمل فورًا.
recovery-generated = رموز الاسترداد الجديدة جاهزة. لم تعد الرموز القديمة صالحة.
notice-recovery-codes-generated = تم إنشاء رموز استرداد جديدة لحسابك على agentdesk، ولم تعد الرموز السابقة صالحة. إذا لم يصدر هذا الإجراء عنك، فيُرجى التواصل مع المسؤول فورًا.
notice-recovery-code-used = تم استخدام رمز استرداد لتسجيل الدخول إلى حسابك على agentdesk. { $count ->
    [zero] لم يتبقَّ أي رمز.
    [one] تبقّى رمز واحد.
    [two] تبقّى رمزان.
    [few] تبقّت { $count } رموز.
    [many] تبقّى { $count } رمزًا.
   *[other] تبقّى { $count } رمز.
} إذا لم يصدر هذا الإجراء عنك، فيُرجى التواصل مع المسؤول فورًا.
security-event-recovery_code_used = تم تسجيل الدخول برمز استرداد
security-event-recovery_codes_generated = تم إنشاء رموز استرداد جديدة

## Canned responses
error-short-code-taken = هذا الرمز المختصر مستخدم بالفعل. اختر رمزًا آخر.
error-unknown-placeholder = { $name } ليس متغيرًا يمكنك استخدامه. المتغيرات الصالحة: { $valid }.
action-close = إغلاق
nav-canned = الردود الجاهزة
canned-title = الردود الجاهزة
canned-admin-title = الردود الجاهزة
canned-intro = إجاباتك الخاصة عن الأسئلة المتكررة. اكتب / في مربع الرسالة لإدراج أحدها.
canned-admin-intro = ردود الشركة الجاهزة التي يستطيع كل موظف إدراجها بكتابة / في مربع الرسالة.
canned-add = إضافة رد
canned-new = رد جاهز جديد
canned-edit = تعديل الرد الجاهز
canned-edit-named = تعديل /%code%
canned-delete = حذف
canned-delete-named = حذف /%code%
canned-confirm-delete = هل تريد حذف /%code%؟ لا يمكن التراجع عن ذلك.
canned-saved = تم حفظ الرد الجاهز.
canned-deleted = تم حذف الرد الجاهز.
canned-save = حفظ
canned-search = ابحث بالرمز المختصر أو المحتوى
canned-filter-tag = الوسم
canned-filter-all-tags = كل الوسوم
canned-filter-attachment = مع مرفق
canned-check-presets = عرض ردود الشركة
canned-presets-title = ردود الشركة الجاهزة
canned-presets-intro = مشتركة من شركتك. لا يغيّرها إلا المسؤولون.
canned-presets-empty = لا يوجد رد للشركة مطابق.
canned-company = الشركة
canned-personal = شخصي
canned-created-by = أضافه %name% في %date%
canned-count = %count% ردود
canned-no-results = لا شيء يطابق البحث أو عوامل التصفية.
canned-empty-title = لا توجد ردود جاهزة بعد
canned-empty-body = احفظ الإجابات التي تكتبها كثيرًا، ثم أدرجها بكتابة / في مربع الرسالة.
canned-admin-empty-title = لا توجد ردود للشركة بعد
canned-admin-empty-body = أضف الإجابات التي يجب أن يقدمها كل موظف بالطريقة نفسها.
canned-short-code = الرمز المختصر
canned-short-code-hint = حروف وأرقام و- _ و. دون مسافات، حتى 50. يُكتب بعد / في مربع الرسالة.
canned-content = المحتوى
canned-content-hint = حتى 4096 حرفًا، أو 1024 مع مرفق (يصبح تعليقًا له). تُملأ المتغيرات لكل محادثة.
canned-tags = الوسوم
canned-tags-hint = افصل بينها بفواصل؛ حتى 10.
canned-attachment = المرفق
canned-attach = إرفاق ملف
canned-attachment-hint = الصور حتى 5 ميغابايت، والصوت والفيديو حتى 16 ميغابايت، والمستندات حتى 100 ميغابايت. يُحفظ مرة واحدة ويُرسل مع كل استخدام.
canned-remove-attachment = إزالة المرفق
canned-uploading = جارٍ الرفع… %percent%%
canned-emoji = رموز تعبيرية
canned-emoji-search = ابحث عن رمز تعبيري
canned-emoji-recent = المستخدمة مؤخرًا
canned-emoji-none = لم يُعثر على رمز
canned-emoji-loading = جارٍ تحميل الرموز…
canned-skin-tone = لون البشرة
canned-insert-variable = إدراج متغير
canned-var-contact-name = اسم جهة الاتصال
canned-var-contact-first-name = الاسم الأول لجهة الاتصال
canned-var-contact-phone = هاتف جهة الاتصال
canned-var-agent-name = اسمك
canned-var-agent-first-name = اسمك الأول
canned-var-number-name = اسم رقم WhatsApp
canned-var-company-name = اسم الشركة
canned-picker-label = الردود الجاهزة
canned-picker-none = لا يوجد رد جاهز مطابق.
canned-picker-hint = ↑↓ للاختيار · Enter أو Tab للإدراج · Esc للإغلاق
canned-picker-results = %count% ردود جاهزة
emoji-group-smileys-and-emotion = الوجوه والمشاعر
emoji-group-people-and-body = الأشخاص والجسم
emoji-group-animals-and-nature = الحيوانات والطبيعة
emoji-group-food-and-drink = الطعام والشراب
emoji-group-travel-and-places = السفر والأماكن
emoji-group-activities = الأنشطة
emoji-group-objects = الأشياء
emoji-group-symbols = الرموز
emoji-group-flags = الأعلام
