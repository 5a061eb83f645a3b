# agentdesk — 简体中文

## Errors returned by the API
error-validation-failed = 有些字段需要修改。
error-email-read-only = 邮箱是你的登录身份，无法在此修改。
error-weak-password = 请设置更安全的密码。
error-invalid-credentials = 邮箱或密码不正确。
error-unauthenticated = 请先登录。
error-forbidden = 你没有执行此操作的权限。
error-not-found = 找不到你要的内容。
error-email-taken = 该邮箱已被使用。
error-cannot-deactivate-self = 你不能停用自己的账号。
error-rate-limited = 尝试次数过多，请在 { $seconds } 秒后重试。
error-cross-site = 此请求来自其他网站，已被拒绝。
error-malformed-body = 无法读取请求内容。
error-invalid-body = 请求包含未知字段或类型错误的字段。
error-unsupported-media-type = 此处不支持该内容类型。
error-payload-too-large = 请求内容过大。
error-method-not-allowed = 此处不支持该操作。
error-busy = 服务器繁忙，请稍后再试。
error-internal = 我们这边出了点问题，请重试。
error-network = 无法连接 agentdesk，请检查网络后重试。
error-avatar-too-large = 图片不能超过 5 MB。
error-invalid-image = 无法使用这张图片：文件已损坏或尺寸过大（每边最多 10,000 像素）。
error-wrong-password = 当前密码不正确。
error-invalid-code = 验证码不正确。
error-code-expired = 验证码已过期，请重新获取。
error-too-many-attempts = 错误次数过多，请等待 { $seconds } 秒后重新获取验证码。
error-delivery-failed = 暂时无法发送验证码，请稍后重试。
error-phone-not-verified = 请先添加并验证手机号码。
error-phone-in-use = 你的登录验证码会发送到此号码。请先关闭双重验证或改用邮箱。

## Field problems
field-required = 此项为必填项。
field-too-long = 内容过长。
field-too-short = 内容过短。
field-invalid-format = 格式不正确。
field-unsupported = 不支持该值。

## Passwords
password-too-short = 密码至少需要 8 个字符。
password-too-long = 密码最多 128 个字符。
password-contains-personal = 密码中不要包含你的姓名或邮箱。
password-too-common = 该密码过于常见或容易被猜到。
password-rules = 至少 8 个字符。较长的短语既好记又难猜。

## Error pages
error-page-not-found-title = 页面不存在
error-page-forbidden-title = 无权访问
error-page-server-title = 出错了
error-page-generic-title = 操作未成功
error-page-home = 返回 agentdesk

## Sign-in
login-title = 登录
login-subtitle = 欢迎回来，你的客户正在等你。
login-email = 邮箱
login-password = 密码
login-submit = 登录
login-submitting = 正在登录…
login-fill-both = 请输入邮箱和密码。
login-aside-customer = 你好！我的订单还没到 📦
login-aside-agent = 抱歉让你久等了，我马上帮你查一下。
login-tagline = 每一条 WhatsApp 对话，都由合适的人来回复。
language-label = 语言

## App shell
shell-skip-to-content = 跳到主要内容
shell-navigation = 主导航
shell-account-menu = 账号菜单
nav-inbox = 收件箱
nav-agents = 客服成员
menu-preferences = 个人偏好设置
menu-sign-out = 退出登录

## Inbox
inbox-empty-title = 全部处理完了，{ $name }
inbox-empty-body = 客户给公司号码发来 WhatsApp 消息后，新对话会立即出现在这里。

