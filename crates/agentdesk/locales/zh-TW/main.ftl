# agentdesk — 繁體中文（台灣）

## API 回傳的錯誤
error-validation-failed = 有些欄位需要修正。
error-email-read-only = 電子郵件地址是你的登入身分，無法在這裡變更。
error-weak-password = 請設定更安全的密碼。
error-invalid-credentials = 電子郵件或密碼不正確。
error-unauthenticated = 請先登入再繼續。
error-forbidden = 你沒有執行這項操作的權限。
error-not-found = 找不到你要的內容。
error-email-taken = agentdesk 中已有人使用這個電子郵件地址。
error-cannot-deactivate-self = 你無法停用自己的帳號。
error-rate-limited = 嘗試次數過多，請在 { $seconds } 秒後再試一次。
error-cross-site = 這個請求來自其他網站，已遭拒絕。
error-malformed-body = 無法讀取請求內容。
error-invalid-body = 請求中包含未知或類型錯誤的欄位。
error-unsupported-media-type = 這裡不支援此內容類型。
error-payload-too-large = 請求內容過大。
error-method-not-allowed = 這裡無法執行此操作。
error-busy = 伺服器忙碌中，請稍後再試。
error-internal = 系統發生問題，請再試一次。
error-network = 無法連線到 agentdesk，請檢查網路連線後再試一次。
error-avatar-too-large = 圖片不能超過 5 MB。
error-invalid-image = 無法使用這張圖片：檔案已損毀或尺寸過大（每邊最多 10,000 像素）。
error-wrong-password = 目前的密碼不正確。
error-invalid-code = 驗證碼不正確。
error-code-expired = 此驗證碼已過期，請重新取得。
error-too-many-attempts = 驗證碼錯誤次數過多，請等待 { $seconds } 秒後再重新取得驗證碼。
error-delivery-failed = 目前無法傳送驗證碼，請稍後再試。
error-phone-not-verified = 請先新增並驗證手機號碼。
error-phone-in-use = 你的登入驗證碼會傳送到這個號碼。請先關閉雙重驗證，或改用電子郵件接收。

## 欄位問題
field-required = 此欄位為必填。
field-too-long = 內容過長。
field-too-short = 內容過短。
field-invalid-format = 格式似乎不正確。
field-unsupported = 不支援此值。

## 密碼
password-too-short = 請至少使用 8 個字元。
password-too-long = 最多只能使用 128 個字元。
password-contains-personal = 密碼中請勿包含你的姓名或電子郵件地址。
password-too-common = 這個密碼太常見或太容易被猜到。
password-rules = 至少 8 個字元。較長的句子好記又難猜。

## 錯誤頁面
error-page-not-found-title = 找不到頁面
error-page-forbidden-title = 存取遭拒
error-page-server-title = 發生錯誤
error-page-generic-title = 操作未成功
error-page-home = 返回 agentdesk

## 登入
login-title = 登入
login-subtitle = 歡迎回來，你的客戶正在等你。
login-email = 電子郵件
login-password = 密碼
login-submit = 登入
login-submitting = 登入中…
login-fill-both = 請輸入電子郵件和密碼。
login-aside-customer = 你好！我的訂單還沒送到 📦
login-aside-agent = 很抱歉造成困擾，我馬上幫你查詢。
login-tagline = 每一則 WhatsApp 對話，都由對的人來回覆。
language-label = 語言

## 應用程式外框
shell-skip-to-content = 跳至主要內容
shell-navigation = 主要導覽
shell-account-menu = 帳號選單
nav-inbox = 收件匣
nav-agents = 客服人員
menu-preferences = 偏好設定
menu-sign-out = 登出

## 收件匣
inbox-empty-title = 都處理完了，{ $name }
inbox-empty-body = 客戶傳送 WhatsApp 訊息到公司號碼後，新對話會立即出現在這裡。

