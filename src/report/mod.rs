//! Output: Markdown, JSON, JSON Lines, DOT. Formatting only; the binary writes the bytes.

pub mod schema;
