# agentdesk — Bahasa Indonesia

## Kesalahan dari API
error-validation-failed = Beberapa kolom perlu Anda periksa.
error-email-read-only = Alamat email adalah identitas masuk Anda dan tidak dapat diubah di sini.
error-weak-password = Pilih kata sandi yang lebih kuat.
error-invalid-credentials = Email atau kata sandi salah.
error-unauthenticated = Silakan masuk untuk melanjutkan.
error-forbidden = Anda tidak memiliki izin untuk melakukan ini.
error-not-found = Kami tidak dapat menemukan yang Anda cari.
error-email-taken = Alamat email ini sudah dipakai pengguna lain di agentdesk.
error-cannot-deactivate-self = Anda tidak dapat menonaktifkan akun Anda sendiri.
error-rate-limited = Terlalu banyak percobaan. Coba lagi dalam { $seconds ->
   *[other] { $seconds } detik
}.
error-cross-site = Permintaan ini berasal dari situs lain dan ditolak.
error-malformed-body = Permintaan tidak dapat dibaca.
error-invalid-body = Permintaan berisi kolom yang tidak dikenal atau jenisnya salah.
error-unsupported-media-type = Jenis konten ini tidak didukung di sini.
error-payload-too-large = Permintaan terlalu besar.
error-method-not-allowed = Tindakan ini tidak tersedia di sini.
error-busy = Server sedang sibuk. Silakan coba lagi sebentar lagi.
error-internal = Terjadi kesalahan di pihak kami. Silakan coba lagi.
error-network = Tidak dapat terhubung ke agentdesk. Periksa koneksi Anda, lalu coba lagi.
error-avatar-too-large = Ukuran gambar maksimal 5 MB.
error-invalid-image = Gambar ini tidak dapat digunakan: file rusak atau terlalu besar (maksimal 10.000 piksel per sisi).
error-wrong-password = Kata sandi Anda saat ini salah.
error-invalid-code = Kode tersebut salah.
error-code-expired = Kode ini sudah kedaluwarsa. Minta kode baru.
error-too-many-attempts = Terlalu banyak kode yang salah. Tunggu { $seconds ->
   *[other] { $seconds } detik
} lalu minta kode baru.
error-delivery-failed = Kami belum dapat mengirim kode saat ini. Coba lagi sebentar lagi.
error-phone-not-verified = Tambahkan dan verifikasi nomor telepon terlebih dahulu.
error-email-not-configured = Kode tidak dapat dikirim lewat email: server ini belum memiliki server email. Pilih metode lain atau hubungi administrator Anda.
error-sms-not-configured = Kode tidak dapat dikirim lewat SMS: server ini belum memiliki penyedia SMS. Pilih metode lain atau hubungi administrator Anda.
error-phone-in-use = Kode masuk Anda dikirim ke nomor ini. Nonaktifkan autentikasi dua faktor atau alihkan ke email terlebih dahulu.
error-two-factor-required = Perusahaan Anda mewajibkan autentikasi dua faktor, jadi fitur ini tidak dapat dinonaktifkan.
error-two-factor-off = Aktifkan autentikasi dua faktor terlebih dahulu.
error-nothing-to-resend = Kode dari aplikasi autentikator tidak dikirim, jadi tidak ada yang perlu dikirim ulang. Buka aplikasi untuk melihat kode saat ini.

## Masalah pada kolom
field-required = Kolom ini wajib diisi.
field-too-long = Terlalu panjang.
field-too-short = Terlalu pendek.
field-invalid-format = Sepertinya ini tidak benar.
field-unsupported = Nilai ini tidak didukung.
field-not-mobile = Nomor ini tidak dapat menerima SMS. Gunakan nomor ponsel.

## Kata sandi
password-too-short = Gunakan minimal 8 karakter.
password-too-long = Gunakan maksimal 128 karakter.
password-contains-personal = Jangan gunakan nama atau alamat email Anda dalam kata sandi.
password-too-common = Kata sandi ini terlalu umum atau mudah ditebak.
password-rules = Minimal 8 karakter. Frasa panjang mudah diingat dan sulit ditebak.

