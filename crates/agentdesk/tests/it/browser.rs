//! Browser tests (filled next).
