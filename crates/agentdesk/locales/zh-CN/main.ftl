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
error-invalid-signature = Webhook 签名缺失或不正确。

## Inbox pages (filled by the inbox UI work)
numbers-title = WhatsApp 号码
nav-numbers = 号码
sim-title = 客户模拟器
