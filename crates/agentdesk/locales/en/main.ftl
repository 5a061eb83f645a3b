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

## Field problems
field-required = This field is required.
field-too-long = This is too long.
field-too-short = This is too short.
field-invalid-format = This does not look right.
field-unsupported = This value is not supported.

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
prefs-unsaved = You have unsaved changes.
prefs-language = Language
prefs-language-hint = Applies at once to every page, and to emails and text messages we send you.

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
error-invalid-signature = The webhook signature is missing or wrong.

## Inbox pages (filled by the inbox UI work)
numbers-title = WhatsApp numbers
nav-numbers = Numbers
sim-title = Customer simulator
