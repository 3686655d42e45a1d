//! Invariants the fuzz targets check on every article parsed: the checker
//! the integration tests use (`tests/common/mod.rs`), included by path so it
//! is written once.

#[path = "../../tests/common/mod.rs"]
mod common;

pub use common::{check_article, check_dateline};