## Halaman kesalahan
error-page-not-found-title = Halaman tidak ditemukan
error-page-forbidden-title = Akses ditolak
error-page-server-title = Terjadi kesalahan
error-page-generic-title = Tidak berhasil
error-page-home = Kembali ke agentdesk

## Masuk
login-title = Masuk
login-subtitle = Selamat datang kembali. Pelanggan Anda sudah menunggu.
login-email = Email
login-password = Kata sandi
login-submit = Masuk
login-submitting = Sedang masuk…
login-fill-both = Masukkan email dan kata sandi Anda.
login-aside-customer = Halo! Pesanan saya belum sampai 📦
login-aside-agent = Mohon maaf atas ketidaknyamanannya — saya cek sekarang juga, ya.
login-tagline = Setiap percakapan WhatsApp, dijawab oleh orang yang tepat.
login-otp-title = Masukkan kode Anda
login-otp-sent = Kami telah mengirim kode 6 digit ke %destination%. Kode berlaku selama 10 menit.
login-otp-code = Kode
login-otp-submit = Verifikasi
login-otp-submitting = Memverifikasi…
login-otp-resend = Kirim kode baru
login-otp-resend-in = Kode baru dalam %seconds% detik
login-otp-resent = Kode baru sedang dikirim.
login-otp-back = Mulai dari awal
language-label = Bahasa

## Kerangka aplikasi
shell-skip-to-content = Langsung ke konten
shell-navigation = Navigasi utama
shell-account-menu = Menu akun
nav-inbox = Kotak masuk
nav-agents = Agen
menu-preferences = Preferensi Anda
menu-sign-out = Keluar

## Kotak masuk
inbox-empty-title = Semua sudah beres, { $name }
inbox-empty-body = Percakapan WhatsApp baru akan muncul di sini segera setelah pelanggan mengirim pesan ke nomor perusahaan Anda.

## Preferensi Anda
prefs-title = Preferensi Anda
prefs-profile = Profil
prefs-first-name = Nama depan
prefs-last-name = Nama belakang
prefs-email = Email
prefs-email-hint = Anda masuk dengan email ini. Hubungi admin jika perlu diubah.
prefs-save = Simpan
prefs-saving = Menyimpan…
prefs-saved = Tersimpan
prefs-save-failed = Perubahan Anda tidak dapat disimpan.
prefs-nothing-saved = Tidak ada yang disimpan.
prefs-unsaved = Ada perubahan yang belum disimpan.
prefs-language = Bahasa
prefs-language-hint = Langsung berlaku di semua halaman, juga untuk email dan SMS yang kami kirimkan kepada Anda.
prefs-avatar = Foto profil
prefs-avatar-hint = JPEG, PNG, atau WebP, maksimal 5 MB. Dapat dilihat rekan kerja, tidak pernah oleh pelanggan.
prefs-avatar-choose = Pilih foto
prefs-avatar-change = Ganti foto
prefs-avatar-remove = Hapus foto
prefs-avatar-drop = Lepaskan foto di sini
prefs-avatar-preview = Foto profil Anda
prefs-avatar-remove-title = Hapus foto Anda?
prefs-avatar-remove-body = Rekan kerja akan melihat inisial Anda sebagai gantinya.
prefs-avatar-removed = Foto dihapus
prefs-avatar-crop-title = Pangkas foto Anda
prefs-avatar-crop-hint = Seret untuk menggeser foto. Gunakan penggeser untuk memperbesar atau memperkecil.
prefs-avatar-zoom = Zoom
prefs-avatar-use = Gunakan foto ini
prefs-avatar-pending = Foto baru dipilih. Simpan untuk menerapkannya.
prefs-avatar-uploading = Mengunggah foto… %percent%
prefs-avatar-not-image = Pilih gambar JPEG, PNG, atau WebP.
prefs-password = Kata sandi
prefs-password-hint = Setelah diubah, Anda tetap masuk di perangkat ini; semua perangkat lain akan dikeluarkan.
prefs-password-current = Kata sandi saat ini
prefs-password-new = Kata sandi baru
prefs-password-confirm = Konfirmasi kata sandi baru
prefs-password-mismatch = Kedua kata sandi baru tidak cocok.
prefs-password-submit = Ubah kata sandi
prefs-password-changing = Mengubah…
prefs-password-changed = Kata sandi diubah. Anda telah dikeluarkan dari semua perangkat lain.
prefs-strength = Kekuatan kata sandi
prefs-strength-0 = Sangat lemah
prefs-strength-1 = Lemah
prefs-strength-2 = Cukup
prefs-strength-3 = Kuat
prefs-strength-4 = Sangat kuat

