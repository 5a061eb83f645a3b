//! The one integration-test binary of the server crate: black-box API tests against the app
//! started in-process on port 0, the storage story on SQLite and PostgreSQL, the CLI, and browser
//! tests in headless Chromium.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

mod api_admin;
mod api_auth;
mod api_canned;
mod api_errors;
mod api_inbox;
mod api_profile;
mod api_security;
mod api_totp;
mod browser;
mod browser_a11y;
mod browser_canned;
mod browser_profile;
mod browser_security;
mod cli;
mod cloud_api;
mod conformance;
mod delivery;
mod store_canned_story;
mod store_inbox_story;
mod store_story;