## 偏好設定
prefs-title = 偏好設定
prefs-profile = 個人資料
prefs-first-name = 名字
prefs-last-name = 姓氏
prefs-email = 電子郵件
prefs-email-hint = 電子郵件是你的登入帳號。如需變更，請洽管理員。
prefs-save = 儲存
prefs-saving = 儲存中…
prefs-saved = 已儲存
prefs-save-failed = 無法儲存你的變更。
prefs-unsaved = 你有尚未儲存的變更。
prefs-language = 語言
prefs-language-hint = 將立即套用至所有頁面，以及我們寄給你的電子郵件和簡訊。
prefs-avatar = 大頭貼
prefs-avatar-hint = 支援 JPEG、PNG 或 WebP，最大 5 MB。同事看得到，客戶永遠看不到。
prefs-avatar-choose = 選擇圖片
prefs-avatar-change = 更換大頭貼
prefs-avatar-remove = 移除大頭貼
prefs-avatar-drop = 將圖片拖放到這裡
prefs-avatar-preview = 你的大頭貼
prefs-avatar-remove-title = 要移除你的大頭貼嗎？
prefs-avatar-remove-body = 同事會改為看到你的姓名縮寫。
prefs-avatar-removed = 已移除大頭貼
prefs-avatar-crop-title = 裁切大頭貼
prefs-avatar-crop-hint = 拖曳即可移動圖片，使用滑桿縮放。
prefs-avatar-zoom = 縮放
prefs-avatar-use = 使用這張圖片
prefs-avatar-pending = 已選擇新的大頭貼，儲存後即會套用。
prefs-avatar-uploading = 大頭貼上傳中… %percent%
prefs-avatar-not-image = 請選擇 JPEG、PNG 或 WebP 圖片。
prefs-password = 密碼
prefs-password-hint = 變更後，你在這裡仍會保持登入，其他所有裝置則會登出。
prefs-password-current = 目前的密碼
prefs-password-new = 新密碼
prefs-password-confirm = 確認新密碼
prefs-password-mismatch = 兩次輸入的新密碼不一致。
prefs-password-submit = 變更密碼
prefs-password-changing = 變更中…
prefs-password-changed = 密碼已變更，你已在其他所有裝置上登出。
prefs-strength = 密碼強度
prefs-strength-0 = 非常弱
prefs-strength-1 = 弱
prefs-strength-2 = 普通
prefs-strength-3 = 強
prefs-strength-4 = 非常強

## 角色
role-admin = 管理員
role-agent = 客服人員

## 管理 › 客服人員
agents-title = 客服人員
agents-add = 新增客服人員
agents-create = 建立客服人員
agents-col-name = 姓名
agents-col-role = 角色
agents-col-status = 狀態
agents-col-actions = 操作
agents-you = 你
agents-active = 已啟用
agents-inactive = 已停用
agents-deactivate = 停用
agents-reactivate = 重新啟用
agents-confirm-deactivate = 確定要停用 { $name } 嗎？對方會立即在所有裝置上登出。
agents-initial-password = 初始密碼
agents-created = 已建立客服人員
action-cancel = 取消

## 收件匣錯誤
error-number-taken = 這個 WhatsApp 號碼已經連結過了。
error-window-closed = 距離客戶上次傳送訊息已超過 24 小時，WhatsApp 現在只允許傳送範本訊息。
error-conversation-conflict = 這位客戶在此號碼上已有另一個進行中的對話。
error-conversation-closed = 此對話已關閉，請重新開啟後再回覆。
error-file-too-large = 檔案超過 WhatsApp 的大小限制（圖片 5 MB、音訊和影片 16 MB、文件 100 MB）。
error-invalid-signature = Webhook 簽章遺失或不正確。

## 收件匣頁面
numbers-title = WhatsApp 號碼
nav-numbers = 號碼
sim-title = 客戶模擬器