## Peran
role-admin = Admin
role-agent = Agen

## Admin › Agen
agents-title = Agen
agents-add = Tambah agen
agents-create = Buat agen
agents-col-name = Nama
agents-col-role = Peran
agents-col-status = Status
agents-col-actions = Tindakan
agents-you = Anda
agents-active = Aktif
agents-inactive = Dinonaktifkan
agents-deactivate = Nonaktifkan
agents-reactivate = Aktifkan kembali
agents-confirm-deactivate = Nonaktifkan { $name }? Semua sesinya di perangkat mana pun akan langsung diakhiri.
agents-initial-password = Kata sandi awal
agents-created = Agen berhasil dibuat
action-cancel = Batal

## Kesalahan kotak masuk
error-number-taken = Nomor WhatsApp ini sudah terhubung.
error-window-closed = Sudah lebih dari 24 jam sejak pesan terakhir pelanggan. Sekarang WhatsApp hanya mengizinkan pesan template.
error-conversation-conflict = Pelanggan ini sudah memiliki percakapan lain yang terbuka di nomor ini.
error-conversation-closed = Percakapan ini sudah ditutup. Buka kembali untuk membalas.
error-file-too-large = File ini melebihi batas WhatsApp (gambar 5 MB, audio dan video 16 MB, dokumen 100 MB).
error-invalid-signature = Tanda tangan webhook tidak ada atau salah.

## Halaman kotak masuk
numbers-title = Nomor WhatsApp
nav-numbers = Nomor
sim-title = Simulator pelanggan

