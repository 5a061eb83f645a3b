# agentdesk — English (the reference locale: every other locale defines exactly these keys)

## Errors returned by the API
error-validation-failed = Some fields need your attention.
error-email-read-only = Your email address is your sign-in identity and cannot be changed here.
error-weak-password = Choose a stronger password.
error-invalid-credentials = The email or password is incorrect.
error-unauthenticated = Please sign in to continue.
error-forbidden = You do not have permission to do this.
error-not-found = We could not find what you were looking for.
error-email-taken = Someone in agentdesk already uses this email address.
error-cannot-deactivate-self = You cannot deactivate your own account.
error-rate-limited = Too many attempts. Try again in { $seconds ->
    [one] 1 second
   *[other] { $seconds } seconds
}.
error-cross-site = This request came from another site and was refused.
error-malformed-body = The request could not be read.
error-invalid-body = The request contains fields that are unknown or of the wrong type.
error-unsupported-media-type = This content type is not supported here.
error-payload-too-large = The request is too large.
error-method-not-allowed = This action is not available here.
error-busy = The server is busy. Please try again in a moment.
error-internal = Something went wrong on our side. Please try again.
error-network = Could not reach agentdesk. Check your connection and try again.
error-avatar-too-large = Pictures must be 5 MB or smaller.
error-invalid-image = This picture cannot be used: it is damaged or too large (at most 10,000 pixels a side).
error-wrong-password = Your current password is not correct.
error-invalid-code = That code is not correct.
error-code-expired = This code has expired. Request a new one.
error-too-many-attempts = Too many wrong codes. Wait { $seconds ->
    [one] 1 second
   *[other] { $seconds } seconds
} and request a new code.
error-delivery-failed = We could not send the code just now. Try again in a moment.
error-phone-not-verified = Add and verify a phone number first.
error-email-not-configured = Codes cannot be sent by email: this server has no mail server set up. Choose another method, or ask your administrator.
error-sms-not-configured = Codes cannot be sent by SMS: this server has no SMS provider set up. Choose another method, or ask your administrator.
error-phone-in-use = Your sign-in codes go to this number. Switch two-factor authentication off or to email first.
error-two-factor-required = Your company requires two-factor authentication, so it cannot be turned off.
error-two-factor-off = Turn on two-factor authentication first.
error-nothing-to-resend = Codes from an authenticator app are not sent, so there is nothing to resend. Open the app to see the current code.

## Field problems
field-required = This field is required.
field-too-long = This is too long.
field-too-short = This is too short.
field-invalid-format = This does not look right.
field-unsupported = This value is not supported.
field-not-mobile = This number cannot receive text messages. Use a mobile number.

## Passwords
password-too-short = Use at least 8 characters.
password-too-long = Use at most 128 characters.
password-contains-personal = Do not use your name or email address in your password.
password-too-common = This password is too common or easy to guess.
password-rules = At least 8 characters. Long phrases are easy to remember and hard to guess.

## Error pages
error-page-not-found-title = Page not found
error-page-forbidden-title = Access denied
error-page-server-title = Something went wrong
error-page-generic-title = That did not work
error-page-home = Back to agentdesk

## Sign-in
login-title = Sign in
login-subtitle = Welcome back. Your customers are waiting.
login-email = Email
login-password = Password
login-submit = Sign in
login-submitting = Signing in…
login-fill-both = Enter your email and password.
login-aside-customer = Hi! My order hasn't arrived yet 📦
login-aside-agent = Sorry about that — let me check it for you right now.
login-tagline = Every WhatsApp conversation, answered by the right person.
login-otp-title = Enter your code
login-otp-sent = We sent a 6-digit code to %destination%. It works for 10 minutes.
login-otp-code = Code
login-otp-submit = Verify
login-otp-submitting = Verifying…
login-otp-resend = Send a new code
login-otp-resend-in = New code in %seconds% s
login-otp-resent = A new code is on its way.
login-otp-back = Start over
language-label = Language

