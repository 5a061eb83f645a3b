//! The inbox: WhatsApp numbers (admin), the webhook that brings customers' messages in,
//! conversations and their messages, assignment and transfer, sending through the Cloud API via
//! the job queue, and live updates for open browsers.

pub mod attachments;
pub mod conversations;
pub mod ingest;
pub mod jobs;
pub mod live;
pub mod numbers;
pub mod pages;
pub mod views;
pub mod webhook;