## Antarmuka kotak masuk. Kata di antara tanda persen (%actor%, %agent%, %name%, %when%, %emoji%, %count%)
## diisi oleh browser: biarkan apa adanya, di posisi mana pun dalam kalimat.
inbox-views = Tampilan percakapan
inbox-view-mine = Milik saya
inbox-view-unassigned = Belum ditugaskan
inbox-view-all = Semua
inbox-filter-status = Status percakapan
inbox-status-open = Terbuka
inbox-status-closed = Ditutup
inbox-status-any = Semua status
inbox-filter-number = Nomor WhatsApp
inbox-number-any = Semua nomor
inbox-live-reconnecting = Menyambungkan ulang…
inbox-simulator-link = Buka simulator pelanggan
inbox-list-empty-mine = Saat ini belum ada yang ditugaskan kepada Anda. Percakapan baru untuk Anda akan muncul di sini.
inbox-list-empty-unassigned = Tidak ada percakapan yang menunggu untuk diambil.
inbox-list-empty-all = Tidak ada percakapan yang cocok dengan filter ini.
inbox-list-empty-closed = Tidak ada percakapan yang ditutup yang cocok dengan filter ini.
inbox-retry = Coba lagi
inbox-conversation = Percakapan
inbox-select-title = Pilih percakapan
inbox-select-body = Pilih percakapan dari daftar untuk membaca dan membalasnya.
inbox-back = Kembali ke percakapan
inbox-details = Detail
inbox-details-close = Tutup detail
inbox-actions = Tindakan percakapan
inbox-assignee = Penanggung jawab
inbox-unassigned = Belum ditugaskan
inbox-assign-me = Tugaskan ke saya
inbox-transfer = Alihkan…
inbox-unassign = Lepas penugasan
inbox-close = Tutup
inbox-reopen = Buka kembali
inbox-you = Anda
inbox-someone = Seseorang
inbox-customer = Pelanggan
inbox-no-phone = Nomor telepon tidak dibagikan
inbox-messages = Pesan
inbox-loading-older = Memuat pesan sebelumnya…
inbox-loading-more = Memuat percakapan lainnya…
inbox-conversations = Percakapan
inbox-new-messages = Pesan baru
inbox-window-open = Jendela balasan berakhir %when%
inbox-window-open-short = Terbuka, berakhir %when%
inbox-window-closed-short = Jendela balasan sudah berakhir
inbox-window-conversation-closed = Tidak terbuka: percakapan sudah ditutup
inbox-window-closed-title = Jendela balasan 24 jam sudah berakhir
inbox-window-closed-body = WhatsApp hanya mengizinkan balasan bebas dalam 24 jam sejak pesan terakhir pelanggan. Anda dapat membalas lagi segera setelah pelanggan mengirim pesan.
inbox-window-never-body = Pelanggan belum mengirim pesan di percakapan ini. WhatsApp hanya mengizinkan balasan bebas setelah pelanggan mengirim pesan.
inbox-closed-notice = Percakapan ini sudah ditutup. Buka kembali untuk membalas.
inbox-composer-label = Balasan Anda
inbox-composer-placeholder = Tulis balasan…
inbox-composer-hint = Enter untuk mengirim · Shift+Enter untuk baris baru
inbox-composer-disabled-window = Balasan dijeda sampai pelanggan mengirim pesan lagi
inbox-composer-disabled-closed = Buka kembali percakapan untuk membalas
inbox-composer-disabled-disconnected = Balasan nonaktif: nomor ini terputus
inbox-send = Kirim
inbox-message-reply = Balas pesan ini
inbox-reply-cancel = Batalkan balasan
inbox-quote-missing = Pesan asli tidak tersedia
inbox-msg-pending = Mengirim
inbox-msg-sent = Terkirim
inbox-msg-delivered = Diterima
inbox-msg-read = Dibaca
inbox-msg-failed = Tidak terkirim
inbox-reaction = Pelanggan bereaksi dengan %emoji%
inbox-media-image = Foto
inbox-media-video = Video
inbox-media-audio = Audio
inbox-media-voice = Pesan suara
inbox-media-document = Dokumen
inbox-media-sticker = Stiker
inbox-media-unavailable = Pratinjau belum tersedia
inbox-media-loading = Memuat…
inbox-media-open = Buka gambar penuh di tab baru
inbox-media-download = Unduh
inbox-attach = Lampirkan file
inbox-attachment-remove = Hapus lampiran
inbox-composer-caption = Tambahkan keterangan (opsional)…
inbox-uploading = Mengunggah… %percent%
inbox-uploading-label = Progres unggahan
inbox-location = Lokasi
inbox-location-open = Buka peta
inbox-contacts = Kontak yang dibagikan
inbox-reply-button = Mengetuk tombol
inbox-reply-list = Memilih dari daftar
inbox-unsupported = Jenis pesan ini belum dapat ditampilkan
inbox-interactive = Pesan interaktif
inbox-today = Hari ini
inbox-yesterday = Kemarin
inbox-event-created = Percakapan dimulai
inbox-event-assigned = Ditugaskan ke %agent% oleh %actor%
inbox-event-assigned-auto = Ditugaskan ke %agent% secara otomatis
inbox-event-assigned-self = %actor% mengambil percakapan ini
inbox-event-unassigned = Penugasan dilepas oleh %actor%
inbox-event-unassigned-auto = Penugasan dilepas
inbox-event-closed = Ditutup oleh %actor%
inbox-event-closed-auto = Ditutup
inbox-event-reopened = Dibuka kembali oleh %actor%
inbox-event-reopened-auto = Dibuka kembali
inbox-done-assigned-me = Ditugaskan ke Anda
inbox-done-transferred = Dialihkan ke %name%
inbox-done-unassigned = Penugasan percakapan dilepas
inbox-done-closed = Percakapan ditutup
inbox-done-reopened = Percakapan dibuka kembali
inbox-transfer-title = Alihkan percakapan
inbox-transfer-body = Pilih siapa yang menangani percakapan ini selanjutnya. Percakapan langsung masuk ke tampilan "Milik saya" orang tersebut.
inbox-transfer-search = Cari rekan kerja
inbox-transfer-empty = Tidak ada rekan kerja yang cocok dengan pencarian Anda.
inbox-transfer-current = Ditugaskan
inbox-details-customer-id = ID pengguna WhatsApp
inbox-details-number = Nomor bisnis
inbox-details-status = Status
inbox-details-started = Dimulai
inbox-details-initiated = Dimulai oleh
inbox-details-window = Jendela balasan
inbox-initiated-customer = Pelanggan
inbox-initiated-business = Tim Anda

