//! The WhatsApp Cloud API channel: webhook signature checks and payload parsing (inbound
//! messages and statuses) and the outbound Cloud API client. The Graph API emulator that demo
//! mode points the client at is its own crate, `agentdesk-graph-emulator`.

pub mod cloud_api;
pub mod payload;
pub mod signature;
