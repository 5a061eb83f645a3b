//! Signing in and staying signed in: password hashing and policy, login throttling, server-side
//! sessions, and the login/logout endpoints.

pub mod device;
pub mod login;
pub mod password;
pub mod session;
pub mod throttle;
