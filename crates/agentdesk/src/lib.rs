//! agentdesk: the web workspace where support agents answer WhatsApp Business customers.
//! `Application::build` turns a `Config` into a bound server; `main.rs` is only the CLI around it.

pub mod admin;
pub mod assets;
pub mod auth;
pub mod blobs;
pub mod canned;
pub mod config;
pub mod delivery;
pub mod demo;
pub mod health;
pub mod http;
pub mod i18n;
pub mod inbox;
pub mod numbers;
pub mod profile;
pub mod security;
pub mod shell;
pub mod startup;
pub mod state;
pub mod team;
pub mod telemetry;
pub mod whatsapp;

pub use config::Config;
pub use startup::{Application, StartError, open_store};