## App shell
shell-skip-to-content = Skip to content
shell-navigation = Main navigation
shell-account-menu = Account menu
nav-inbox = Inbox
nav-agents = Agents
menu-preferences = Your preference
menu-sign-out = Sign out

## Inbox
inbox-empty-title = All caught up, { $name }
inbox-empty-body = New WhatsApp conversations will appear here as soon as customers write to your company's numbers.

## Your preference
prefs-title = Your preference
prefs-profile = Profile
prefs-first-name = First name
prefs-last-name = Last name
prefs-email = Email
prefs-email-hint = Your email is how you sign in. Ask an admin if it needs to change.
prefs-save = Save
prefs-saving = Saving…
prefs-saved = Saved
prefs-save-failed = Could not save your changes.
prefs-nothing-saved = Nothing was saved.
prefs-unsaved = You have unsaved changes.
prefs-language = Language
prefs-language-hint = Applies at once to every page, and to emails and text messages we send you.
prefs-avatar = Profile picture
prefs-avatar-hint = JPEG, PNG or WebP, up to 5 MB. Colleagues see it; customers never do.
prefs-avatar-choose = Choose a picture
prefs-avatar-change = Change picture
prefs-avatar-remove = Remove picture
prefs-avatar-drop = Drop the picture here
prefs-avatar-preview = Your profile picture
prefs-avatar-remove-title = Remove your picture?
prefs-avatar-remove-body = Colleagues will see your initials instead.
prefs-avatar-removed = Picture removed
prefs-avatar-crop-title = Crop your picture
prefs-avatar-crop-hint = Drag to move the picture. Use the slider to zoom.
prefs-avatar-zoom = Zoom
prefs-avatar-use = Use this picture
prefs-avatar-pending = New picture chosen. Save to apply it.
prefs-avatar-uploading = Uploading picture… %percent%
prefs-avatar-not-image = Choose a JPEG, PNG or WebP picture.
prefs-password = Password
prefs-password-hint = After the change you stay signed in here; every other device is signed out.
prefs-password-current = Current password
prefs-password-new = New password
prefs-password-confirm = Confirm new password
prefs-password-mismatch = The two new passwords do not match.
prefs-password-submit = Change password
prefs-password-changing = Changing…
prefs-password-changed = Password changed. You have been signed out on every other device.
prefs-strength = Password strength
prefs-strength-0 = Very weak
prefs-strength-1 = Weak
prefs-strength-2 = Fair
prefs-strength-3 = Strong
prefs-strength-4 = Very strong

## Roles
role-admin = Admin
role-agent = Agent

## Admin › Agents
agents-title = Agents
agents-add = Add agent
agents-create = Create agent
agents-col-name = Name
agents-col-role = Role
agents-col-status = Status
agents-col-actions = Actions
agents-you = you
agents-active = Active
agents-inactive = Deactivated
agents-deactivate = Deactivate
agents-reactivate = Reactivate
agents-confirm-deactivate = Deactivate { $name }? They will be signed out everywhere at once.
agents-initial-password = Initial password
agents-created = Agent created
action-cancel = Cancel

## Inbox errors
error-number-taken = This WhatsApp number is already connected.
error-window-closed = More than 24 hours have passed since the customer last wrote. WhatsApp only allows template messages now.
error-conversation-conflict = This customer already has another open conversation on this number.
error-conversation-closed = This conversation is closed. Reopen it to reply.
error-file-too-large = This file is larger than WhatsApp allows (images 5 MB, audio and video 16 MB, documents 100 MB).
error-invalid-signature = The webhook signature is missing or wrong.

## Inbox pages (filled by the inbox UI work)
numbers-title = WhatsApp numbers
nav-numbers = Numbers
sim-title = Customer simulator