## Ketersediaan (bilah samping)
availability-label = Status Anda
availability-available = Tersedia
availability-away = Tidak di tempat
availability-offline = Offline
availability-failed = Status Anda tidak dapat diubah.

## Admin › Nomor WhatsApp
numbers-intro = Nomor WhatsApp Business yang dilayani tim Anda. Pesan pelanggan ke nomor-nomor ini masuk ke kotak masuk.
numbers-add = Tambah nomor
numbers-add-intro = Hubungkan nomor dari WhatsApp Business Platform milik Meta.
numbers-create = Hubungkan nomor
numbers-created = Nomor berhasil dihubungkan
numbers-col-name = Nomor
numbers-col-id = ID nomor telepon
numbers-col-assignment = Penugasan
numbers-col-status = Status
numbers-col-added = Ditambahkan
numbers-connected = Terhubung
numbers-token-invalid = Token ditolak
numbers-token-invalid-hint = WhatsApp menolak token akses nomor ini. Balasan tidak dapat dikirim sampai token diganti.
numbers-assignment-manual = Manual
numbers-assignment-manual-hint = Percakapan baru menunggu di "Belum ditugaskan" sampai ada yang mengambilnya.
numbers-assignment-round-robin = Bergiliran
numbers-assignment-round-robin-hint = Percakapan baru dibagikan secara bergiliran ke agen yang tersedia.
numbers-empty-title = Belum ada nomor yang terhubung
numbers-empty-body = Hubungkan nomor WhatsApp Business pertama Anda untuk mulai menerima percakapan.
numbers-field-name = Nama
numbers-field-name-hint = Sebutan tim Anda untuk nomor ini, mis. "Dukungan" atau "Penjualan".
numbers-field-display = Nomor telepon yang ditampilkan
numbers-field-id = ID nomor telepon
numbers-field-id-hint = Temukan ID nomor telepon (hanya angka) di WhatsApp Manager milik Meta, pada bagian Penyiapan API.
numbers-field-token = Token akses
numbers-field-token-hint = Token permanen dengan izin whatsapp_business_messaging. Token disimpan di server dan tidak akan ditampilkan lagi, bahkan kepada admin.
numbers-field-assignment = Percakapan baru
inbox-number-disconnected-notice = Nomor ini telah diputus. Percakapan tetap disimpan, tetapi balasan tidak dapat dikirim.
error-number-disconnected = Nomor WhatsApp ini diputus oleh admin, jadi tidak ada yang dapat dikirim lewat nomor ini.
numbers-reconnect = Hubungkan lagi
numbers-disconnected-done = Nomor diputus. Percakapannya tetap disimpan.
numbers-disconnected = Terputus
numbers-disconnect-body = Pesan baru ke { $name } tidak akan masuk lagi, dan tidak ada yang dapat membalas lewat nomor ini. Percakapannya tetap ada di kotak masuk, dan Anda dapat menghubungkannya lagi nanti.
numbers-disconnect-title = Putuskan nomor ini?
numbers-disconnect = Putuskan
numbers-field-new-token-hint = Biarkan kosong untuk mempertahankan token saat ini. Token baru langsung menggantikannya.
numbers-field-new-token = Token akses baru (opsional)
numbers-saved = Perubahan disimpan
numbers-edit-title = Ubah nomor
numbers-edit = Ubah
action-save = Simpan