## Your preference
prefs-title = 个人偏好设置
prefs-profile = 个人资料
prefs-first-name = 名
prefs-last-name = 姓
prefs-email = 邮箱
prefs-email-hint = 邮箱是你的登录账号。如需修改，请联系管理员。
prefs-save = 保存
prefs-saving = 正在保存…
prefs-saved = 已保存
prefs-save-failed = 无法保存你的修改。
prefs-unsaved = 你有尚未保存的修改。
prefs-language = 语言
prefs-language-hint = 立即应用到所有页面，以及我们发给你的邮件和短信。
prefs-avatar = 头像
prefs-avatar-hint = 支持 JPEG、PNG 或 WebP，最大 5 MB。同事可以看到，客户永远看不到。
prefs-avatar-choose = 选择图片
prefs-avatar-change = 更换头像
prefs-avatar-remove = 删除头像
prefs-avatar-drop = 将图片拖放到这里
prefs-avatar-preview = 你的头像
prefs-avatar-remove-title = 删除你的头像？
prefs-avatar-remove-body = 同事将看到你的姓名首字母。
prefs-avatar-removed = 头像已删除
prefs-avatar-crop-title = 裁剪头像
prefs-avatar-crop-hint = 拖动以移动图片，使用滑块缩放。
prefs-avatar-zoom = 缩放
prefs-avatar-use = 使用这张图片
prefs-avatar-pending = 已选择新头像，点击保存后生效。
prefs-avatar-uploading = 正在上传头像… %percent%
prefs-avatar-not-image = 请选择 JPEG、PNG 或 WebP 图片。
prefs-password = 密码
prefs-password-hint = 修改后你在此设备上保持登录，其他所有设备都会退出登录。
prefs-password-current = 当前密码
prefs-password-new = 新密码
prefs-password-confirm = 确认新密码
prefs-password-mismatch = 两次输入的新密码不一致。
prefs-password-submit = 修改密码
prefs-password-changing = 正在修改…
prefs-password-changed = 密码已修改，你已在其他所有设备上退出登录。
prefs-strength = 密码强度
prefs-strength-0 = 非常弱
prefs-strength-1 = 弱
prefs-strength-2 = 一般
prefs-strength-3 = 强
prefs-strength-4 = 非常强

## Roles
role-admin = 管理员
role-agent = 客服

## Admin › Agents
agents-title = 客服成员
agents-add = 添加客服
agents-create = 创建客服
agents-col-name = 姓名
agents-col-role = 角色
agents-col-status = 状态
agents-col-actions = 操作
agents-you = 你
agents-active = 已启用
agents-inactive = 已停用
agents-deactivate = 停用
agents-reactivate = 重新启用
agents-confirm-deactivate = 确定停用 { $name }？对方会立即在所有设备上退出登录。
agents-initial-password = 初始密码
agents-created = 客服已创建
action-cancel = 取消

## Inbox errors
error-number-taken = 该 WhatsApp 号码已经接入。
error-window-closed = 距离客户上次发消息已超过 24 小时，WhatsApp 现在只允许发送模板消息。
error-conversation-conflict = 该客户在此号码上已有另一个进行中的会话。
error-conversation-closed = 该会话已关闭，请重新打开后再回复。
error-file-too-large = 文件超过 WhatsApp 的大小限制（图片 5 MB，音视频 16 MB，文档 100 MB）。
error-invalid-signature = Webhook 签名缺失或不正确。

## Inbox pages (filled by the inbox UI work)
numbers-title = WhatsApp 号码
nav-numbers = 号码
sim-title = 客户模拟器

