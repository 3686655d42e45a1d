//! Parsing many articles at once.
