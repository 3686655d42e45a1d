//! Rendering as canonical wire copy: `Display` for `Article` and `Dateline`.