## Simulator pelanggan (mode demo)
sim-demo = Demo
sim-intro = Berperanlah sebagai pelanggan yang mengirim pesan ke nomor WhatsApp demo Anda. Semuanya melewati jalur webhook yang sebenarnya, ditandatangani seperti oleh Meta, dan balasan tim Anda muncul di ponsel ini.
sim-phone = Ponsel pelanggan
sim-number = Nomor bisnis
sim-customer = Pelanggan
sim-new-customer = Pelanggan baru
sim-customer-name = Nama
sim-customer-phone = Nomor telepon (opsional)
sim-customer-phone-hint = Tanpa nomor telepon, pelanggan hanya dikenali lewat ID pengguna WhatsApp, seperti orang yang memakai nama pengguna.
sim-create = Tambah pelanggan
sim-created = %name% siap mengobrol
sim-no-phone = tanpa nomor telepon
sim-auto-read = Baca pesan secara otomatis
sim-auto-read-hint = Pesan dari bisnis langsung bercentang biru begitu diterima.
sim-open-inbox = Buka kotak masuk
sim-foot = Tips: buka kotak masuk di jendela lain untuk melihat pesan masuk secara langsung.
sim-business = Akun bisnis
sim-mark-read = Tandai sudah dibaca
sim-read-done = Ditandai sudah dibaca: %count%
sim-read-none = Semua pesan sudah dibaca.
sim-e2e = Chat demo: pesan hanya dikirim ke agentdesk ini, tidak pernah ke WhatsApp.
sim-empty = Belum ada pesan. Sapa bisnis ini!
sim-message = Pesan
sim-attach = Lampirkan
sim-attach-photo = Foto
sim-attach-document = Dokumen
sim-attach-location = Lokasi
sim-attach-hint = Teks yang diketik di kotak pesan akan dikirim sebagai keterangan.
sim-location-name = Avenida Paulista
sim-location-address = Av. Paulista, 1578 – Bela Vista, São Paulo
sim-choose = Pilih
sim-media-open = Buka
sim-failed = Simulator tidak dapat melakukannya. Coba lagi.

## Pesan yang kami kirim (email dan SMS). { $code } adalah kode enam digit.
otp-email-subject = Kode agentdesk Anda
otp-login = { $code } adalah kode masuk agentdesk Anda. Berlaku 10 menit. Jangan berikan kepada siapa pun.
otp-two-factor = { $code } adalah kode agentdesk Anda untuk mengubah autentikasi dua faktor. Berlaku 10 menit.
otp-phone-old = { $code } adalah kode agentdesk Anda untuk mengonfirmasi perubahan nomor telepon. Berlaku 10 menit.
otp-phone-new = { $code } adalah kode agentdesk Anda untuk memverifikasi nomor telepon ini. Berlaku 10 menit.
notice-email-subject = Pemberitahuan keamanan dari agentdesk
notice-two-factor-enabled = Autentikasi dua faktor telah diaktifkan untuk akun agentdesk Anda. Jika bukan Anda yang melakukannya, segera hubungi admin Anda.
notice-two-factor-disabled = Autentikasi dua faktor telah dinonaktifkan untuk akun agentdesk Anda. Jika bukan Anda yang melakukannya, segera hubungi admin Anda.
notice-two-factor-switched = Kode masuk agentdesk Anda kini dikirim melalui metode lain. Jika bukan Anda yang melakukannya, segera hubungi admin Anda.
notice-phone-changed = Nomor telepon akun agentdesk Anda telah diubah. Jika bukan Anda yang melakukannya, segera hubungi admin Anda.
notice-phone-removed = Nomor telepon akun agentdesk Anda telah dihapus. Jika bukan Anda yang melakukannya, segera hubungi admin Anda.

