//! What the tests share: the app on port 0 with a fresh database (`app`), HTTP helpers and error
//! checks (`requests`), the dev outbox (`outbox`), two-factor set-up (`security`), generated pictures
//! (`images`), the WhatsApp side (`whatsapp`) and the browser (`browser`). Test modules import
//! from here only, never from each other.

pub mod app;
pub mod browser;
pub mod images;
pub mod outbox;
pub mod requests;
pub mod security;
pub mod whatsapp;

pub use app::*;
pub use browser::{Browser, browser};
pub use images::*;
pub use outbox::*;
pub use requests::*;
pub use security::*;
pub use whatsapp::*;
