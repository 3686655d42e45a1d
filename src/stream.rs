//! Splitting multi-story input into stories.
