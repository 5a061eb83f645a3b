//! Enums stored and sent by name. One declaration gives the variants, their names, `ALL`,
//! `as_str` and `parse`, so a name is spelt in exactly one place.

/// Declares a fieldless enum whose variants are stored (and shown to clients) by name.
/// `parse` answers `None` for a name it does not know — one a newer build wrote, or corrupt
/// data — and the caller decides what that means.
#[macro_export]
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The variant stored under `name`, if this build knows it.
            pub fn parse(name: &str) -> Option<$name> {
                match name {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use crate::domain::inbox::{LiveEventKind, TimelineKind};
    use crate::store::{CodeChannel, JobKind, Purpose, SecurityEventKind, SessionKind};

    fn distinct_and_round_trip<T: Copy + PartialEq + std::fmt::Debug>(
        all: &[T],
        name: fn(T) -> &'static str,
        parse: fn(&str) -> Option<T>,
    ) {
        let names: HashSet<&str> = all.iter().map(|v| name(*v)).collect();
        assert_eq!(names.len(), all.len(), "names are distinct: {all:?}");
        for v in all {
            assert_eq!(parse(name(*v)), Some(*v));
            assert!(
                name(*v)
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_')
            );
        }
        assert_eq!(parse(""), None);
        assert_eq!(parse("Unknown"), None);
    }

    #[test]
    fn every_named_enum_round_trips_with_distinct_snake_case_names() {
        distinct_and_round_trip(JobKind::ALL, JobKind::as_str, JobKind::parse);
        distinct_and_round_trip(Purpose::ALL, Purpose::as_str, Purpose::parse);
        distinct_and_round_trip(CodeChannel::ALL, CodeChannel::as_str, CodeChannel::parse);
        distinct_and_round_trip(
            SecurityEventKind::ALL,
            SecurityEventKind::as_str,
            SecurityEventKind::parse,
        );
        distinct_and_round_trip(SessionKind::ALL, SessionKind::as_str, SessionKind::parse);
        distinct_and_round_trip(
            LiveEventKind::ALL,
            LiveEventKind::as_str,
            LiveEventKind::parse,
        );
        distinct_and_round_trip(TimelineKind::ALL, TimelineKind::as_str, TimelineKind::parse);
        assert_eq!(Purpose::parse("Login"), None, "names are case-sensitive");
        assert_eq!(JobKind::SendMessage.to_string(), "send_message");
    }
}