## Inbox UI. Words between percent signs (%actor%, %agent%, %name%, %when%, %emoji%, %count%) are
## filled in by the browser: keep them as they are, anywhere in the sentence.
inbox-views = Conversation views
inbox-view-mine = Mine
inbox-view-unassigned = Unassigned
inbox-view-all = All
inbox-filter-status = Conversation status
inbox-status-open = Open
inbox-status-closed = Closed
inbox-status-any = Any status
inbox-filter-number = WhatsApp number
inbox-number-any = All numbers
inbox-live-reconnecting = Reconnecting…
inbox-simulator-link = Open the customer simulator
inbox-list-empty-mine = Nothing is assigned to you right now. New conversations for you will show up here.
inbox-list-empty-unassigned = No conversations are waiting for someone to pick them up.
inbox-list-empty-all = No conversations match these filters.
inbox-list-empty-closed = No closed conversations match these filters.
inbox-retry = Try again
inbox-conversation = Conversation
inbox-select-title = Pick a conversation
inbox-select-body = Choose a conversation from the list to read it and reply.
inbox-back = Back to conversations
inbox-details = Details
inbox-details-close = Close details
inbox-actions = Conversation actions
inbox-assignee = Assignee
inbox-unassigned = Unassigned
inbox-assign-me = Assign to me
inbox-transfer = Transfer…
inbox-unassign = Unassign
inbox-close = Close
inbox-reopen = Reopen
inbox-you = You
inbox-someone = Someone
inbox-customer = Customer
inbox-no-phone = Phone number not shared
inbox-messages = Messages
inbox-loading-older = Loading earlier messages…
inbox-loading-more = Loading more conversations…
inbox-conversations = Conversations
inbox-new-messages = New messages
inbox-window-open = Reply window closes %when%
inbox-window-open-short = Open, closes %when%
inbox-window-closed-short = Reply window closed
inbox-window-conversation-closed = Not open: the conversation is closed
inbox-window-closed-title = The 24-hour reply window is closed
inbox-window-closed-body = WhatsApp only allows free-form replies within 24 hours of the customer's last message. You can reply again as soon as the customer writes.
inbox-window-never-body = The customer has not written in this conversation yet. WhatsApp only allows free-form replies after the customer writes.
inbox-closed-notice = This conversation is closed. Reopen it to reply.
inbox-composer-label = Your reply
inbox-composer-placeholder = Write a reply…
inbox-composer-hint = Enter to send · Shift+Enter for a new line
inbox-composer-disabled-window = Replies are paused until the customer writes again
inbox-composer-disabled-closed = Reopen the conversation to reply
inbox-composer-disabled-disconnected = Replies are off: this number is disconnected
inbox-send = Send
inbox-message-reply = Reply to this message
inbox-reply-cancel = Cancel reply
inbox-quote-missing = Original message not available
inbox-msg-pending = Sending
inbox-msg-sent = Sent
inbox-msg-delivered = Delivered
inbox-msg-read = Read
inbox-msg-failed = Not delivered
inbox-reaction = Customer reacted with %emoji%
inbox-media-image = Photo
inbox-media-video = Video
inbox-media-audio = Audio
inbox-media-voice = Voice message
inbox-media-document = Document
inbox-media-sticker = Sticker
inbox-media-unavailable = Preview not available yet
inbox-media-loading = Loading…
inbox-media-open = Open the full image in a new tab
inbox-media-download = Download
inbox-attach = Attach a file
inbox-attachment-remove = Remove the attachment
inbox-composer-caption = Add a caption (optional)…
inbox-uploading = Uploading… %percent%
inbox-uploading-label = Upload progress
inbox-location = Location
inbox-location-open = Open map
inbox-contacts = Shared contact
inbox-reply-button = Tapped a button
inbox-reply-list = Chose from a list
inbox-unsupported = This message type cannot be shown yet
inbox-interactive = Interactive message
inbox-today = Today
inbox-yesterday = Yesterday
inbox-event-created = Conversation started
inbox-event-assigned = Assigned to %agent% by %actor%
inbox-event-assigned-auto = Assigned to %agent% automatically
inbox-event-assigned-self = %actor% took this conversation
inbox-event-unassigned = Unassigned by %actor%
inbox-event-unassigned-auto = Unassigned
inbox-event-closed = Closed by %actor%
inbox-event-closed-auto = Closed
inbox-event-reopened = Reopened by %actor%
inbox-event-reopened-auto = Reopened
inbox-done-assigned-me = Assigned to you
inbox-done-transferred = Transferred to %name%
inbox-done-unassigned = Conversation unassigned
inbox-done-closed = Conversation closed
inbox-done-reopened = Conversation reopened
inbox-transfer-title = Transfer conversation
inbox-transfer-body = Choose who should handle this conversation next. It moves to their Mine view at once.
inbox-transfer-search = Search colleagues
inbox-transfer-empty = No colleague matches your search.
inbox-transfer-current = Assigned
inbox-details-customer-id = WhatsApp user ID
inbox-details-number = Business number
inbox-details-status = Status
inbox-details-started = Started
inbox-details-initiated = Started by
inbox-details-window = Reply window
inbox-initiated-customer = The customer
inbox-initiated-business = Your team