## Preferensi Anda › Keamanan. %destination% diisi oleh browser.
prefs-security = Keamanan
security-2fa-title = Autentikasi dua faktor
security-2fa-intro = Saat masuk, setelah kata sandi, Anda perlu memasukkan kode sekali pakai dari aplikasi autentikator, ponsel, atau email Anda. Orang yang mengetahui kata sandi Anda tetap tidak dapat masuk.
security-2fa-on = Aktif
security-2fa-off = Nonaktif
security-2fa-method = Dapatkan kode dari
security-phone-unavailable = Nomor telepon diverifikasi lewat SMS, dan server ini belum dapat mengirim SMS.
security-admin-email-not-configured = Admin: kode lewat email nonaktif karena belum ada server email. Atur AGENTDESK_DELIVERY__SMTP__HOST (serta port, mode TLS, kredensial, dan pengirim bila perlu), lalu mulai ulang server.
security-admin-sms-not-configured = Admin: kode lewat SMS nonaktif karena belum ada penyedia SMS. Atur AGENTDESK_DELIVERY__SMS__ACCOUNT_SID, AGENTDESK_DELIVERY__SMS__AUTH_TOKEN, dan AGENTDESK_DELIVERY__SMS__FROM (layanan yang kompatibel dengan Twilio), lalu mulai ulang server.
security-channel-unavailable = Tidak tersedia di server ini
security-2fa-turning-off = Menonaktifkan…
security-2fa-turning-on = Mengaktifkan…
security-2fa-in-use = Digunakan
security-2fa-method-when-on = Kode akan datang dari
security-2fa-method-email = Email
security-2fa-method-sms = Pesan teks (SMS)
security-2fa-sms-needs-phone = Tambahkan nomor telepon di bawah untuk menerima kode melalui SMS.
security-2fa-weak-note = Aplikasi autentikator adalah pilihan paling aman: kodenya tidak pernah dikirim melalui jaringan. Kode melalui email atau SMS menghentikan orang yang hanya tahu kata sandi Anda, tetapi tidak orang yang menguasai kotak masuk email atau nomor telepon Anda.
security-2fa-enabled = Autentikasi dua faktor aktif.
security-2fa-disabled = Autentikasi dua faktor nonaktif.
security-2fa-switched = Kode kini dikirim melalui metode baru.
security-phone-title = Nomor telepon
security-phone-intro = Hanya digunakan untuk mengirimkan kode masuk kepada Anda melalui SMS.
security-phone-none = Belum ada nomor telepon.
security-phone-country = Negara atau wilayah
security-phone-number = Nomor telepon
security-phone-add = Tambah nomor
security-phone-change = Ganti nomor
security-phone-remove = Hapus nomor
security-phone-removed = Nomor telepon dihapus.
security-phone-changed = Nomor telepon diverifikasi dan disimpan.
security-phone-remove-title = Hapus nomor telepon Anda?
security-phone-remove-body = Anda tidak akan lagi menerima kode melalui SMS.
security-events-title = Aktivitas keamanan terbaru
security-events-empty = Belum ada aktivitas.
security-event-signed_in = Masuk
security-event-two_factor_failed = Kode masuk yang dimasukkan salah
security-event-two_factor_enabled = Autentikasi dua faktor diaktifkan
security-event-two_factor_disabled = Autentikasi dua faktor dinonaktifkan
security-event-two_factor_switched = Metode dua faktor diubah
security-event-password_changed = Kata sandi diubah
security-event-phone_changed = Nomor telepon diubah
security-event-phone_removed = Nomor telepon dihapus
otp-dialog-title = Konfirmasi bahwa ini Anda
otp-dialog-sent = Masukkan kode 6 digit yang kami kirim ke %destination%.
otp-dialog-old-phone = Pertama, masukkan kode yang kami kirim ke nomor Anda saat ini, %destination%.
otp-dialog-new-phone = Sekarang, masukkan kode yang kami kirim ke nomor baru Anda, %destination%.
otp-dialog-confirm = Konfirmasi
security-setup-required = Perusahaan Anda mewajibkan autentikasi dua faktor. Aktifkan untuk melanjutkan ke agentdesk.
admin-require-2fa = Wajibkan autentikasi dua faktor
admin-require-2fa-hint = Semua orang harus mengonfirmasi setiap kali masuk dengan kode. Pengguna yang belum mengaktifkannya akan menyiapkannya tepat setelah memasukkan kata sandi.
admin-require-2fa-on = Autentikasi dua faktor kini wajib untuk semua orang.
admin-require-2fa-off = Autentikasi dua faktor tidak lagi wajib.
security-sessions-title = Perangkat tempat Anda masuk
security-sessions-intro = Sesi berakhir setelah 30 menit tidak digunakan dan 12 jam setelah masuk.
security-sessions-this-device = Perangkat ini
security-sessions-unknown-device = Perangkat tidak dikenal
security-sessions-sign-out-others = Keluar dari sesi lain
security-sessions-signed-out = Sesi lain diakhiri: %count%
security-event-signed_out_others = Sesi lain diakhiri

