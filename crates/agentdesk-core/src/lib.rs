//! The domain of agentdesk without any I/O: validated value types, the records the product keeps,
//! the clock, and the `Store` trait that each storage backend implements.

pub mod clock;
pub mod domain;
mod names;
pub mod secret;
pub mod store;

pub use clock::{Clock, ManualClock, SystemClock, Timestamp};
pub use secret::Secret;
pub use store::{Store, StoreError};