## Availability (sidebar)
availability-label = Your status
availability-available = Available
availability-away = Away
availability-offline = Offline
availability-failed = Could not change your status.

## Admin › WhatsApp numbers
numbers-intro = The WhatsApp Business numbers your team answers. Customers' messages to these numbers arrive in the inbox.
numbers-add = Add number
numbers-add-intro = Connect a number from Meta's WhatsApp Business Platform.
numbers-create = Connect number
numbers-created = Number connected
numbers-col-name = Number
numbers-col-id = Phone number ID
numbers-col-assignment = Assignment
numbers-col-status = Status
numbers-col-added = Added
numbers-connected = Connected
numbers-token-invalid = Token rejected
numbers-token-invalid-hint = WhatsApp rejected this number's access token. Replies cannot be sent until it is replaced.
numbers-assignment-manual = Manual
numbers-assignment-manual-hint = New conversations wait in Unassigned until someone picks them up.
numbers-assignment-round-robin = Round robin
numbers-assignment-round-robin-hint = New conversations go to available agents in turn.
numbers-empty-title = No numbers connected yet
numbers-empty-body = Connect your first WhatsApp Business number to start receiving conversations.
numbers-field-name = Name
numbers-field-name-hint = What your team calls this number, e.g. "Support" or "Sales".
numbers-field-display = Display phone number
numbers-field-id = Phone number ID
numbers-field-id-hint = Find the phone number ID (digits only) in Meta's WhatsApp Manager, under API setup.
numbers-field-token = Access token
numbers-field-token-hint = A permanent token with the whatsapp_business_messaging permission. It is stored on the server and never shown again, not even to admins.
numbers-field-assignment = New conversations
inbox-number-disconnected-notice = This number was disconnected. The conversation is kept, but replies cannot be sent.
error-number-disconnected = This WhatsApp number was disconnected by an admin, so nothing can be sent on it.
numbers-reconnect = Connect again
numbers-disconnected-done = Number disconnected. Its conversations are kept.
numbers-disconnected = Disconnected
numbers-disconnect-body = New messages to { $name } will no longer arrive, and nobody can reply on it. Its conversations stay in the inbox, and you can connect it again later.
numbers-disconnect-title = Disconnect this number?
numbers-disconnect = Disconnect
numbers-field-new-token-hint = Leave empty to keep the current token. A new one replaces it at once.
numbers-field-new-token = New access token (optional)
numbers-saved = Changes saved
numbers-edit-title = Edit number
numbers-edit = Edit
action-save = Save