## 收件匣介面。百分比符號之間的字詞（%actor%、%agent%、%name%、%when%、%emoji%、%count%）
## 由瀏覽器填入：請保持原樣，可放在句中任何位置。
inbox-views = 對話檢視
inbox-view-mine = 我的
inbox-view-unassigned = 未指派
inbox-view-all = 全部
inbox-filter-status = 對話狀態
inbox-status-open = 進行中
inbox-status-closed = 已關閉
inbox-status-any = 所有狀態
inbox-filter-number = WhatsApp 號碼
inbox-number-any = 所有號碼
inbox-live-reconnecting = 重新連線中…
inbox-simulator-link = 開啟客戶模擬器
inbox-list-empty-mine = 目前沒有指派給你的對話。指派給你的新對話會顯示在這裡。
inbox-list-empty-unassigned = 沒有等待接手的對話。
inbox-list-empty-all = 沒有符合篩選條件的對話。
inbox-list-empty-closed = 沒有符合篩選條件的已關閉對話。
inbox-retry = 重試
inbox-conversation = 對話
inbox-select-title = 選擇對話
inbox-select-body = 從清單中選擇對話，即可閱讀並回覆。
inbox-back = 返回對話清單
inbox-details = 詳細資料
inbox-details-close = 關閉詳細資料
inbox-actions = 對話操作
inbox-assignee = 負責人
inbox-unassigned = 未指派
inbox-assign-me = 指派給我
inbox-transfer = 轉接…
inbox-unassign = 取消指派
inbox-close = 關閉對話
inbox-reopen = 重新開啟
inbox-you = 你
inbox-someone = 某位成員
inbox-customer = 客戶
inbox-no-phone = 未提供電話號碼
inbox-messages = 訊息
inbox-new-messages = 新訊息
inbox-window-open = 回覆時段將於 %when%結束
inbox-window-open-short = 可回覆，%when%結束
inbox-window-closed-short = 回覆時段已結束
inbox-window-closed-title = 24 小時回覆時段已結束
inbox-window-closed-body = WhatsApp 只允許在客戶最後一則訊息後的 24 小時內自由回覆。客戶再次傳送訊息後，你就能繼續回覆。
inbox-window-never-body = 客戶尚未在此對話中傳送訊息。WhatsApp 只允許在客戶傳送訊息後自由回覆。
inbox-closed-notice = 此對話已關閉，請重新開啟後再回覆。
inbox-composer-label = 你的回覆
inbox-composer-placeholder = 輸入回覆…
inbox-composer-hint = 按 Enter 傳送 · Shift+Enter 換行
inbox-composer-disabled-window = 須等客戶再次傳送訊息後才能回覆
inbox-composer-disabled-closed = 重新開啟對話即可回覆
inbox-send = 傳送
inbox-message-reply = 回覆這則訊息
inbox-reply-cancel = 取消回覆
inbox-quote-missing = 無法取得原始訊息
inbox-msg-pending = 傳送中
inbox-msg-sent = 已傳送
inbox-msg-delivered = 已送達
inbox-msg-read = 已讀
inbox-msg-failed = 未送達
inbox-reaction = 客戶以 %emoji% 回應
inbox-media-image = 相片
inbox-media-video = 影片
inbox-media-audio = 音訊
inbox-media-voice = 語音訊息
inbox-media-document = 文件
inbox-media-sticker = 貼圖
inbox-media-unavailable = 尚無法預覽
inbox-media-loading = 載入中…
inbox-media-open = 在新分頁中開啟完整圖片
inbox-media-download = 下載
inbox-attach = 附加檔案
inbox-attachment-remove = 移除附件
inbox-composer-caption = 新增說明文字（選填）…
inbox-uploading = 上傳中… %percent%
inbox-uploading-label = 上傳進度
inbox-location = 位置
inbox-location-open = 開啟地圖
inbox-contacts = 分享的聯絡人
inbox-reply-button = 點選了按鈕
inbox-reply-list = 從清單中選擇
inbox-unsupported = 目前還無法顯示此類型的訊息
inbox-interactive = 互動式訊息
inbox-today = 今天
inbox-yesterday = 昨天
inbox-event-created = 對話已開始
inbox-event-assigned = %actor% 將對話指派給 %agent%
inbox-event-assigned-auto = 已自動指派給 %agent%
inbox-event-assigned-self = %actor% 接手了此對話
inbox-event-unassigned = %actor% 取消了指派
inbox-event-unassigned-auto = 已取消指派
inbox-event-closed = %actor% 關閉了對話
inbox-event-closed-auto = 對話已關閉
inbox-event-reopened = %actor% 重新開啟了對話
inbox-event-reopened-auto = 對話已重新開啟
inbox-done-assigned-me = 已指派給你
inbox-done-transferred = 已轉接給 %name%
inbox-done-unassigned = 已取消指派對話
inbox-done-closed = 對話已關閉
inbox-done-reopened = 對話已重新開啟
inbox-transfer-title = 轉接對話
inbox-transfer-body = 選擇接手此對話的同事，對話會立即出現在對方的「我的」檢視中。
inbox-transfer-search = 搜尋同事
inbox-transfer-empty = 找不到符合的同事。
inbox-transfer-current = 目前負責人
inbox-details-customer-id = WhatsApp 使用者 ID
inbox-details-number = 企業號碼
inbox-details-status = 狀態
inbox-details-started = 開始時間
inbox-details-initiated = 發起方
inbox-details-window = 回覆時段
inbox-initiated-customer = 客戶
inbox-initiated-business = 你的團隊

## 上線狀態（側邊欄）
availability-label = 你的狀態
availability-available = 線上
availability-away = 離開
availability-offline = 離線
availability-failed = 無法變更你的狀態。

