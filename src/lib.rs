//! gainsay: a claim-contradiction checker for news reports.
//!
//! The data flow is the module layout:
//!
//! ```text
//! ingest ─▶ segment ─▶ extract ─▶ graph ─▶ check ─▶ report
//!                                              └──▶ audit
//! ```
//!
//! Only [`ingest`] and the binary's output do I/O; extraction never fails.

pub mod audit;
pub mod batch;
pub mod check;
pub mod compare;
pub mod csv;
pub mod decompose;
pub mod eval;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod istr;
pub mod lexicon;
pub mod model;
pub mod places;
pub mod pos;
pub mod records;
pub mod regions;
pub mod report;
pub mod resources;
pub mod segment;
pub mod stance;
pub mod wire;
