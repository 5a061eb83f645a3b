//! Admin › Agents: admins list the people of their company, add one, and deactivate or reactivate
//! one (a deactivated user's sessions end at once). Agents get 403.

pub mod agents;
pub mod page;
pub mod policy;
