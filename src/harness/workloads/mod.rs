//! What a thread runs and what it must answer: keys, op mixes and streams, validation,
//! conservation, and the streams as text for the Go anchor.

pub mod conserve;
pub mod keys;
pub mod stream;
pub mod validate;
pub mod workload;