## 管理 › WhatsApp 號碼
numbers-intro = 你的團隊負責回覆的 WhatsApp Business 號碼。客戶傳送到這些號碼的訊息會進入收件匣。
numbers-add = 新增號碼
numbers-add-intro = 連結 Meta WhatsApp Business 平台上的號碼。
numbers-create = 連結號碼
numbers-created = 號碼已連結
numbers-col-name = 號碼
numbers-col-id = 電話號碼 ID
numbers-col-assignment = 指派方式
numbers-col-status = 狀態
numbers-col-added = 新增時間
numbers-connected = 已連結
numbers-token-invalid = 權杖遭拒
numbers-token-invalid-hint = WhatsApp 拒絕了此號碼的存取權杖。更換權杖之前無法傳送回覆。
numbers-assignment-manual = 手動指派
numbers-assignment-manual-hint = 新對話會留在「未指派」中，直到有人接手。
numbers-assignment-round-robin = 輪流指派
numbers-assignment-round-robin-hint = 新對話會依序指派給線上的客服人員。
numbers-empty-title = 尚未連結任何號碼
numbers-empty-body = 連結第一個 WhatsApp Business 號碼，即可開始接收對話。
numbers-field-name = 名稱
numbers-field-name-hint = 團隊內部對此號碼的稱呼，例如「客服」或「業務」。
numbers-field-display = 顯示的電話號碼
numbers-field-id = 電話號碼 ID
numbers-field-id-hint = 可在 Meta 的 WhatsApp 管理員「API 設定」中找到電話號碼 ID（僅限數字）。
numbers-field-token = 存取權杖
numbers-field-token-hint = 具備 whatsapp_business_messaging 權限的永久權杖。權杖會儲存在伺服器上，之後不會再顯示，管理員也無法查看。
numbers-field-assignment = 新對話的指派方式

## 客戶模擬器（示範模式）
sim-demo = 示範
sim-intro = 扮演客戶，傳送訊息到示範用的 WhatsApp 號碼。所有訊息都會經過真實的 Webhook 流程，並以與 Meta 相同的方式簽署；團隊的回覆會顯示在這支手機上。
sim-phone = 客戶的手機
sim-number = 企業號碼
sim-customer = 客戶
sim-new-customer = 新客戶
sim-customer-name = 姓名
sim-customer-phone = 電話號碼（選填）
sim-customer-phone-hint = 沒有電話號碼時，只能以 WhatsApp 使用者 ID 識別客戶，就像使用使用者名稱的 WhatsApp 用戶一樣。
sim-create = 新增客戶
sim-created = %name% 已準備好聊天
sim-no-phone = 無電話號碼
sim-auto-read = 自動將訊息標示為已讀
sim-auto-read-hint = 企業傳來的訊息一送達就會顯示藍色勾勾。
sim-open-inbox = 開啟收件匣
sim-foot = 提示：在另一個視窗開啟收件匣，即可即時看到訊息送達。
sim-business = 企業帳號
sim-mark-read = 標示為已讀
sim-read-done = 已標示為已讀：%count% 則
sim-read-none = 所有訊息都已讀過了。
sim-e2e = 示範聊天：訊息只會傳送到此 agentdesk，絕不會傳到 WhatsApp。
sim-empty = 還沒有訊息，跟商家打聲招呼吧！
sim-message = 訊息
sim-attach = 附加
sim-attach-photo = 相片
sim-attach-document = 文件
sim-attach-location = 位置
sim-attach-hint = 訊息框中輸入的文字會作為說明文字一起傳送。
sim-location-name = 保利斯塔大道
sim-location-address = 巴西聖保羅貝拉維斯塔區保利斯塔大道 1578 號
sim-choose = 選擇
sim-media-open = 開啟
sim-failed = 模擬器無法完成此操作，請再試一次。

## 我們寄送的訊息（電子郵件和簡訊）。{ $code } 是六位數驗證碼。
otp-email-subject = 你的 agentdesk 驗證碼
otp-login = { $code } 是你的 agentdesk 登入驗證碼，10 分鐘內有效。請勿提供給任何人。
otp-two-factor = { $code } 是你變更 agentdesk 雙重驗證設定的驗證碼，10 分鐘內有效。
otp-phone-old = { $code } 是你確認變更 agentdesk 手機號碼的驗證碼，10 分鐘內有效。
otp-phone-new = { $code } 是你驗證此手機號碼的 agentdesk 驗證碼，10 分鐘內有效。
notice-email-subject = agentdesk 安全性通知
notice-two-factor-enabled = 你的 agentdesk 帳號已啟用雙重驗證。如果這不是你本人的操作，請立即聯絡管理員。
notice-two-factor-disabled = 你的 agentdesk 帳號已停用雙重驗證。如果這不是你本人的操作，請立即聯絡管理員。
notice-two-factor-switched = 你的 agentdesk 登入驗證碼現在改以其他方式傳送。如果這不是你本人的操作，請立即聯絡管理員。
notice-phone-changed = 你的 agentdesk 帳號手機號碼已變更。如果這不是你本人的操作，請立即聯絡管理員。
notice-phone-removed = 你的 agentdesk 帳號手機號碼已移除。如果這不是你本人的操作，請立即聯絡管理員。
