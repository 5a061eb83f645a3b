//! Your preference › Profile: the `/api/v1/me` endpoints, the preference page, and the avatar
//! (initials on a name-derived colour for now).

pub mod avatar;
pub mod me;
pub mod page;
pub mod password;
pub mod picture;
