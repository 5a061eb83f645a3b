//! Time as the product sees it. Every rule with a deadline (session timeouts, lockouts, code
//! expiry) reads the time through a `Clock`, so tests can move time forward instead of sleeping.

use std::sync::atomic::{AtomicI64, Ordering};

/// Milliseconds since the Unix epoch, UTC. Stored as a 64-bit integer on every backend so that
/// comparisons mean the same thing on SQLite and PostgreSQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

impl Timestamp {
    pub fn millis(self) -> i64 {
        self.0
    }
    pub fn plus_secs(self, secs: i64) -> Self {
        Self(self.0.saturating_add(secs.saturating_mul(1000)))
    }
    pub fn minus_secs(self, secs: i64) -> Self {
        Self(self.0.saturating_sub(secs.saturating_mul(1000)))
    }
    /// Whole seconds from `self` until `later`, rounded up, never negative.
    pub fn secs_until(self, later: Timestamp) -> i64 {
        let ms = later.0.saturating_sub(self.0).max(0);
        (ms + 999) / 1000
    }
    /// RFC 3339 form used in the JSON API.
    pub fn to_rfc3339(self) -> String {
        let nanos = i128::from(self.0) * 1_000_000;
        time::OffsetDateTime::from_unix_timestamp_nanos(nanos)
            .ok()
            .and_then(|t| {
                t.format(&time::format_description::well_known::Rfc3339)
                    .ok()
            })
            .unwrap_or_default()
    }
}

pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> Timestamp;
}

/// The wall clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        let nanos = time::OffsetDateTime::now_utc().unix_timestamp_nanos();
        Timestamp(i64::try_from(nanos / 1_000_000).unwrap_or(i64::MAX))
    }
}

/// A clock that only moves when told to; starts at the current wall-clock time.
#[derive(Debug)]
pub struct ManualClock(AtomicI64);

impl Default for ManualClock {
    fn default() -> Self {
        Self(AtomicI64::new(SystemClock.now().0))
    }
}

impl ManualClock {
    pub fn advance_secs(&self, secs: i64) {
        self.0
            .fetch_add(secs.saturating_mul(1000), Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        Timestamp(self.0.load(Ordering::SeqCst))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secs_until_rounds_up_and_never_goes_negative() {
        let t = Timestamp(10_000);
        assert_eq!(t.secs_until(Timestamp(10_001)), 1);
        assert_eq!(t.secs_until(Timestamp(12_000)), 2);
        assert_eq!(t.secs_until(Timestamp(5_000)), 0);
    }

    #[test]
    fn rfc3339_is_utc() {
        assert_eq!(Timestamp(0).to_rfc3339(), "1970-01-01T00:00:00Z");
    }

    #[test]
    fn manual_clock_moves_only_when_told() {
        let c = ManualClock::default();
        let a = c.now();
        c.advance_secs(60);
        assert_eq!(c.now().0 - a.0, 60_000);
    }
}