## Aplikasi autentikator dan kode pemulihan
login-otp-totp = Buka aplikasi autentikator Anda, lalu masukkan kode 6 digit yang ditampilkannya untuk agentdesk.
login-use-recovery = Gunakan kode pemulihan
login-use-otp = Gunakan kode 6 digit sebagai gantinya
login-recovery-code = Kode pemulihan
login-recovery-text = Masukkan salah satu kode pemulihan yang Anda simpan saat mengaktifkan autentikasi dua faktor. Setiap kode hanya berlaku satu kali.
security-2fa-method-totp = Aplikasi autentikator
security-2fa-totp-hint = Google Authenticator, Microsoft Authenticator, 1Password, atau aplikasi apa pun untuk kode berbasis waktu
security-2fa-strongest = Paling aman
otp-dialog-totp = Masukkan kode 6 digit yang ditampilkan aplikasi autentikator Anda untuk agentdesk.
totp-title = Siapkan aplikasi autentikator Anda
totp-scan = Pindai kode QR ini dengan aplikasi autentikator Anda.
totp-manual = Tidak dapat memindainya? Masukkan kunci ini di aplikasi:
totp-qr-alt = Kode QR untuk menambahkan agentdesk ke aplikasi autentikator Anda
totp-enter = Lalu masukkan kode 6 digit yang ditampilkan aplikasi.
action-copy = Salin
action-copied = Disalin
recovery-title = Kode pemulihan
recovery-intro = Jika ponsel Anda hilang atau Anda tidak dapat menerima kode, setiap kode pemulihan dapat digunakan untuk masuk satu kali.
recovery-left = { $count ->
   *[other] Tersisa { $count } kode yang belum digunakan
}
recovery-none = Belum ada kode pemulihan. Buat satu set kode dan simpan di tempat yang aman.
recovery-generate = Buat kode baru
recovery-dialog-title = Simpan kode pemulihan Anda
recovery-dialog-body = Simpan kode-kode ini di tempat yang aman, misalnya pengelola kata sandi. Setiap kode dapat digunakan untuk masuk satu kali saat Anda tidak dapat menerima kode. Kode ini hanya ditampilkan sekarang.
recovery-download = Unduh
recovery-file-title = Kode pemulihan agentdesk untuk %email%
recovery-saved = Saya sudah menyimpan kode-kode ini
recovery-done = Selesai
recovery-password-title = Konfirmasi dengan kata sandi Anda
recovery-password-body = Kode baru akan menggantikan kode Anda saat ini: kode lama langsung tidak berlaku lagi.
recovery-generated = Kode pemulihan baru sudah siap. Kode lama tidak berlaku lagi.
notice-recovery-codes-generated = Kode pemulihan baru telah dibuat untuk akun agentdesk Anda; kode sebelumnya tidak berlaku lagi. Jika bukan Anda yang melakukannya, segera hubungi admin Anda.
notice-recovery-code-used = Kode pemulihan telah digunakan untuk masuk ke akun agentdesk Anda. { $count ->
   *[other] Tersisa { $count } kode.
} Jika bukan Anda yang melakukannya, segera hubungi admin Anda.
security-event-recovery_code_used = Masuk dengan kode pemulihan
security-event-recovery_codes_generated = Kode pemulihan baru dibuat

## Canned responses
error-short-code-taken = Kode singkat ini sudah dipakai. Pilih yang lain.
error-unknown-placeholder = { $name } bukan placeholder yang dapat dipakai. Placeholder yang valid: { $valid }.