## Customer simulator (demo mode)
sim-demo = Demo
sim-intro = Play a customer writing to your demo WhatsApp numbers. Everything goes through the real webhook path, signed like Meta's, and your team's replies appear on this phone.
sim-phone = Customer's phone
sim-number = Business number
sim-customer = Customer
sim-new-customer = New customer
sim-customer-name = Name
sim-customer-phone = Phone number (optional)
sim-customer-phone-hint = Without a phone number the customer is known only by a WhatsApp user ID, like people who use a username.
sim-create = Add customer
sim-created = %name% is ready to chat
sim-no-phone = no phone number
sim-auto-read = Read messages automatically
sim-auto-read-hint = Business messages turn blue-ticked as soon as they arrive.
sim-open-inbox = Open the inbox
sim-foot = Tip: open the inbox in another window to watch messages arrive live.
sim-business = Business account
sim-mark-read = Mark as read
sim-read-done = Marked as read: %count%
sim-read-none = Everything was already read.
sim-e2e = Demo chat: messages go only to this agentdesk, never to WhatsApp.
sim-empty = No messages yet. Say hello to the business!
sim-message = Message
sim-attach = Attach
sim-attach-photo = Photo
sim-attach-document = Document
sim-attach-location = Location
sim-attach-hint = Anything typed in the message box is sent as the caption.
sim-location-name = Avenida Paulista
sim-location-address = Av. Paulista, 1578 – Bela Vista, São Paulo
sim-choose = Choose
sim-media-open = Open
sim-failed = The simulator could not do that. Try again.

## Messages we send (email and SMS). { $code } is the six-digit code.
otp-email-subject = Your agentdesk code
otp-login = { $code } is your agentdesk sign-in code. It expires in 10 minutes. Never share it.
otp-two-factor = { $code } is your agentdesk code to change two-factor authentication. It expires in 10 minutes.
otp-phone-old = { $code } is your agentdesk code to confirm a change of your phone number. It expires in 10 minutes.
otp-phone-new = { $code } is your agentdesk code to verify this phone number. It expires in 10 minutes.
notice-email-subject = Security notice from agentdesk
notice-two-factor-enabled = Two-factor authentication was turned on for your agentdesk account. If this was not you, contact your admin at once.
notice-two-factor-disabled = Two-factor authentication was turned off for your agentdesk account. If this was not you, contact your admin at once.
notice-two-factor-switched = Your agentdesk sign-in codes now go to a different method. If this was not you, contact your admin at once.
notice-phone-changed = The phone number of your agentdesk account was changed. If this was not you, contact your admin at once.
notice-phone-removed = The phone number of your agentdesk account was removed. If this was not you, contact your admin at once.

## Your preference › Security. %destination% is filled in by the browser.
prefs-security = Security
security-2fa-title = Two-factor authentication
security-2fa-intro = After your password, signing in asks for a one-time code from your authenticator app, your phone or your email. Someone who learns your password still cannot get in.
security-2fa-on = On
security-2fa-off = Off
security-2fa-method = Get codes from
security-phone-unavailable = A phone number is verified by SMS, and this server cannot send SMS yet.
security-admin-email-not-configured = Admins: codes by email are off because no mail server is set up. Set AGENTDESK_DELIVERY__SMTP__HOST (and the port, TLS mode, credentials and sender as needed) and restart the server.
security-admin-sms-not-configured = Admins: codes by SMS are off because no SMS provider is set up. Set AGENTDESK_DELIVERY__SMS__ACCOUNT_SID, AGENTDESK_DELIVERY__SMS__AUTH_TOKEN and AGENTDESK_DELIVERY__SMS__FROM (a Twilio-compatible service) and restart the server.
security-channel-unavailable = Not available on this server
security-2fa-turning-off = Turning off…
security-2fa-turning-on = Turning on…
security-2fa-in-use = In use
security-2fa-method-when-on = Codes will come from
security-2fa-method-email = Email
security-2fa-method-sms = Text message (SMS)
security-2fa-sms-needs-phone = Add a phone number below to get codes by text message.
security-2fa-weak-note = An authenticator app is the strongest choice: its codes never travel over the network. Codes by email or text message stop anyone who only has your password, but not someone who controls your inbox or phone number.
security-2fa-enabled = Two-factor authentication is on.
security-2fa-disabled = Two-factor authentication is off.
security-2fa-switched = Codes now go to the new method.
security-phone-title = Phone number
security-phone-intro = Used only to send you sign-in codes by text message.
security-phone-none = No phone number yet.
security-phone-country = Country or region
security-phone-number = Phone number
security-phone-add = Add number
security-phone-change = Change number
security-phone-remove = Remove number
security-phone-removed = Phone number removed.
security-phone-changed = Phone number verified and saved.
security-phone-remove-title = Remove your phone number?
security-phone-remove-body = You will no longer get codes by text message.
security-events-title = Recent security activity
security-events-empty = Nothing yet.
security-event-signed_in = Signed in
security-event-two_factor_failed = Wrong sign-in code entered
security-event-two_factor_enabled = Two-factor authentication turned on
security-event-two_factor_disabled = Two-factor authentication turned off
security-event-two_factor_switched = Two-factor method changed
security-event-password_changed = Password changed
security-event-phone_changed = Phone number changed
security-event-phone_removed = Phone number removed
otp-dialog-title = Confirm it is you
otp-dialog-sent = Enter the 6-digit code we sent to %destination%.
otp-dialog-old-phone = First, enter the code we sent to your current number %destination%.
otp-dialog-new-phone = Now enter the code we sent to your new number %destination%.
otp-dialog-confirm = Confirm
security-setup-required = Your company requires two-factor authentication. Turn it on to continue to agentdesk.
admin-require-2fa = Require two-factor authentication
admin-require-2fa-hint = Everyone must confirm sign-ins with a code. People without it set it up right after their password.
admin-require-2fa-on = Two-factor authentication is now required for everyone.
admin-require-2fa-off = Two-factor authentication is no longer required.
security-sessions-title = Where you are signed in
security-sessions-intro = Sessions end after 30 minutes without use and 12 hours after signing in.
security-sessions-this-device = This device
security-sessions-unknown-device = Unknown device
security-sessions-sign-out-others = Sign out other sessions
security-sessions-signed-out = Signed out of other sessions: %count%
security-event-signed_out_others = Signed out of other sessions