## 收件箱界面。百分号之间的词（%actor%、%agent%、%name%、%when%、%emoji%、%count%）由浏览器填入：
## 请原样保留，可放在句中任意位置。
inbox-views = 会话视图
inbox-view-mine = 我的
inbox-view-unassigned = 未分配
inbox-view-all = 全部
inbox-filter-status = 会话状态
inbox-status-open = 进行中
inbox-status-closed = 已关闭
inbox-status-any = 全部状态
inbox-filter-number = WhatsApp 号码
inbox-number-any = 全部号码
inbox-live-reconnecting = 正在重新连接…
inbox-simulator-link = 打开客户模拟器
inbox-list-empty-mine = 目前没有分配给你的会话。新分配给你的会话会显示在这里。
inbox-list-empty-unassigned = 没有等待认领的会话。
inbox-list-empty-all = 没有符合筛选条件的会话。
inbox-list-empty-closed = 没有符合筛选条件的已关闭会话。
inbox-retry = 重试
inbox-conversation = 会话
inbox-select-title = 选择一个会话
inbox-select-body = 从左侧列表中选择会话，即可查看消息并回复。
inbox-back = 返回会话列表
inbox-details = 详情
inbox-details-close = 关闭详情
inbox-actions = 会话操作
inbox-assignee = 负责人
inbox-unassigned = 未分配
inbox-assign-me = 分配给我
inbox-transfer = 转接…
inbox-unassign = 取消分配
inbox-close = 关闭会话
inbox-reopen = 重新打开
inbox-you = 你
inbox-someone = 某位成员
inbox-customer = 客户
inbox-no-phone = 未提供手机号
inbox-messages = 消息
inbox-new-messages = 有新消息
inbox-window-open = 回复窗口将于%when%关闭
inbox-window-open-short = 可回复，%when%关闭
inbox-window-closed-short = 回复窗口已关闭
inbox-window-closed-title = 24 小时回复窗口已关闭
inbox-window-closed-body = WhatsApp 只允许在客户最后一条消息后的 24 小时内自由回复。客户再次发消息后即可继续回复。
inbox-window-never-body = 客户尚未在此会话中发过消息。WhatsApp 只允许在客户发消息后自由回复。
inbox-closed-notice = 该会话已关闭，重新打开后才能回复。
inbox-composer-label = 你的回复
inbox-composer-placeholder = 输入回复…
inbox-composer-hint = 按 Enter 发送，Shift+Enter 换行
inbox-composer-disabled-window = 需等客户再次发消息后才能回复
inbox-composer-disabled-closed = 重新打开会话后即可回复
inbox-send = 发送
inbox-message-reply = 回复这条消息
inbox-reply-cancel = 取消引用
inbox-quote-missing = 原消息不可用
inbox-msg-pending = 发送中
inbox-msg-sent = 已发送
inbox-msg-delivered = 已送达
inbox-msg-read = 已读
inbox-msg-failed = 发送失败
inbox-reaction = 客户回应了 %emoji%
inbox-media-image = 图片
inbox-media-video = 视频
inbox-media-audio = 音频
inbox-media-voice = 语音消息
inbox-media-document = 文件
inbox-media-sticker = 贴图
inbox-media-unavailable = 暂不支持预览
inbox-media-loading = 加载中…
inbox-media-open = 在新标签页中查看原图
inbox-media-download = 下载
inbox-attach = 添加附件
inbox-attachment-remove = 移除附件
inbox-composer-caption = 添加说明（可选）…
inbox-uploading = 正在上传… %percent%
inbox-uploading-label = 上传进度
inbox-location = 位置
inbox-location-open = 在地图中打开
inbox-contacts = 分享的联系人
inbox-reply-button = 点击了按钮
inbox-reply-list = 从列表中选择
inbox-unsupported = 暂时无法显示此类消息
inbox-interactive = 互动消息
inbox-today = 今天
inbox-yesterday = 昨天
inbox-event-created = 会话已开始
inbox-event-assigned = %actor% 将会话分配给了 %agent%
inbox-event-assigned-auto = 已自动分配给 %agent%
inbox-event-assigned-self = %actor% 认领了此会话
inbox-event-unassigned = %actor% 取消了分配
inbox-event-unassigned-auto = 已取消分配
inbox-event-closed = %actor% 关闭了会话
inbox-event-closed-auto = 会话已关闭
inbox-event-reopened = %actor% 重新打开了会话
inbox-event-reopened-auto = 会话已重新打开
inbox-done-assigned-me = 已分配给你
inbox-done-transferred = 已转接给 %name%
inbox-done-unassigned = 已取消分配
inbox-done-closed = 会话已关闭
inbox-done-reopened = 会话已重新打开
inbox-transfer-title = 转接会话
inbox-transfer-body = 选择接手此会话的同事，会话会立即出现在对方的“我的”视图中。
inbox-transfer-search = 搜索同事
inbox-transfer-empty = 没有找到匹配的同事。
inbox-transfer-current = 当前负责人
inbox-details-customer-id = WhatsApp 用户 ID
inbox-details-number = 企业号码
inbox-details-status = 状态
inbox-details-started = 开始时间
inbox-details-initiated = 发起方
inbox-details-window = 回复窗口
inbox-initiated-customer = 客户
inbox-initiated-business = 你的团队

## 在线状态（侧边栏）
availability-label = 你的状态
availability-available = 在线
availability-away = 离开
availability-offline = 离线
availability-failed = 无法更改你的状态。

