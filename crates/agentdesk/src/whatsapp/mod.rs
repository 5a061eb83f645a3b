//! The WhatsApp Cloud API channel: webhook signature checks and payload parsing (inbound
//! messages and statuses), the outbound Cloud API client, and the Graph API emulator that demo
//! mode points the client at.

pub mod cloud_api;
pub mod emulator;
pub mod payload;
pub mod signature;