## Authenticator app and recovery codes
login-otp-totp = Open your authenticator app and enter the 6-digit code it shows for agentdesk.
login-use-recovery = Use a recovery code
login-use-otp = Use a 6-digit code instead
login-recovery-code = Recovery code
login-recovery-text = Enter one of the recovery codes you saved when you turned on two-factor authentication. Each code works once.
security-2fa-method-totp = Authenticator app
security-2fa-totp-hint = Google Authenticator, Microsoft Authenticator, 1Password or any app for time-based codes
security-2fa-strongest = Strongest
otp-dialog-totp = Enter the 6-digit code your authenticator app shows for agentdesk.
totp-title = Set up your authenticator app
totp-scan = Scan this QR code with your authenticator app.
totp-manual = Cannot scan it? Enter this key in the app instead:
totp-qr-alt = QR code that adds agentdesk to your authenticator app
totp-enter = Then enter the 6-digit code the app shows.
action-copy = Copy
action-copied = Copied
recovery-title = Recovery codes
recovery-intro = If you lose your phone or cannot get codes, each recovery code signs you in once.
recovery-left = { $count ->
    [one] 1 unused code left
   *[other] { $count } unused codes left
}
recovery-none = No recovery codes yet. Generate a set and keep it somewhere safe.
recovery-generate = Generate new codes
recovery-dialog-title = Save your recovery codes
recovery-dialog-body = Keep these codes somewhere safe, such as a password manager. Each one signs you in once when you cannot get a code. They are shown only now.
recovery-download = Download
recovery-file-title = agentdesk recovery codes for %email%
recovery-saved = I have saved these codes
recovery-done = Done
recovery-password-title = Confirm with your password
recovery-password-body = New codes replace your current ones: the old codes stop working at once.
recovery-generated = New recovery codes are ready. The old ones no longer work.
notice-recovery-codes-generated = New recovery codes were made for your agentdesk account; the previous ones no longer work. If this was not you, contact your admin at once.
notice-recovery-code-used = A recovery code was used to sign in to your agentdesk account. { $count ->
    [one] 1 code is left.
   *[other] { $count } codes are left.
} If this was not you, contact your admin at once.
security-event-recovery_code_used = Signed in with a recovery code
security-event-recovery_codes_generated = New recovery codes generated

## Canned responses
error-short-code-taken = This short code is already in use. Choose another one.
error-unknown-placeholder = { $name } is not a placeholder you can use. Valid placeholders: { $valid }.