## 管理 › WhatsApp 号码
numbers-intro = 你的团队负责接待的 WhatsApp Business 号码。客户发到这些号码的消息会进入收件箱。
numbers-add = 添加号码
numbers-add-intro = 接入 Meta WhatsApp Business 平台上的号码。
numbers-create = 接入号码
numbers-created = 号码已接入
numbers-col-name = 号码
numbers-col-id = 电话号码 ID
numbers-col-assignment = 分配方式
numbers-col-status = 状态
numbers-col-added = 添加时间
numbers-connected = 已接入
numbers-token-invalid = 令牌失效
numbers-token-invalid-hint = WhatsApp 拒绝了此号码的访问令牌。更换令牌之前无法发送回复。
numbers-assignment-manual = 手动分配
numbers-assignment-manual-hint = 新会话会停留在“未分配”中，直到有人认领。
numbers-assignment-round-robin = 轮流分配
numbers-assignment-round-robin-hint = 新会话会依次分配给在线的客服。
numbers-empty-title = 尚未接入任何号码
numbers-empty-body = 接入第一个 WhatsApp Business 号码，即可开始接收会话。
numbers-field-name = 名称
numbers-field-name-hint = 团队内部对这个号码的称呼，例如“售后”或“销售”。
numbers-field-display = 显示的电话号码
numbers-field-id = 电话号码 ID
numbers-field-id-hint = 在 Meta 的 WhatsApp 管理器“API 设置”中可以找到电话号码 ID（仅数字）。
numbers-field-token = 访问令牌
numbers-field-token-hint = 需具备 whatsapp_business_messaging 权限的永久令牌。令牌保存在服务器上，之后不会再显示，管理员也无法查看。
numbers-field-assignment = 新会话的分配方式

## 客户模拟器（演示模式）
sim-demo = 演示
sim-intro = 扮演客户给演示用的 WhatsApp 号码发消息。所有消息都走真实的 Webhook 流程，并像 Meta 一样签名；团队的回复会显示在这部手机上。
sim-phone = 客户的手机
sim-number = 企业号码
sim-customer = 客户
sim-new-customer = 新建客户
sim-customer-name = 姓名
sim-customer-phone = 手机号（选填）
sim-customer-phone-hint = 不填手机号时，客户只以 WhatsApp 用户 ID 识别，就像使用用户名的用户一样。
sim-create = 添加客户
sim-created = %name% 已可以开始聊天
sim-no-phone = 无手机号
sim-auto-read = 自动标记为已读
sim-auto-read-hint = 企业发来的消息一到就显示蓝色双勾。
sim-open-inbox = 打开收件箱
sim-foot = 提示：在另一个窗口打开收件箱，可以实时看到消息到达。
sim-business = 企业账号
sim-mark-read = 标记为已读
sim-read-done = 已标记为已读：%count% 条
sim-read-none = 所有消息都已读。
sim-e2e = 演示聊天：消息只会发送到本 agentdesk，不会发到 WhatsApp。
sim-empty = 还没有消息，和商家打个招呼吧！
sim-message = 消息
sim-attach = 附件
sim-attach-photo = 图片
sim-attach-document = 文件
sim-attach-location = 位置
sim-attach-hint = 输入框中的文字会作为说明一起发送。
sim-location-name = 保利斯塔大道
sim-location-address = 巴西圣保罗市贝拉维斯塔区保利斯塔大道 1578 号
sim-choose = 选择
sim-media-open = 打开
sim-failed = 模拟器无法完成此操作，请重试。

## Messages we send (email and SMS). { $code } is the six-digit code.
otp-email-subject = 你的 agentdesk 验证码
otp-login = { $code } 是你的 agentdesk 登录验证码，10 分钟内有效。请勿告诉他人。
otp-two-factor = { $code } 是你用于修改 agentdesk 双重验证的验证码，10 分钟内有效。
otp-phone-old = { $code } 是你用于确认更换 agentdesk 手机号码的验证码，10 分钟内有效。
otp-phone-new = { $code } 是你用于验证此手机号码的 agentdesk 验证码，10 分钟内有效。
notice-email-subject = agentdesk 安全通知
notice-two-factor-enabled = 你的 agentdesk 账号已开启双重验证。如果不是你本人操作，请立即联系管理员。
notice-two-factor-disabled = 你的 agentdesk 账号已关闭双重验证。如果不是你本人操作，请立即联系管理员。
notice-two-factor-switched = 你的 agentdesk 登录验证码已改为其他方式接收。如果不是你本人操作，请立即联系管理员。
notice-phone-changed = 你的 agentdesk 账号手机号码已更换。如果不是你本人操作，请立即联系管理员。
notice-phone-removed = 你的 agentdesk 账号手机号码已删除。如果不是你本人操作，请立即联系管理员。
